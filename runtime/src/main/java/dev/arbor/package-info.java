/**
 * Arbor's processes: {@link dev.arbor.Proc} for spawn, send, receive, links, monitors, exit signals,
 * names and timers; {@link dev.arbor.Pid}, {@link dev.arbor.Ref} and {@link dev.arbor.ExitReason} as
 * values; {@link dev.arbor.Down} and {@link dev.arbor.Exit} as the messages the runtime sends.
 */
package dev.arbor;
