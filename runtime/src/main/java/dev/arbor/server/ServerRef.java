package dev.arbor.server;

import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.internal.Monitor;
import dev.arbor.internal.Process;
import dev.arbor.internal.Remote;
import dev.arbor.mapping.ServerTerms;
import dev.arbor.remote.RemoteCalls;
import dev.arbor.server.Envelopes.CallRequest;
import dev.arbor.server.Envelopes.CastRequest;
import dev.arbor.server.Envelopes.GetState;
import dev.arbor.server.Envelopes.StopRequest;
import dev.arbor.supervisor.ChildSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine behind every generated client: starts a server, and sends it calls, casts and stop
 * requests. A generated client wraps one of these and adds the typed methods. Immutable; bound to a
 * pid, or to a name resolved again at each call. A server on another node (a remote pid, or {@link
 * Name#remote}) is called and cast to through the started node's {@link RemoteCalls}, when its
 * class is {@code @GenServer(remote = true)}.
 *
 * @param <M> the server's generated message type
 */
public final class ServerRef<M> {
  private final ServerType<?, M> type;
  private final Pid pid;
  private final Name name;
  private final Duration timeout;

  private ServerRef(ServerType<?, M> type, Pid pid, Name name, Duration timeout) {
    this.type = type;
    this.pid = pid;
    this.name = name;
    this.timeout = timeout;
  }

  // ------------------------------------------------------------------ starting

  /**
   * Starts a server, not linked to the caller, and returns once its constructor and {@code @Init}
   * have run (GenServer.start). If {@code @Init} called {@code Server.ignore()}, the returned
   * reference names a process that is not alive.
   *
   * @throws StartException if the constructor or {@code @Init} threw (the cause), the name was
   *     taken, or the start took longer than the options' timeout
   */
  public static <S, M> ServerRef<M> start(ServerType<S, M> type, StartOptions options, ServerFactory<S> factory) {
    return started(type, launch(type, options, factory, false));
  }

  /** Starts a server linked to the caller (GenServer.start_link). A failed start does not signal the caller. */
  public static <S, M> ServerRef<M> startLink(ServerType<S, M> type, StartOptions options, ServerFactory<S> factory) {
    return started(type, launch(type, options, factory, true));
  }

  private static <M> ServerRef<M> started(ServerType<?, M> type, Launched launched) {
    return new ServerRef<>(type, launched.pid(), null, type.defaultCallTimeout());
  }

  /**
   * A child spec that starts the server with {@link #startLink}; its id is the registered name if
   * {@code options} has one, else the client's simple name.
   */
  public static <S, M> ChildSpec childSpec(ServerType<S, M> type, StartOptions options, ServerFactory<S> factory) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(factory, "factory");
    String id = options.name() != null ? options.name().toString() : type.clientClass();
    return ChildSpec.worker(id, () -> {
      Launched launched = launch(type, options, factory, true);
      return launched.ignored() ? Optional.empty() : Optional.of(launched.pid());
    });
  }

  private record Launched(Pid pid, boolean ignored) {}

  private static <S, M> Launched launch(ServerType<S, M> type, StartOptions options, ServerFactory<S> factory, boolean link) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(factory, "factory");
    Process starter = Process.current();
    // A local name is registered as the process is created, so that its spawn event (JFR's
    // registeredName, RuntimeListener.spawned) carries it; a taken name fails the start as before.
    String localName = options.name() instanceof Name.Local local ? local.name() : null;
    Process server;
    try {
      server = Process.create(type.trapExits(), localName);
    } catch (IllegalArgumentException taken) {
      throw new StartException(type + " failed to start: " + taken, taken);
    }
    CallSlot ack = new CallSlot(starter, Thread.currentThread());
    ack.watched = server;
    if (!server.addWatch(ack)) {
      // Killed before it ran: its name, or Proc.list, made it visible the moment it was created.
      throw new StartException(type + " exited during start with " + server.exitReason(), null);
    }
    if (link) {
      server.linkAtSpawn(starter);
    }
    ServerLoop<S, M> loop = new ServerLoop<>(type, factory, options, link ? starter : null, ack);
    server.start(loop);
    if (!ack.await(options.timeout().toNanos())) {
      if (link) {
        starter.unlink(server);
      }
      server.exit(ExitReason.kill());
      throw new StartException(type + " did not start within " + options.timeout().toMillis() + " ms", null);
    }
    ExitReason exited = ack.exitReason();
    if (exited == null) {
      return new Launched(server.pid(), false);
    }
    if (loop.ignored()) {
      return new Launched(server.pid(), true);
    }
    Throwable cause = exited.cause();
    throw new StartException(cause != null
        ? type + " failed to start: " + cause
        : type + " exited during start with " + exited, cause);
  }

  // ------------------------------------------------------------------ finding a server

  /** A reference to the server running as {@code pid}. */
  public static <M> ServerRef<M> of(ServerType<?, M> type, Pid pid) {
    Objects.requireNonNull(type, "type");
    return new ServerRef<>(type, Objects.requireNonNull(pid, "pid"), null, type.defaultCallTimeout());
  }

  /** A reference to whatever server is registered under {@code name} at each call. */
  public static <M> ServerRef<M> of(ServerType<?, M> type, Name name) {
    Objects.requireNonNull(type, "type");
    return new ServerRef<>(type, null, Objects.requireNonNull(name, "name"), type.defaultCallTimeout());
  }

  /** The server's pid (for a name: the pid registered now). */
  public Pid pid() {
    if (pid != null) {
      return pid;
    }
    return name.whereis().orElseThrow(() -> noSuchName("pid()"));
  }

  /** The same server, with another call timeout. */
  public ServerRef<M> withTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    return new ServerRef<>(type, pid, name, timeout);
  }

  /** The call timeout of this reference. */
  public Duration timeout() {
    return timeout;
  }

  private Process resolve(String handler) {
    if (pid != null) {
      return local(pid);
    }
    Optional<Pid> found = name.whereis();
    if (found.isEmpty()) {
      throw noSuchName(handler);
    }
    return local(found.get());
  }

  /** The server's process; one that is gone (its pid rebuilt from the wire) as a dead process. */
  private static Process local(Pid pid) {
    Process p = Process.of(pid);
    if (p != null) {
      return p;
    }
    if (!pid.isLocal()) {
      throw new UnsupportedOperationException(pid + " is a process on " + pid.node()
          + ": only calls and casts reach a server on another node");
    }
    return Process.deadStandIn();
  }

  /**
   * Where a server on another node is, as {@link RemoteCalls} takes it (its pid, or its name there);
   * null when it is on this node.
   */
  private Object remoteServer() {
    if (pid != null) {
      return pid.isLocal() ? null : pid;
    }
    return name instanceof Name.Remote r && !r.isLocal() ? r : null;
  }

  /** The distribution's client for a server on another node, and the request's term mapping. */
  private RemoteCalls remoteCalls(Object server) {
    RemoteCalls calls = Remote.calls();
    if (calls == null) {
      throw new IllegalStateException("no node is started here, so " + server + " cannot be reached ("
          + describe() + "); start one with dev.arbor.dist.Node");
    }
    if (type.terms() == null) {
      throw new UnsupportedOperationException(describe() + " is on another node, and only a"
          + " @GenServer(remote = true) server is reached across nodes: its requests have no term form");
    }
    return calls;
  }

  private ServerTerms.Request remoteRequest(M request) {
    return type.terms().request(request.getClass()).orElseThrow(() -> new IllegalArgumentException(
        request.getClass().getName() + " is not a request of " + type));
  }

  private ExitException noSuchName(String what) {
    return new ExitException(ExitReason.noproc(), "no process: nothing is registered as " + name + " (" + type + ", " + what + ")");
  }

  private String describe() {
    return type.serverClass() + " " + (name != null ? name : pid);
  }

  // ------------------------------------------------------------------ calls and casts

  /**
   * Calls the server and waits for the reply; {@code handler} names the handler in errors.
   *
   * @throws ExitException with {@code noproc} if the server is not alive, or with its exit reason if
   *     it dies before answering
   * @throws CallTimeoutException if no reply comes within this reference's timeout
   * @throws IllegalStateException if a server calls itself
   */
  @SuppressWarnings("unchecked")
  public <R> R call(String handler, M request) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(request, "request");
    Object remote = remoteServer();
    if (remote != null) {
      ServerTerms.Request r = remoteRequest(request);
      return (R) remoteCalls(remote).call(remote, r, r.unpack().apply(request), timeout, describe());
    }
    Process me = Process.current();
    Process server = resolve(handler);
    if (server == me) {
      throw new IllegalStateException(describe() + " called itself (" + handler + "); it would wait for its own reply forever");
    }
    CallSlot slot = new CallSlot(me, Thread.currentThread());
    boolean running = server.isOnCarrier(); // read before the call can wake it: see Spin
    post(server, slot, new CallRequest(handler, request, slot));
    if (!slot.await(timeout.toNanos(), running)) {
      throw new CallTimeoutException(describe(), handler, timeout);
    }
    return (R) slot.result(describe(), handler);
  }

  /**
   * Watches {@code server} with {@code slot} and delivers {@code envelope}, which carries the slot;
   * a server already dead completes the slot with {@code noproc} at once.
   */
  private static void post(Process server, CallSlot slot, Object envelope) {
    slot.watched = server;
    if (server.addWatch(slot)) {
      server.deliver(envelope);
    } else {
      slot.fire(server, ExitReason.noproc());
    }
  }

  /**
   * Calls the server without blocking (OTP's {@code send_request}). The future completes on an
   * Arbor executor, never on the server's thread, and fails as {@link #call} would throw.
   */
  public <R> CompletableFuture<R> callAsync(String handler, M request) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(request, "request");
    if (remoteServer() != null) {
      // The remote call waits in a process of its own, which completes the future.
      return CallInProcess.spawn(() -> call(handler, request));
    }
    AsyncCallSlot<R> slot = new AsyncCallSlot<>(Process.current(), describe(), handler, timeout);
    Process server;
    try {
      server = resolve(handler);
    } catch (ExitException e) {
      return CompletableFuture.failedFuture(e);
    }
    post(server, slot, new CallRequest(handler, request, slot));
    slot.startTimer();
    return slot.future();
  }

  /** Sends a cast; never blocks, and a cast to a dead or unregistered server is dropped, as in OTP. */
  public void cast(M request) {
    Objects.requireNonNull(request, "request");
    Object remote = remoteServer();
    if (remote != null) {
      ServerTerms.Request r = remoteRequest(request);
      remoteCalls(remote).cast(remote, r, r.unpack().apply(request));
      return;
    }
    Pid to = pid != null ? pid : name.whereis().orElse(null);
    if (to != null) {
      local(to).deliverFrom(Process.currentOrNull(), new CastRequest(request));
    }
  }

  /**
   * The state of the GenServer running as {@code pid}, answered by its loop between messages: the
   * state object itself, or (when {@code formatted}) what its {@link FormatStatus} shows.
   */
  static Object inspect(Pid pid, boolean formatted, Duration timeout) {
    String what = formatted ? "getStatus" : "getState";
    Process me = Process.current();
    Process server = Process.of(pid);
    // Read before the liveness check: a dead process lets go of its loop, so a missing loop means
    // "not a GenServer" only if the process is still alive after it was read.
    Object attachment = server == null ? null : server.attachment;
    if (server == null || !server.isAlive()) {
      throw new ExitException(ExitReason.noproc(), "no process: " + pid + " is not alive (" + what + ")");
    }
    if (!(attachment instanceof ServerLoop<?, ?> loop)) {
      throw new IllegalArgumentException(what + ": " + pid + " is not a GenServer");
    }
    if (server == me) {
      return formatted ? loop.describeState() : loop.state();
    }
    CallSlot slot = new CallSlot(me, Thread.currentThread());
    post(server, slot, formatted ? new ServerLoop.GetStatus(slot) : new GetState(slot));
    if (!slot.await(timeout.toNanos())) {
      throw new CallTimeoutException(pid.toString(), what, timeout);
    }
    return slot.result(pid.toString(), what);
  }

  // ------------------------------------------------------------------ stopping

  /** Stops the server with {@code normal}, waiting as long as {@code @Terminate} takes. */
  public void stop() {
    stop(ExitReason.normal(), null);
  }

  /**
   * Stops the server with {@code reason}: its {@code @Terminate} runs, then it exits. Waits up to
   * {@code timeout} (forever when null); past it, the server is killed.
   *
   * @throws ExitException with {@code noproc} if the server is not alive; with {@code timeout} if it
   *     had to be killed; with its actual reason if it exited with another one
   */
  public void stop(ExitReason reason, Duration timeout) {
    Objects.requireNonNull(reason, "reason");
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    Process me = Process.current();
    Process server = resolve("stop");
    if (server == me) {
      throw new IllegalStateException(describe() + " cannot stop itself this way; use Server.stopSelf(reason)");
    }
    Monitor monitor = me.monitor(server);
    server.deliver(new StopRequest(reason));
    Object down = me.receive(m -> m instanceof Down d && d.ref().equals(monitor.ref()), timeout == null ? -1 : timeout.toNanos());
    if (down == null) {
      me.demonitor(monitor);
      server.exit(ExitReason.kill());
      throw new ExitException(ExitReason.timeout(), describe() + " did not stop within " + timeout.toMillis() + " ms and was killed");
    }
    ExitReason got = ((Down) down).reason();
    if (got.kind() == ExitReason.Kind.NOPROC) {
      throw new ExitException(got, "no process: " + describe() + " is not alive (stop)");
    }
    if (!got.equals(reason)) {
      throw new ExitException(got, describe() + " exited with " + got + " while stopping with " + reason);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServerRef<?> other && Objects.equals(pid, other.pid) && Objects.equals(name, other.name)
        && timeout.equals(other.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pid, name, timeout);
  }

  @Override
  public String toString() {
    return describe();
  }
}
