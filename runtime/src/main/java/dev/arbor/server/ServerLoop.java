package dev.arbor.server;

import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.ProcessExit;
import dev.arbor.internal.CatchesExits;
import dev.arbor.internal.Described;
import dev.arbor.internal.Process;
import dev.arbor.observe.ArborEvents;
import dev.arbor.observe.MessageTrace;
import dev.arbor.remote.Incoming;
import dev.arbor.remote.SystemReply;
import dev.arbor.server.Envelopes.CallRequest;
import dev.arbor.server.Envelopes.CastRequest;
import dev.arbor.server.Envelopes.GetState;
import dev.arbor.server.Envelopes.StopRequest;
import java.util.List;
import java.util.Objects;

/**
 * The generic part of a GenServer, as Erlang's {@code gen_server} module is: it builds the state in
 * the server process, acknowledges the start, then takes one message at a time and hands it to the
 * generated {@link Dispatcher}. Replies, deferred replies, continues, stop requests, hibernation,
 * {@code @Terminate} and crash reports all live here.
 */
final class ServerLoop<S, M> implements CallContext, Process.Body, Described, CatchesExits {
  /** What the start slot is answered with once {@code @Init} has run. */
  static final Object STARTED = new Object();

  // The bits of {@link #flags}. An idle server is kept by the million, so its loop packs its
  // yes-or-no fields into one byte (64 bytes a loop instead of 72). Only the server's thread writes
  // them; the starter reads IGNORED after the server's exit has completed its slot, which orders it.
  /** The current call's handler deferred its reply ({@code Server.deferReply}). */
  private static final int DEFERRED = 1;
  /** A handler asked to hibernate once it returns. */
  private static final int HIBERNATE_NOW = 2;
  /** {@code @Init} called {@code Server.ignore()}. */
  private static final int IGNORED = 4;
  /** {@code @Init} is running. */
  private static final int INITIALIZING = 8;
  /** A {@code @Call} handler (or {@code @Terminate} after it crashed) is running: the call is {@link #lastMessage}. */
  private static final int IN_CALL = 16;

  /** What only the start needs: the state's factory and the starter's slot; null once started. */
  private record Start<S>(ServerFactory<S> factory, CallSlot ack) {}

  private final ServerType<S, M> type;
  private final Name name;
  private final long hibernateAfterNanos;
  /** The linked starter, whose exit signal stops a trapping server; null for an unlinked start. */
  private final Process parent;
  private Start<S> start;

  private Process self;
  private S state;
  private Object lastMessage;
  private byte flags;
  /** The value of a pending {@code @Continue} (never null: {@link #continueWith} refuses null), or null. */
  private Object pendingContinue;
  private ExitReason stopReason;
  /** The handler running now, for {@code Proc.info}. */
  private volatile String currentHandler;

  ServerLoop(ServerType<S, M> type, ServerFactory<S> factory, StartOptions options, Process parent, CallSlot startSlot) {
    this.type = type;
    this.name = options.name();
    this.hibernateAfterNanos = options.hibernateAfter() == null ? -1 : options.hibernateAfter().toNanos();
    this.parent = parent;
    this.start = new Start<>(factory, startSlot);
  }

  private boolean is(int flag) {
    return (flags & flag) != 0;
  }

  private void set(int flag, boolean on) {
    flags = (byte) (on ? flags | flag : flags & ~flag);
  }

  /**
   * The server's body: on its first thread it starts ({@link #init}), on a thread after hibernation it
   * resumes; then it loops. The loop is its own body and is called from here directly, so an idle
   * server's parked stack holds as few frames as it can (they are most of an idle server's heap).
   */
  @Override
  public boolean run() throws Throwable {
    if (self == null) {
      init();
    }
    return loop();
  }

  /**
   * The server's first thread: build the state, run {@code @Init} and answer the starter. A start
   * that fails, stops or ignores does not answer: the process just exits, and its exit (which
   * releases its name first) completes the starter's slot, so nothing stays registered once {@code
   * start} has returned.
   */
  private void init() throws Throwable {
    self = Process.currentOrNull();
    self.attachment = this;
    set(INITIALIZING, true);
    try {
      if (name != null && !(name instanceof Name.Local)) { // a local name was registered at creation
        name.register(self.pid());
      }
      state = start.factory().create();
      type.dispatcher().init(state);
    } catch (ProcessExit e) {
      set(IGNORED, false); // Server.ignore() and then an exit or a throw: the failure is what counts
      self.checkAlive(); // killed while starting
      detachFromStarter(); // Proc.exit(reason) in @Init: a failed start, as gen_server's init_it has it
      throw e;
    } catch (Throwable t) {
      set(IGNORED, false);
      detachFromStarter();
      throw new ProcessExit(ExitReason.crash(t));
    } finally {
      set(INITIALIZING, false);
    }
    if (is(IGNORED)) {
      detachFromStarter();
      throw new ProcessExit(ExitReason.normal());
    }
    if (stopReason != null) {
      detachFromStarter();
      throw new ProcessExit(stopReason);
    }
    CallSlot ack = start.ack();
    start = null;
    ack.succeed(STARTED);
  }

