/**
 * A running node's machinery, not API: the peer table and dialling ({@code NodeCore}, the
 * runtime's {@code Distribution}), one {@code Channel} per peer (the runtime's {@code
 * NodeConnection}: local signals to control messages), {@code Inbound} (control messages to the
 * runtime's {@code LocalNode}), pids and references as runtime handles, and the node's own
 * {@code net_kernel}, which answers {@code net_adm:ping}.
 */
package dev.arbor.dist.node;
