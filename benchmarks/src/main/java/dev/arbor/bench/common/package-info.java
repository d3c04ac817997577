/**
 * The servers every shape talks to, once per system: {@link dev.arbor.bench.common.EchoServer} (an
 * Arbor {@code @GenServer}), {@link dev.arbor.bench.common.PekkoEcho} (the same protocol as Pekko typed
 * behaviors), {@link dev.arbor.bench.common.VtEcho} (two bare virtual threads handing a value back and
 * forth with park/unpark: the substrate's floor), and the harness's result lines.
 */
package dev.arbor.bench.common;
