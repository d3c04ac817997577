/**
 * The seam between the runtime and the distribution layer ({@code arbor-dist}): <b>not an API for
 * applications</b>. It is public only because {@code arbor-dist} lives in another module; anything
 * here may change with the runtime, except {@link dev.arbor.remote.RemoteReplyException}, which a
 * generated client's call to another node throws to the application.
 *
 * <p>Four parts:
 *
 * <ul>
 *   <li>{@link dev.arbor.remote.Distribution}: implemented by {@code arbor-dist}, one per started
 *       node; the runtime asks it for the node's name and creation and for a {@link
 *       dev.arbor.remote.NodeConnection} to a node.
 *   <li>{@link dev.arbor.remote.NodeConnection}: implemented by {@code arbor-dist}, one per
 *       connection; the runtime calls it for every signal a local process sends to a remote one
 *       (messages, links, unlinks, exit signals, monitors, demonitors, and the exit signals and
 *       {@code Down}s a dying local process owes remote processes).
 *   <li>{@link dev.arbor.remote.LocalNode}: implemented by the runtime, returned by {@link
 *       dev.arbor.remote.LocalNode#attach}; {@code arbor-dist} calls it with every signal that
 *       arrives from a peer, and when a connection is lost. {@link dev.arbor.remote.Handles} builds
 *       and opens pids and references for the term codec.
 *   <li>{@link dev.arbor.remote.RemoteRequests}: implemented by {@code arbor-dist}, returned by
 *       {@link dev.arbor.remote.Distribution#requests()}; a server with generated {@code
 *       dev.arbor.mapping.ServerTerms} ({@code @GenServer(remote = true)}) asks it, in its own
 *       process, what a message from another node is: an {@link dev.arbor.remote.Incoming} call
 *       (answered through a {@link dev.arbor.remote.RemoteReply}), cast, {@code @Info} value, or a
 *       refused request.
 * </ul>
 *
 * <p>And two timing hints: {@link dev.arbor.remote.LocalNode#holdWrite}, with which a connection
 * lets a busy sender hold its write until it waits, and {@link dev.arbor.remote.ReaderThread}, a
 * reader thread that runs the process a frame woke.
 *
 * <p>Rules that hold across the seam, as in Erlang:
 *
 * <ul>
 *   <li><b>Nothing blocks a process.</b> The runtime calls {@code NodeConnection} on the thread of the
 *       local process that sends the signal (or of the process that is exiting); an implementation
 *       queues and returns. Calls on a connection that is lost, or still connecting and then fails,
 *       are dropped without an exception; what was linked or monitored across it is settled by
 *       {@link dev.arbor.remote.LocalNode#connectionLost}.
 *   <li><b>Order.</b> Signals from one process to another arrive in the order sent. The runtime calls
 *       a connection in that order; {@code arbor-dist} writes them in that order and delivers what it
 *       reads from one connection in order, on one thread per connection.
 *   <li><b>Every link and monitor across a connection ends exactly once</b>: by an exit, an unlink
 *       or demonitor, or {@code connectionLost}, which gives {@code noconnection} to every local
 *       process still linked to or monitoring a process of that node, and {@link dev.arbor.NodeDown}
 *       to every node monitor.
 * </ul>
 */
package dev.arbor.remote;
