package dev.arbor.remote;

import dev.arbor.Pid;
import dev.arbor.mapping.ServerTerms;

/**
 * Reads the messages other nodes send a local server that has {@link ServerTerms}: implemented by
 * {@code arbor-dist} (which knows the term model and how to answer Erlang's {@code gen_server}
 * protocol) and handed out by {@link Distribution#requests()}. The server loop calls it, in the
 * server's own process, for every message that is not one of the runtime's own.
 */
public interface RemoteRequests {
  /**
   * What {@code message} asks of the server {@code server}: a call, a cast, a value for an {@code
   * @Info} handler, a {@code sys} request, or {@link Incoming.Refused} when it was a request whose terms fit no handler (the
   * implementation has answered and logged it). Null when it is none of these: the loop then offers
   * the message itself to the {@code @Info} handlers. Never throws for a bad message.
   */
  Incoming read(ServerTerms terms, Pid server, Object message);
}
