/**
 * Observability beyond logs: JFR events for process spawn, registration and exit, supervisor
 * restarts, call latency and mailbox depth ({@link dev.arbor.observe.ArborEvents}, turned on by the
 * settings file {@code arbor.jfc} in this package), in-process hooks for metrics binders and live
 * tools ({@link dev.arbor.observe.RuntimeListener}), a count of the live processes by kind ({@link
 * dev.arbor.observe.Census}), and process lineage (which process spawned which, {@link
 * dev.arbor.observe.Lineage}) for tools such as the testkit's leak check.
 */
package dev.arbor.observe;
