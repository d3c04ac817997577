package dev.arbor.server;

import dev.arbor.Pid;
import dev.arbor.internal.Remote;
import dev.arbor.remote.Incoming;
import dev.arbor.remote.RemoteRequests;
import dev.arbor.server.Envelopes.CallRequest;
import dev.arbor.server.Envelopes.CastRequest;

/**
 * Turns what another node sent a {@code @GenServer(remote = true)} server into the loop's own
 * envelopes, so that a call from Elixir runs exactly as a local one does: the same handler, deferred
 * replies, declared exceptions, call hooks, traces and crash reports. Only the reply's path differs
 * ({@link RemoteCallSlot}).
 */
final class RemoteMessages {
  private static final System.Logger LOG = System.getLogger("dev.arbor.server");

  private RemoteMessages() {}

  /**
   * The message to handle: an envelope, a {@code sys} request ({@link Incoming.SystemMessage}, which
   * the loop answers), an {@code @Info} value or {@code message} itself; null when refused.
   */
  static Object read(ServerType<?, ?> type, Pid server, Object message) {
    RemoteRequests requests = Remote.requests();
    if (requests == null) {
      return message; // no node started: nothing came from another node
    }
    Incoming incoming;
    try {
      incoming = requests.read(type.terms(), server, message);
    } catch (RuntimeException e) {
      // The reader promises not to throw; if it does, the message is still the server's to judge.
      LOG.log(System.Logger.Level.ERROR, "[arbor.remote] reading a message to " + type + " " + server
          + " failed; offering it to @Info as is: " + message, e);
      return message;
    }
    return switch (incoming) {
      case null -> message;
      case Incoming.Call call -> new CallRequest(call.handler(), call.message(), new RemoteCallSlot(call.reply()));
      case Incoming.Cast cast -> new CastRequest(cast.message());
      case Incoming.Info info -> info.value();
      case Incoming.Refused refused -> null;
      case Incoming.SystemMessage system -> system;
    };
  }
}
