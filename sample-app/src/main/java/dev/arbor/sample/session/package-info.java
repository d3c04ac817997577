/**
 * User sessions: one GenServer per signed-in user, started on demand under a DynamicSupervisor and
 * found by user id through a Registry.
 */
package dev.arbor.sample.session;
