package dev.arbor.observe;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.internal.Process;
import dev.arbor.internal.ProcessTable;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * Arbor's JFR events, emitted by the runtime; not an API to call from application code. Event names
 * (category "Arbor"): {@code dev.arbor.ProcessSpawn}, {@code dev.arbor.ProcessRegister} (a name
 * registered after spawn), {@code dev.arbor.ProcessExit} (with the exit reason), {@code
 * dev.arbor.SupervisorRestart}, {@code dev.arbor.Call} (server class, handler, outcome, mailbox
 * depth; its duration is the handler's) and {@code dev.arbor.MailboxDepth} (periodic, off by
 * default). {@code arbor.jfc} beside this class in the jar turns them all on.
 *
 * <p>Cost with JFR off: each hook reads one static flag, set when JFR starts in the JVM, and builds
 * nothing else; with JFR on, it then asks its event class whether a recording enabled it. {@code
 * -Darbor.jfr.hooks=false} removes the hooks altogether (the JIT folds them away and no recording sees
 * Arbor's events); the JFR benchmark compares the two to show what the hooks cost.
 */
public final class ArborEvents {
  /** False under {@code -Darbor.jfr.hooks=false}: a constant, so every hook compiles to nothing. */
  private static final boolean HOOKS = !"false".equals(System.getProperty("arbor.jfr.hooks"));

  /**
   * Whether JFR has started in this JVM. Loading the first event class costs JFR's registration
   * (around 100 ms), so the event classes stay unloaded until a recording exists; with JFR off every
   * hook is this one read.
   */
  private static volatile boolean jfr;

  static {
    if (HOOKS) {
      FlightRecorder.addListener(new FlightRecorderListener() {
        @Override
        public void recorderInitialized(FlightRecorder recorder) {
          FlightRecorder.addPeriodicEvent(MailboxDepthEvent.class, ArborEvents::sampleMailboxes);
          jfr = Probes.CALL != null;
        }
      });
    }
  }

  /**
   * isEnabled() on an event instance reads the event class's configuration, so one shared instance
   * per class answers "is a recording interested?" without an allocation per check.
   */
  private static final class Probes {
    static final ProcessSpawnEvent SPAWN = new ProcessSpawnEvent();
    static final ProcessRegisterEvent REGISTER = new ProcessRegisterEvent();
    static final ProcessExitEvent EXIT = new ProcessExitEvent();
    static final SupervisorRestartEvent RESTART = new SupervisorRestartEvent();
    static final CallEvent CALL = new CallEvent();
  }

  private static final RuntimeListener[] NONE = {};

  /** Copy-on-write: registration is rare, reading happens on every hook. */
  private static volatile RuntimeListener[] listeners = NONE;
  /** Those of {@link #listeners} that time calls ({@link RuntimeListener#timesCalls()}): what a call reads. */
  private static volatile RuntimeListener[] callListeners = NONE;
  private static final ReentrantLock REGISTRATION = new ReentrantLock();

  private ArborEvents() {}

  /**
   * Registers {@code listener} for the runtime's events until the returned handle is closed.
   *
   * @throws NullPointerException if {@code listener} is null
   */
  public static AutoCloseable addListener(RuntimeListener listener) {
    Objects.requireNonNull(listener, "listener");
    REGISTRATION.lock();
    try {
      listeners = with(listeners, listener);
      if (listener.timesCalls()) {
        callListeners = with(callListeners, listener);
      }
    } finally {
      REGISTRATION.unlock();
    }
    return () -> removeListener(listener);
  }

  private static void removeListener(RuntimeListener listener) {
    REGISTRATION.lock();
    try {
      listeners = without(listeners, listener);
      callListeners = without(callListeners, listener);
    } finally {
      REGISTRATION.unlock();
    }
  }

  private static RuntimeListener[] with(RuntimeListener[] all, RuntimeListener listener) {
    RuntimeListener[] next = Arrays.copyOf(all, all.length + 1);
    next[all.length] = listener;
    return next;
  }

  private static RuntimeListener[] without(RuntimeListener[] all, RuntimeListener listener) {
    return Arrays.stream(all).filter(l -> l != listener).toArray(RuntimeListener[]::new);
  }

  /**
   * The start of a call for the listeners: {@link System#nanoTime()} when any that times calls is
   * registered, 0 otherwise. Pass it to {@link #callFinished}.
   */
  public static long callClock() {
    return callListeners.length == 0 ? 0L : System.nanoTime();
  }

  private static void tell(Consumer<RuntimeListener> event) {
    for (RuntimeListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException ignored) {
        // a listener's bug must not reach the process that happened to trigger the event
      }
    }
  }

  /** A process was created; {@code name} is the name it was registered under, or null. */
  public static void spawned(Process p, String name) {
    if (listeners.length != 0) {
      tell(l -> l.spawned(p.pid(), name, p.spawnedBy()));
    }
    if (HOOKS && jfr && Probes.SPAWN.isEnabled()) {
      ProcessSpawnEvent e = new ProcessSpawnEvent();
      e.pid = p.pid().toString();
      e.spawnedBy = p.spawnedBy() == 0 ? null : "<0." + p.spawnedBy() + ".0>";
      e.registeredName = name;
      e.commit();
    }
  }

  /**
   * A running process was registered as {@code name}. Not called from the spawn path: the spawn
   * event already carries a name given at spawn. JFR only: no listener has asked for names yet.
   */
  public static void registered(Process p, String name) {
    if (HOOKS && jfr && Probes.REGISTER.isEnabled()) {
      ProcessRegisterEvent e = new ProcessRegisterEvent();
      e.pid = p.pid().toString();
      e.registeredName = name;
      e.commit();
    }
  }

  /** A process exited with {@code reason}. */
  public static void exited(Process p, ExitReason reason) {
    if (listeners.length != 0) {
      tell(l -> l.exited(p.pid(), reason));
    }
    if (HOOKS && jfr && Probes.EXIT.isEnabled()) {
      ProcessExitEvent e = new ProcessExitEvent();
      e.pid = p.pid().toString();
      e.reasonKind = reason.kind().name().toLowerCase(java.util.Locale.ROOT);
      e.reason = reason.toString();
      e.plainThread = p.isAdopted();
      e.commit();
    }
  }

  /** A process crashed; {@code serverClass} is null for a plain process. Listeners only: JFR has the exit. */
  public static void crashed(Pid pid, String serverClass, ExitReason reason) {
    if (listeners.length != 0) {
      tell(l -> l.crashed(pid, serverClass, reason));
    }
  }

  /** A supervisor restarted child {@code childId}; either pid may be null (none, or the start ignored). */
  public static void restarted(String supervisor, String childId, Pid oldPid, Pid newPid) {
    if (listeners.length != 0) {
      tell(l -> l.restarted(supervisor, childId, oldPid, newPid));
    }
    if (HOOKS && jfr && Probes.RESTART.isEnabled()) {
      SupervisorRestartEvent e = new SupervisorRestartEvent();
      e.supervisor = supervisor;
      e.childId = childId;
      e.oldPid = oldPid == null ? null : oldPid.toString();
      e.newPid = newPid == null ? null : newPid.toString();
      e.commit();
    }
  }

  /** A supervisor gave up on its restart intensity; see {@link RuntimeListener#supervisorGaveUp}. */
  public static void supervisorGaveUp(Pid supervisor, String childId, int maxRestarts, java.time.Duration period) {
    if (listeners.length != 0) {
      tell(l -> l.supervisorGaveUp(supervisor, childId, maxRestarts, period));
    }
  }

  /**
   * Starts timing a call when a recording wants call events; null otherwise, the only work done with
   * JFR off. Pass the result to {@link #callFinished}.
   */
  public static Event callStarted() {
    if (!HOOKS || !jfr || !Probes.CALL.isEnabled()) {
      return null;
    }
    CallEvent e = new CallEvent();
    e.begin();
    return e;
  }

  /**
   * Ends a call timed by {@link #callStarted()} (a no-op for null) and by {@link #callClock()} (a
   * no-op for 0).
   */
  public static void callFinished(
      Event started, long clock, String serverClass, String handler, String outcome, Process server) {
    if (clock != 0) {
      long nanos = System.nanoTime() - clock;
      Pid pid = server.pid();
      for (RuntimeListener l : callListeners) { // every call passes here: no lambda, unlike the rarer hooks
        try {
          l.callFinished(pid, serverClass, handler, outcome, nanos);
        } catch (RuntimeException ignored) {
          // a listener's bug must not reach the server that happened to run the call
        }
      }
    }
    if (started instanceof CallEvent e) {
      e.end();
      if (e.shouldCommit()) {
        e.serverClass = serverClass;
        e.handler = handler;
        e.outcome = outcome;
        e.pid = server.pid().toString();
        e.mailboxDepth = server.mailboxDepth();
        e.commit();
      }
    }
  }

  private static void sampleMailboxes() {
    for (Process p : ProcessTable.all()) {
      int depth = p.mailboxDepth();
      if (depth > 0 && p.isAlive()) {
        MailboxDepthEvent e = new MailboxDepthEvent();
        e.pid = p.pid().toString();
        e.registeredName = p.snapshot().name();
        e.depth = depth;
        e.commit();
      }
    }
  }
}
