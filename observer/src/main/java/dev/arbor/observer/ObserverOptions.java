package dev.arbor.observer;

import java.util.Objects;

/**
 * How an {@link Observer} runs. Immutable; start from {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * Observer.start(ObserverOptions.defaults().port(4000).readOnly(true));
 * }</pre>
 *
 * @param port the loopback port to listen on; 0 picks a free one
 * @param readOnly whether every action (kill, terminate, restart) is refused
 * @param token the secret every request must carry; null makes a random one (recommended)
 */
public record ObserverOptions(int port, boolean readOnly, String token) {
  public ObserverOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 0..65535: " + port);
    }
    if (token != null && token.length() < 16) {
      throw new IllegalArgumentException("a token must have at least 16 characters; got " + token.length());
    }
  }

  /** A free loopback port, actions on, a random token. */
  public static ObserverOptions defaults() {
    return new ObserverOptions(0, false, null);
  }

  /** The same options on {@code port} (0 for a free one). */
  public ObserverOptions port(int port) {
    return new ObserverOptions(port, readOnly, token);
  }

  /** The same options with every action refused (or allowed). */
  public ObserverOptions readOnly(boolean readOnly) {
    return new ObserverOptions(port, readOnly, token);
  }

  /** The same options with a token of your own, at least 16 characters (for a stable bookmark). */
  public ObserverOptions token(String token) {
    return new ObserverOptions(port, readOnly, Objects.requireNonNull(token, "token"));
  }
}
