package dev.arbor.internal;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.ProcessExit;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One process: its mailbox (inherited, to save an object per process), its links and monitors, its
 * registered name and pending timers, and its exit. This file holds the state and the lock; each
 * concern lives in its own file, which can be read alone:
 *
 * <ul>
 *   <li>{@link CurrentProcess}: which process the running thread is; plain threads' identities.
 *   <li>{@link Spawning}: creating and starting a process, and what runs when its body ends.
 *   <li>{@link Hibernation}: handing the process over to a later thread.
 *   <li>{@link Receiving}, {@link SetAside}: selective receive, and the messages it passed over.
 *   <li>{@link Links}, {@link Monitors}: links, monitors and other watches.
 *   <li>{@link Holdings}: the registered name, timers and exit hooks.
 *   <li>{@link Exits}: an exit and the exit signals it sends along links, by Erlang's rules.
 *   <li>{@link Introspection}: what {@code Proc.info} shows.
 *   <li>{@link Remote}: the same signals to and from processes on other nodes.
 * </ul>
 *
 * <p>Concurrency. The mailbox's consumer side and the messages set aside belong to the process's
 * own thread. Links, watches, held monitors, the name, timers and the exit reason are guarded by a
 * small spin lock (critical sections are a few field writes and never block, so a virtual thread is
 * never pinned, and no {@code synchronized} is used). Code never holds two processes' locks at once.
 */
public final class Process extends Mailbox implements LocalEndpoint, Runnable, Thread.UncaughtExceptionHandler {
  private static final VarHandle LOCK;
  private static final AtomicLong IDS = new AtomicLong();

