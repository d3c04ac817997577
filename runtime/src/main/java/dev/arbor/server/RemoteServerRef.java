package dev.arbor.server;

import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.internal.Remote;
import dev.arbor.mapping.ServerTerms;
import dev.arbor.remote.RemoteCalls;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The engine behind a client generated for a {@code @RemoteServer} interface: calls and casts to a
 * {@code gen_server} on another node through the started node's {@link RemoteCalls}, each request
 * written and each reply read with the interface's {@link ServerTerms}. Immutable; bound to a pid on
 * another node or to a name there ({@link Name#remote}), which that node resolves at each request.
 *
 * @param <M> the client's generated message type
 */
public final class RemoteServerRef<M> {
  private final String serverName;
  private final ServerTerms terms;
  private final Object server;
  private final Duration timeout;

  private RemoteServerRef(String serverName, ServerTerms terms, Object server, Duration timeout) {
    this.serverName = serverName;
    this.terms = terms;
    this.server = server;
    this.timeout = timeout;
  }

  /**
   * A reference to the server running as {@code pid}, a process of another node.
   *
   * @param serverInterface the {@code @RemoteServer} interface, which errors name
   * @throws IllegalArgumentException if {@code pid} is a process of this node
   */
  public static <M> RemoteServerRef<M> of(Class<?> serverInterface, ServerTerms terms, long defaultCallTimeoutMillis,
      Pid pid) {
    Objects.requireNonNull(pid, "pid");
    if (pid.isLocal()) {
      throw new IllegalArgumentException(serverInterface.getSimpleName() + " describes a gen_server on another"
          + " node, but " + pid + " is a process of this one; use its own client");
    }
    return create(serverInterface, terms, defaultCallTimeoutMillis, pid);
  }

  /**
   * A reference to whatever server is registered under {@code name} on another node at each
   * request: a {@link Name.Remote}, such as {@code Name.remote("prices", "shop@127.0.0.1")}.
   *
   * @throws IllegalArgumentException if {@code name} is not a {@link Name.Remote}
   */
  public static <M> RemoteServerRef<M> of(Class<?> serverInterface, ServerTerms terms, long defaultCallTimeoutMillis,
      Name name) {
    Objects.requireNonNull(name, "name");
    if (!(name instanceof Name.Remote)) {
      throw new IllegalArgumentException(serverInterface.getSimpleName() + " describes a gen_server on another"
          + " node: name it with Name.remote(name, node) or give its pid; got " + name);
    }
    return create(serverInterface, terms, defaultCallTimeoutMillis, name);
  }

  private static <M> RemoteServerRef<M> create(Class<?> serverInterface, ServerTerms terms,
      long defaultCallTimeoutMillis, Object server) {
    Objects.requireNonNull(serverInterface, "serverInterface");
    Objects.requireNonNull(terms, "terms");
    return new RemoteServerRef<>(serverInterface.getSimpleName(), terms, server,
        positive(Duration.ofMillis(defaultCallTimeoutMillis)));
  }

  /** The same server, with another call timeout. */
  public RemoteServerRef<M> withTimeout(Duration timeout) {
    return new RemoteServerRef<>(serverName, terms, server, positive(Objects.requireNonNull(timeout, "timeout")));
  }

  private static Duration positive(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    return timeout;
  }

  /** The call timeout of this reference. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * {@code GenServer.call}: sends the request and waits for the reply, decoded as the handler's
   * reply type; {@code handler} names the method in errors.
   *
   * @throws dev.arbor.ExitException with the server's exit reason if it exits before replying,
   *     {@code noproc} if nothing is registered under the name, {@code noconnection} if its node
   *     cannot be reached or goes away
   * @throws CallTimeoutException if no reply comes within this reference's timeout
   * @throws dev.arbor.remote.RemoteReplyException if the reply does not fit the reply type
   * @throws IllegalStateException if no node is started here
   */
  @SuppressWarnings("unchecked")
  public <R> R call(String handler, M request) {
    Objects.requireNonNull(handler, "handler");
    ServerTerms.Request r = request(request);
    return (R) calls().call(server, r, r.unpack().apply(request), timeout, describe());
  }

  /**
   * {@code GenServer.call} without blocking: the call waits in a process of its own, which completes
   * the future with the reply or fails it as {@link #call} would throw.
   */
  public <R> CompletableFuture<R> callAsync(String handler, M request) {
    Objects.requireNonNull(handler, "handler");
    request(request); // a bad request fails here, in the caller
    return CallInProcess.spawn(() -> call(handler, request));
  }

  /**
   * {@code GenServer.cast}: sends the request and returns at once; dropped if the server or its node
   * is gone, as in OTP.
   *
   * @throws IllegalStateException if no node is started here
   */
  public void cast(M request) {
    ServerTerms.Request r = request(request);
    calls().cast(server, r, r.unpack().apply(request));
  }

  private ServerTerms.Request request(M request) {
    Objects.requireNonNull(request, "request");
    return terms.request(request.getClass()).orElseThrow(() -> new IllegalArgumentException(
        request.getClass().getName() + " is not a request of " + serverName));
  }

  private RemoteCalls calls() {
    RemoteCalls calls = Remote.calls();
    if (calls == null) {
      throw new IllegalStateException("no node is started here, so " + describe()
          + " cannot be reached; start one with dev.arbor.dist.Node");
    }
    return calls;
  }

  /** {@code PriceList {prices,shop@127.0.0.1}}: how errors name the server. */
  private String describe() {
    return serverName + " " + server;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RemoteServerRef<?> other && serverName.equals(other.serverName)
        && server.equals(other.server) && timeout.equals(other.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serverName, server, timeout);
  }

  @Override
  public String toString() {
    return describe();
  }
}
