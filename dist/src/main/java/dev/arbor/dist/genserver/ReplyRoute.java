package dev.arbor.dist.genserver;

import dev.arbor.Pid;

/**
 * How a reply leaves the node: implemented by the node, which owns the connections. {@code to} is
 * the caller's pid, or the alias (a reference) that {@code gen_server:call} made for the call since
 * OTP 24; a message to an alias that is no longer active is dropped by its node, which is how a
 * late reply never reaches a caller that gave up.
 */
@FunctionalInterface
public interface ReplyRoute {
  /** Sends {@code message} from {@code from} to {@code to}; never blocks, never throws for a lost peer. */
  void send(Pid from, Object to, Object message);
}
