package dev.arbor.server;

import dev.arbor.Pid;
import dev.arbor.remote.RemoteReply;

/**
 * The slot of a call from another node. No local thread waits on it: completing it sends the answer
 * back through the distribution layer. It never watches the server either, because the remote
 * caller monitors the server itself, as {@code gen_server:call} does, and sees its exit that way.
 */
final class RemoteCallSlot extends CallSlot {
  private final RemoteReply reply;

  RemoteCallSlot(RemoteReply reply) {
    super(null, null);
    this.reply = reply;
  }

  @Override
  Pid callerPid() {
    return reply.caller();
  }

  @Override
  void completed() {
    Throwable failure = failure();
    if (failure != null) {
      reply.fail(failure);
    } else {
      reply.reply(value());
    }
  }
}
