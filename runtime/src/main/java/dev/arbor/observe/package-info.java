/**
 * Observability beyond logs: JFR events for process spawn and exit, supervisor restarts, call
 * latency and mailbox depth ({@link dev.arbor.observe.ArborEvents}), and process lineage (which
 * process spawned which, {@link dev.arbor.observe.Lineage}) for tools such as the testkit's leak check.
 */
package dev.arbor.observe;