  static {
    try {
      LOCK = MethodHandles.lookup().findVarHandle(Process.class, "lock", byte.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Something to run when the process exits, before its exit signals and {@code Down}s go out. */
  public interface ExitHook {
    void onExit(Process process);
  }

  /**
   * An exit hook with a second step that runs once the process's exit signals to its linked
   * processes have been delivered, in the same cascade. The registry uses it to send its registrants
   * their exit signals only after its supervisor has the registry's own, so that the supervisor
   * restarts the registry before it restarts them.
   */
  public interface LateExitHook extends ExitHook {
    void afterSignals(Process process);
  }

  /** A process body that can hand its process over to a later thread (hibernation). */
  public interface Body {
    /** Runs the process; returns true when it hibernated instead of finishing. */
    boolean run() throws Throwable;
  }

  /** Marker for messages that only the runtime's own loops consume; {@code Proc.receive} skips them. */
  public interface LoopMessage {}

  /** Links, monitors and timers at one instant. */
  public record Snapshot(String name, java.util.List<Pid> links, java.util.List<Pid> monitors,
      java.util.List<Pid> monitoredBy, int timers) {}

  final Pid pid;
  final boolean adopted;
  volatile ExitReason exitReason;
  volatile boolean trapExits;
  /** Set once the body has returned or thrown for good: the thread left user code, so no zombie. */
  volatile boolean finished;
  /** Set around every send this process makes, so that its exit waits for a send in flight. */
  volatile boolean sending;
  /** A byte, not an int: a process is kept by the million, and with the other fields it is 96 bytes. */
  @SuppressWarnings("unused") // through LOCK
  private volatile byte lock;

  // Guarded by lock.
  /** Linked processes: a {@link Process} for a local one, a remote {@link Pid} for one on another node. */
  HashSet<Object> links;
  Watch watches;
  Monitor held;
  String name;
  HashSet<TimerTask> timers;
  ArrayList<ExitHook> exitHooks;

  // Owned by the process's thread (and read by observers through mailboxDepth).
  SetAside aside;
  /**
   * Its {@link Spin} state, its own thread's only: whether its last park was shorter than the window
   * (a bit) and how many spins in a row found nothing (the rest), and how many chances to skip.
   */
  byte spinState;
  short spinSkips;
  /**
   * The task the {@link Scheduler} runs to continue this process's thread, or null: how a wake-up
   * sent from this thread finds the carrier it runs on. Written before the thread starts, cleared by
   * the thread when it ends or hibernates.
   */
  Runnable schedulerTask;
  /**
   * What the process runs when it next gets a thread: set by {@link #start} and by hibernation, taken
   * (getAndSet) by that thread, by a resume, or by an exit that drops it. The process itself is its
   * thread's task, so that a process costs no task object of its own.
   */
  volatile Body body;

  /** What the loop of a server (or any runtime-owned process) keeps here: its state and handler. */
  public volatile Object attachment;
  /** The next process in its {@link LiveTable} chain; guarded by that table's stripe lock. */
  Process nextLive;

  /**
   * Lineage, kept as ids so a live child never holds a dead parent in memory: the id of the process
   * that spawned this one (0 if none), and of the plain-thread identity at the root of that spawn
   * chain (0 if none), so a test can find every process it started, even through dead intermediaries.
   * All the children of one parent share one record, which the parent makes when it first spawns
   * and keeps in {@link #childParentage}: a reference each, not two longs.
   */
  private record Parentage(long spawnedBy, long origin) {
    static final Parentage NONE = new Parentage(0, 0);
  }

  private final Parentage parentage;
  /** What this process's children share; made and read only by this process's own thread. */
  private Parentage childParentage;

  Process(boolean adopted) {
    this.adopted = adopted;
    this.pid = Secrets.access().newPid(IDS.incrementAndGet(), this);
    Process parent = adopted ? null : CurrentProcess.orNull();
    this.parentage = parent == null ? Parentage.NONE : parent.parentageOfChildren();
  }

  /** Called on this process's own thread, the only one that spawns with it as the parent. */
  private Parentage parentageOfChildren() {
    Parentage p = childParentage;
    if (p == null) {
      p = new Parentage(pid.id(), adopted ? pid.id() : parentage.origin());
      childParentage = p;
    }
    return p;
  }

  // ---------------------------------------------------------------- the lock

  void lock() {
    int spins = 0;
    while (!LOCK.compareAndSet(this, (byte) 0, (byte) 1)) {
      if (++spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  void unlock() {
    LOCK.setRelease(this, (byte) 0);
  }

  // ---------------------------------------------------------------- identity

  /** The id of the process that spawned this one, or 0. */
  public long spawnedBy() {
    return parentage.spawnedBy();
  }

  /** The id of the plain-thread identity at the root of this process's spawn chain, or 0. */
  public long origin() {
    return parentage.origin();
  }

  public Pid pid() {
    return pid;
  }

  @Override
  public boolean isAlive() {
    return exitReason == null;
  }

  public ExitReason exitReason() {
    return exitReason;
  }

  public boolean isAdopted() {
    return adopted;
  }

  public boolean trapsExits() {
    return trapExits;
  }

  public boolean trapExits(boolean on) {
    boolean was = trapExits;
    trapExits = on;
    return was;
  }

  /** The local process {@code pid} names, or null for a remote pid or a local one whose process is gone. */
  public static Process of(Pid pid) {
    return Secrets.access().endpoint(pid) instanceof Process p ? p : null;
  }

  /**
   * A process that has always been dead, for operations on a local pid rebuilt from the wire whose
   * process is gone: it behaves as any dead process (a timer aimed at it is cancelled at once).
   */
  public static Process deadStandIn() {
    return Gone.PROCESS;
  }

  private static final class Gone {
    static final Process PROCESS = create();

    private static Process create() {
      Process p = new Process(true); // adopted: no parent, no lineage
      p.exitReason = ExitReason.noproc();
      return p;
    }
  }

  // ---------------------------------------------------------------- as a pid's endpoint

  /** {@code pid.send(message)}: from the current thread's process, if it has one. */
  @Override
  public void send(Object message) {
    deliverFrom(currentIfAny(), message);
  }

  // ---------------------------------------------------------------- the running thread (CurrentProcess)

  /** The process of the current thread, or null for a plain thread that has none yet. */
  public static Process currentOrNull() {
    return CurrentProcess.orNull();
  }

  /**
   * The process of the current thread, adopting a plain thread on first use. Throws when the process
   * has exited: {@link ProcessExit} on a process's own thread, {@link ExitException} on a plain
   * thread whose identity was killed (which then starts afresh at its next call).
   */
  public static Process current() {
    return CurrentProcess.get();
  }

  /**
   * The current thread's process, or null for a plain thread without one. Throws, as every Arbor
   * operation does, when the caller has exited: a zombie's sends, spawns, timers and names have no
   * effect.
   */
  public static Process currentIfAny() {
    Process p = CurrentProcess.orNull();
    if (p != null) {
      p.checkAlive();
    }
    return p;
  }

  /** Gives the current plain thread a process identity. */
  public static Process adopt() {
    return CurrentProcess.adopt();
  }

  /** Ends the current plain thread's identity with {@code normal}; a no-op if it has none. */
  public static void release() {
    CurrentProcess.release();
  }

  /**
   * Throws if this process (which must be the current thread's) has exited: {@link ProcessExit} on
   * a process's own thread; {@link ExitException} on a plain thread, which forgets the dead identity
   * so that its next Arbor call gets a fresh one.
   */
  public void checkAlive() {
    if (exitReason != null) {
      CurrentProcess.throwExited(this);
    }
  }

  @Override
  public void uncaughtException(Thread t, Throwable e) {
    Reports.processCrashed(pid, Holdings.name(this), e);
  }

  // ---------------------------------------------------------------- spawning (Spawning, Hibernation)

  /**
   * Creates a process that has not started yet: register its name, link and monitor it, then {@link
   * #start(Body)} it, so that nothing it does can precede those.
   */
  public static Process create(boolean trapExits, String name) {
    return Spawning.create(trapExits, name);
  }

  /** Links a process that has not started yet to its parent, the current process. */
  public void linkAtSpawn(Process parent) {
    Links.linkAtSpawn(this, parent);
  }

  /** Starts a process running {@code body} on a new virtual thread. */
  public static Process spawn(Body body, Process linkTo, boolean trapExits, String name) {
    return Spawning.spawn(body, linkTo, trapExits, name);
  }

  /** Convenience for a plain {@link Runnable}. */
  public static Body body(Runnable runnable) {
    return () -> {
      runnable.run();
      return false;
    };
  }

  /** Runs {@code body} on a new virtual thread as this process. */
  public void start(Body body) {
    Spawning.start(this, body);
  }

  /** The process's thread: runs the body {@link #start} gave it. Only that thread may call it. */
  @Override
  public void run() {
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException(pid + " runs on its own thread only");
    }
    Spawning.runBody(this);
  }

  /**
   * Releases the current thread: the process stays alive with its mailbox, and {@code continuation}
   * runs on a fresh virtual thread when the next message arrives. Returns false, doing nothing, when
   * a message is already waiting. Only the process's own thread may call it.
   */
  public boolean hibernate(Body continuation) {
    return Hibernation.hibernate(this, continuation);
  }

  @Override
  protected void resume() {
    Hibernation.resume(this);
  }

  // ---------------------------------------------------------------- messages (Receiving)

  /** Puts {@code message} in this process's mailbox unless it has exited. */
  public void deliver(Object message) {
    if (exitReason == null) {
      offer(message);
    }
  }

  /**
   * Sends from {@code sender} (the current thread's process, or null for a thread without one) to
   * this process. The sender's exit waits for the send to finish, so that its {@code Down} and exit
   * signals always follow its messages.
   */
  public void deliverFrom(Process sender, Object message) {
    if (sender == null) {
      deliver(message);
      return;
    }
    sender.sending = true;
    try {
      sender.checkAlive();
      deliver(message);
    } finally {
      sender.sending = false;
    }
  }

  /**
   * Takes the first message that {@code match} accepts (any message when null), leaving the others
   * in order. Waits at most {@code timeoutNanos} (forever when negative); returns null on timeout.
   * Only this process's thread may call it.
   */
  public Object receive(Predicate<Object> match, long timeoutNanos) {
    return Receiving.receive(this, match, timeoutNanos);
  }

  /**
   * Messages waiting for this process, as Erlang's {@code message_queue_len} counts them: those in
   * the mailbox, those a selective receive passed over, and the one a receive is testing. Any thread;
   * from another one it is a snapshot, which never misses a message the process holds.
   */
  public int mailboxDepth() {
    int queued = size(); // first: a message leaves the mailbox only once the aside count has it
    SetAside a = aside;
    return a == null ? queued : queued + a.count();
  }

  // ---------------------------------------------------------------- links and monitors (Links, Monitors)

  /** Links this process (the current one) with {@code other}, both ways. */
  public void link(Process other) {
    Links.link(this, other);
  }

  public void unlink(Process other) {
    Links.unlink(this, other);
  }

  /**
   * Adds {@code watch} to this process's watches; returns false, adding nothing, if this process has
   * exited (the caller then fires it with {@code noproc}).
   */
  public boolean addWatch(Watch watch) {
    return Monitors.addWatch(this, watch);
  }

  /** Takes {@code watch} out of this process's watches; true for the one caller that found it there. */
  public boolean removeWatch(Watch watch) {
    return Monitors.removeWatch(this, watch);
  }

  /** This process (the current one) starts monitoring {@code target}. */
  public Monitor monitor(Process target) {
    return Monitors.monitor(this, target);
  }

  /**
   * Removes a monitor this process held. True when no {@code Down} for it was or will be delivered;
   * false when it had fired, in which case its {@code Down} is already in the mailbox.
   */
  public boolean demonitor(Monitor m) {
    return Monitors.demonitor(this, m);
  }

  // ---------------------------------------------------------------- name, timers, hooks (Holdings)

  public String name() {
    return name;
  }

  /**
   * Adds a hook that runs when this process exits, before its signals go out (the registry uses it
   * to drop entries). Returns false, adding nothing, if the process has already exited.
   */
  public boolean addExitHook(ExitHook hook) {
    return Holdings.addExitHook(this, hook);
  }

  public void removeExitHook(ExitHook hook) {
    Holdings.removeExitHook(this, hook);
  }

  // ---------------------------------------------------------------- exit (Exits)

  /**
   * Exits this process with {@code reason} (a {@code kill} is recorded as {@code killed}), from any
   * thread, and carries every consequence along links. A no-op when it has already exited.
   */
  public void exit(ExitReason reason) {
    Exits.exit(this, reason);
  }

  /**
   * Delivers the exit signal {@code reason} from {@code from} to {@code to} by Erlang's rules, with
   * every consequence. {@code viaLink} tells a link's signal from one sent by {@code Proc.exit}.
   */
  public static void signalExits(Process from, Process to, ExitReason reason, boolean viaLink) {
    Exits.signal(from.pid, to, reason, viaLink);
  }

  // ---------------------------------------------------------------- introspection (Introspection)

  /** A consistent snapshot of what {@code Proc.info} shows, taken under the lock. */
  public Snapshot snapshot() {
    return Introspection.snapshot(this);
  }

  /** Whether a thread still runs code for this process (a killed process in that state is a zombie). */
  public boolean hasRunningThread() {
    Thread t = owner;
    return t != null && !finished && t.isAlive() && !isHibernating();
  }

  public boolean isWaiting() {
    return isParked();
  }

  public boolean isHibernated() {
    return isHibernating();
  }

  /** For the adopted-thread sweeper: the plain thread behind this identity ended. */
  boolean ownerEnded() {
    Thread t = owner;
    return t == null || !t.isAlive();
  }

  @Override
  public String toString() {
    return "Process" + pid;
  }
}