  /** Whether {@code @Init} called {@code Server.ignore()}; read by the starter after the exit. */
  boolean ignored() {
    return is(IGNORED);
  }

  /** A failed start does not signal a linked starter (it learns from the exception instead). */
  private void detachFromStarter() {
    if (parent != null) {
      self.unlink(parent);
    }
  }

  /** Takes messages until the server stops or hibernates; returns true when it hibernated. */
  private boolean loop() throws Throwable {
    for (; ; ) {
      if (pendingContinue != null) {
        Object value = pendingContinue;
        pendingContinue = null;
        handle(new ContinueWith(value));
      } else {
        Object message = self.receive(null, hibernateAfterNanos);
        if (message == null) {
          if (self.hibernate(this)) {
            return true;
          }
          continue;
        }
        handle(message);
      }
      if (stopReason != null) {
        stop(stopReason);
      }
      if (is(HIBERNATE_NOW)) {
        set(HIBERNATE_NOW, false);
        if (pendingContinue == null && self.hibernate(this)) {
          return true;
        }
      }
    }
  }

  /** Asks the loop for its state as reports show it ({@code sys:get_status}): {@link FormatStatus}, else its fields. */
  record GetStatus(CallSlot slot) implements Process.LoopMessage {}

  /** A {@code @Continue} value, wrapped so that crash reports show it as such. */
  private record ContinueWith(Object value) {}

  @SuppressWarnings("unchecked")
  private void handle(Object message) throws Throwable {
    if (type.terms() != null && !(message instanceof Process.LoopMessage)) {
      message = RemoteMessages.read(type, self.pid(), message);
      if (message == null) {
        return; // a request from another node that fits no handler: answered with an error, logged
      }
      if (message instanceof Incoming.SystemMessage system) {
        system.reply().answer(systemStatus()); // sys's, not the server's: its handlers never see it
        return;
      }
    }
    lastMessage = message;
    if (MessageTrace.enabled()) {
      trace(message);
    }
    try {
      if (message instanceof CallRequest call) {
        set(IN_CALL, true);
        set(DEFERRED, false);
        currentHandler = call.handler();
        jdk.jfr.Event timing = ArborEvents.callStarted(); // null unless a JFR recording wants it
        long clock = ArborEvents.callClock(); // 0 unless a RuntimeListener is registered
        String outcome = "crash";
        Object reply;
        try {
          reply = type.dispatcher().dispatch(state, (M) call.request(), this);
          outcome = is(DEFERRED) ? "deferred" : "reply";
        } catch (Exception e) {
          if (e instanceof RuntimeException || e instanceof InterruptedException) {
            throw e;
          }
          outcome = "error";
          call.slot().fail(e); // a declared business error: the caller rethrows it, we go on
          return;
        } finally {
          if (timing != null || clock != 0) {
            ArborEvents.callFinished(timing, clock, type.serverClass(), call.handler(), outcome, self);
          }
        }
        if (!is(DEFERRED)) {
          call.slot().succeed(reply);
        }
      } else if (message instanceof CastRequest cast) {
        currentHandler = cast.request().getClass().getSimpleName();
        type.dispatcher().dispatch(state, (M) cast.request(), null);
      } else if (message instanceof ContinueWith c) {
        currentHandler = "continue";
        if (!type.dispatcher().handleContinue(state, c.value())) {
          throw new IllegalStateException("no @Continue handler takes " + c.value().getClass().getName());
        }
      } else if (message instanceof StopRequest stop) {
        stopReason = stop.reason();
      } else if (message instanceof GetState get) {
        get.slot().succeed(state);
      } else if (message instanceof GetStatus get) {
        get.slot().succeed(describeState());
      } else if (message instanceof Exit exit && parent != null && exit.from().equals(parent.pid())) {
        stopReason = exit.reason(); // OTP: a trapping server stops when its parent does
      } else {
        currentHandler = "info";
        if (!type.dispatcher().info(state, message)) {
          ServerReports.unmatched(type, self, name, message);
        }
      }
    } catch (Throwable t) {
      crashed(t);
    } finally {
      set(IN_CALL, false);
      currentHandler = null;
    }
  }

