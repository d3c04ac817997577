package dev.arbor.remote;

/** A message from another node, read with a server's terms: see {@link RemoteRequests#read}. */
public sealed interface Incoming {
  /**
   * A {@code gen_server} call: run {@code handler} with {@code message}, then answer through {@code reply}.
   *
   * @param handler the Java method's name, for reports and traces
   * @param message the server's own message for that handler
   */
  record Call(String handler, Object message, RemoteReply reply) implements Incoming {}

  /** A {@code gen_server} cast carrying the server's own message. */
  record Cast(Object message) implements Incoming {}

  /** A plain message, decoded as the parameter type of one of the server's {@code @Info} handlers. */
  record Info(Object value) implements Incoming {}

  /**
   * A {@code sys} request ({@code {system, From, Request}}): the server answers it through {@code
   * reply} and goes on; its handlers never see it.
   */
  record SystemMessage(SystemReply reply) implements Incoming {}

  /** A request no handler takes, already answered with an error and logged: the server goes on. */
  record Refused() implements Incoming {}
}
