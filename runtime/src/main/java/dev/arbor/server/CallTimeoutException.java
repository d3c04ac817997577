package dev.arbor.server;

import java.time.Duration;

/** A call got no reply in time. The reply, should it come later, never reaches the caller. */
public final class CallTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String server;
  private final String handler;
  private final transient Duration timeout;

  public CallTimeoutException(String server, String handler, Duration timeout) {
    super("call to " + server + " handler " + handler + " got no reply within " + timeout.toMillis() + " ms");
    this.server = server;
    this.handler = handler;
    this.timeout = timeout;
  }

  /** The server, as its class and pid or name. */
  public String server() {
    return server;
  }

  public String handler() {
    return handler;
  }

  public Duration timeout() {
    return timeout;
  }
}