  /** Shows a received message to the live traces ({@link MessageTrace}), unwrapped from its envelope. */
  private void trace(Object message) {
    if (message instanceof CallRequest call) {
      MessageTrace.received(self.pid(), "call", call.handler(), call.request());
    } else if (message instanceof CastRequest cast) {
      MessageTrace.received(self.pid(), "cast", null, cast.request());
    } else if (!(message instanceof ContinueWith || message instanceof GetState || message instanceof GetStatus
        || message instanceof StopRequest)) {
      MessageTrace.received(self.pid(), "info", null, message);
    }
  }

  private void crashed(Throwable t) {
    if (t instanceof ProcessExit || t instanceof InterruptedException) {
      self.checkAlive(); // killed: exit with the signal's reason, and no @Terminate, as in OTP
    }
    // Still alive, so a ProcessExit is Proc.exit(reason) thrown by the handler: gen_server catches
    // exit(Reason) from a callback, runs terminate(Reason, State), then exits with Reason.
    stop(t instanceof ProcessExit thrown ? thrown.reason() : ExitReason.crash(t));
  }

  /** Runs {@code @Terminate} and exits with {@code reason} (or with the crash of {@code @Terminate}). */
  private void stop(ExitReason reason) {
    if (!reason.isClean()) {
      ServerReports.crash(type, self, name, lastMessage, state, reason);
    }
    throw new ProcessExit(terminate(reason));
  }

  private ExitReason terminate(ExitReason reason) {
    try {
      currentHandler = "terminate";
      type.dispatcher().terminate(state, reason);
      return reason;
    } catch (ProcessExit e) {
      self.checkAlive(); // killed while terminating
      if (!e.reason().isClean()) {
        ServerReports.crash(type, self, name, "@Terminate(" + reason + ")", state, e.reason());
      }
      return e.reason(); // Proc.exit(other) in @Terminate: exit with that, as gen_server re-raises it
    } catch (Throwable t) {
      ExitReason crash = ExitReason.crash(t);
      ServerReports.crash(type, self, name, "@Terminate(" + reason + ")", state, crash);
      return crash;
    }
  }

  // ------------------------------------------------------------------ what handlers ask for

  @Override
  public <T> Reply<T> deferReply(Class<?>... declaredExceptions) {
    CallRequest call = requireCall("deferReply");
    set(DEFERRED, true);
    return new DeferredReply<>(call.slot(), call.handler(), List.of(declaredExceptions));
  }

  private CallRequest requireCall(String what) {
    if (!is(IN_CALL)) {
      throw new IllegalStateException(what + " is only available inside a @Call handler");
    }
    return (CallRequest) lastMessage;
  }

  dev.arbor.Pid caller() {
    return requireCall("Server.caller()").slot().callerPid();
  }

  void continueWith(Object value) {
    Objects.requireNonNull(value, "value");
    if (pendingContinue != null) {
      throw new IllegalStateException("a @Continue is already pending; chain the next one from its handler");
    }
    pendingContinue = value;
  }

  void stopSelf(ExitReason reason) {
    stopReason = Objects.requireNonNull(reason, "reason");
  }

  void ignore() {
    if (!is(INITIALIZING)) {
      throw new IllegalStateException("Server.ignore() is only meaningful in @Init");
    }
    set(IGNORED, true);
  }

  void hibernate() {
    set(HIBERNATE_NOW, true);
  }

  S state() {
    return state;
  }

  /** The state as reports and {@code getStatus} show it (see {@link ServerType#describe}). */
  Object describeState() {
    return type.describe(state);
  }

  /** What {@code sys:get_status} and {@code sys:get_state} from another node are answered from. */
  private SystemReply.Status systemStatus() {
    return new SystemReply.Status(self.pid(), name == null ? null : name.toErlangString(),
        parent == null ? null : parent.pid(), String.valueOf(describeState()));
  }

  @Override
  public dev.arbor.ProcessInfo.Kind kind() {
    return type.kind();
  }

  @Override
  public String serverClass() {
    return type.serverClass();
  }

  @Override
  public String currentHandler() {
    return currentHandler;
  }

  /** The loop of the server the current thread runs, or an error naming {@code what} was misused. */
  static ServerLoop<?, ?> current(String what) {
    Process p = Process.currentOrNull();
    if (p == null || !(p.attachment instanceof ServerLoop<?, ?> loop)) {
      throw new IllegalStateException(what + " must be called from a @GenServer handler");
    }
    return loop;
  }
}
