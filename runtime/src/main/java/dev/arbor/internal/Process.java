package dev.arbor.internal;

import dev.arbor.Exit;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.ProcessExit;
import dev.arbor.observe.ArborEvents;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * One process: its mailbox (inherited, to save an object per process), its links and monitors, its
 * registered name and pending timers, and its exit.
 *
 * <p>Concurrency. The mailbox's consumer side and the save queue belong to the process's own thread.
 * Links, watches, held monitors, the name, timers and the exit reason are guarded by a small spin
 * lock (critical sections are a few field writes and never block, so a virtual thread is never
 * pinned, and no {@code synchronized} is used). Code never holds two processes' locks at once.
 *
 * <p>Exit. {@link #exit(ExitReason)} may run on any thread: the process's own when its code returns
 * or throws, another process's when it sends a fatal signal. Under the lock it sets the reason (so
 * the process is dead to everyone from then on) and takes its links, watches and monitors; then,
 * outside the lock, it releases the name and registry entries, cancels timers aimed at it, and only
 * then sends exit signals and {@code Down}s. Cascades along links run from a work list rather than by
 * recursion, so a chain of a million linked processes cannot overflow a stack.
 */
public final class Process extends Mailbox implements Thread.UncaughtExceptionHandler {
  private static final VarHandle LOCK;
  private static final VarHandle RESUME;
  private static final AtomicLong IDS = new AtomicLong();
  private static final ThreadLocal<Process> CURRENT = new ThreadLocal<>();

  static {
    try {
      LOCK = MethodHandles.lookup().findVarHandle(Process.class, "lock", int.class);
      RESUME = MethodHandles.lookup().findVarHandle(Process.class, "resumeBody", Body.class);
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

  private final Pid pid;
  private final boolean adopted;
  private volatile ExitReason exitReason;
  private volatile boolean trapExits;
  /** Set once the body has returned or thrown for good: the thread left user code, so no zombie. */
  private volatile boolean finished;
  /** Set around every send this process makes, so that its exit waits for a send in flight. */
  private volatile boolean sending;
  @SuppressWarnings("unused") // through LOCK
  private volatile int lock;

  // Guarded by lock.
  private HashSet<Process> links;
  private Watch watches;
  private Monitor held;
  private String name;
  private HashSet<TimerTask> timers;
  private ArrayList<ExitHook> exitHooks;

  // Owned by the process's thread.
  private ArrayDeque<Object> saved;
  /** What a hibernated process runs next; taken (getAndSet) by whoever resumes or kills it. */
  private volatile Body resumeBody;

  /** What the loop of a server (or any runtime-owned process) keeps here: its state and handler. */
  public volatile Object attachment;
  /** The handler running now, shown by {@code Proc.info}. */
  public volatile String currentHandler;

  /** A process body that can hand its process over to a later thread (hibernation). */
  public interface Body {
    /** Runs the process; returns true when it hibernated instead of finishing. */
    boolean run() throws Throwable;
  }

  /**
   * Lineage, kept as ids so a live child never holds a dead parent in memory: the id of the process
   * that spawned this one (0 if none), and of the plain-thread identity at the root of that spawn
   * chain (0 if none), so a test can find every process it started, even through dead intermediaries.
   */
  private final long spawnedBy;
  private final long origin;

  private Process(boolean adopted) {
    this.adopted = adopted;
    this.pid = Secrets.access().newPid(IDS.incrementAndGet(), this);
    Process parent = adopted ? null : currentOrNull();
    this.spawnedBy = parent == null ? 0 : parent.pid.id();
    this.origin = parent == null ? 0 : parent.adopted ? parent.pid.id() : parent.origin;
  }

  /** The id of the process that spawned this one, or 0. */
  public long spawnedBy() {
    return spawnedBy;
  }

  /** The id of the plain-thread identity at the root of this process's spawn chain, or 0. */
  public long origin() {
    return origin;
  }

  public Pid pid() {
    return pid;
  }

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

  public static Process of(Pid pid) {
    return Secrets.access().process(pid);
  }

  // ---------------------------------------------------------------- identity of the running thread

  /** The process of the current thread, or null for a plain thread that has none yet. */
  public static Process currentOrNull() {
    // A process's own thread carries the process as its uncaught-exception handler: cheaper to read
    // than a ThreadLocal, and no ThreadLocalMap (136 bytes) per process. Plain threads use CURRENT.
    if (Thread.currentThread().getUncaughtExceptionHandler() instanceof Process p) {
      return p;
    }
    return CURRENT.get();
  }

  @Override
  public void uncaughtException(Thread t, Throwable e) {
    Reports.processCrashed(pid, e);
  }

  /**
   * The process of the current thread, adopting a plain thread on first use. Throws when the process
   * has exited: {@link ProcessExit} on a process's own thread, {@link ExitException} on a plain
   * thread whose identity was killed (which then starts afresh at its next call).
   */
  public static Process current() {
    Process p = currentOrNull();
    if (p == null) {
      return adopt();
    }
    p.checkAlive();
    return p;
  }

  /** Gives the current plain thread a process identity. */
  public static Process adopt() {
    Process existing = currentOrNull();
    if (existing != null) {
      existing.checkAlive();
      throw new IllegalStateException("this thread already is process " + existing.pid);
    }
    Process p = new Process(true);
    p.owner = Thread.currentThread();
    CURRENT.set(p);
    ProcessTable.add(p);
    ProcessTable.adopted(p);
    return p;
  }

  /** Ends the current plain thread's identity with {@code normal}; a no-op if it has none. */
  public static void release() {
    Process p = currentOrNull(); // a process's own thread is known by its handler, not CURRENT
    if (p == null) {
      return;
    }
    if (!p.adopted) {
      throw new IllegalStateException("only a plain thread's identity can be released; " + p.pid + " is a process");
    }
    CURRENT.remove();
    p.exit(ExitReason.normal());
  }

  /**
   * Throws if this process (which must be the current thread's) has exited: {@link ProcessExit} on
   * a process's own thread; {@link ExitException} on a plain thread, which forgets the dead identity
   * so that its next Arbor call gets a fresh one.
   */
  public void checkAlive() {
    ExitReason r = exitReason;
    if (r == null) {
      return;
    }
    if (!adopted) {
      throw new ProcessExit(r);
    }
    if (CURRENT.get() == this) {
      CURRENT.remove();
    }
    throw new ExitException(r, "this thread's process " + pid + " exited: " + r);
  }

  // ---------------------------------------------------------------- spawning

  /**
   * Creates a process that has not started yet: register its name, link and monitor it, then {@link
   * #start(Body)} it, so that nothing it does can precede those.
   */
  public static Process create(boolean trapExits, String name) {
    Process p = new Process(false);
    p.trapExits = trapExits;
    ProcessTable.add(p);
    if (name != null) {
      try {
        ProcessTable.register(name, p);
      } catch (RuntimeException e) {
        ProcessTable.remove(p);
        throw e;
      }
    }
    ArborEvents.spawned(p, name);
    return p;
  }

  /** Links a process that has not started yet to its parent, the current process. */
  public void linkAtSpawn(Process parent) {
    addLink(parent);
    if (!parent.addLink(this)) {
      removeLink(parent);
      exit(ExitReason.noproc());
      parent.checkAlive();
    }
  }

  /** Starts a process running {@code body} on a new virtual thread. */
  public static Process spawn(Body body, Process linkTo, boolean trapExits, String name) {
    Process p = create(trapExits, name);
    if (linkTo != null) {
      p.linkAtSpawn(linkTo);
    }
    p.start(body);
    return p;
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
    Thread t = Thread.ofVirtual().uncaughtExceptionHandler(this).unstarted(() -> runBody(body));
    owner = t;
    t.start();
  }

  private void runBody(Body body) {
    ExitReason reason;
    Throwable crash = null;
    try {
      if (exitReason != null) {
        reason = exitReason; // killed before it ran
      } else if (body.run()) {
        return; // hibernated: a later thread carries on
      } else {
        reason = ExitReason.normal();
      }
    } catch (ProcessExit e) {
      reason = e.reason();
    } catch (Throwable t) {
      reason = ExitReason.crash(t);
      if (exitReason == null) {
        crash = t; // a throwable caused by a kill (an interrupted wait, say) is no crash
      }
    }
    finished = true;
    exit(reason);
    clear();
    forgetBody();
    if (crash != null) {
      // After the exit: links and monitors must not wait for a slow or stalled log backend.
      Reports.processCrashed(pid, crash);
    }
  }

  /**
   * Releases the current thread: the process stays alive with its mailbox, and {@code continuation}
   * runs on a fresh virtual thread when the next message arrives. Returns false, doing nothing, when
   * a message is already waiting. Only the process's own thread may call it.
   */
  public boolean hibernate(Body continuation) {
    resumeBody = continuation;
    Thread me = owner;
    owner = null; // a finished thread is not worth keeping: resume() gives the process a new one
    if (!announceHibernation()) {
      owner = me;
      resumeBody = null;
      return false;
    }
    if (exitReason != null) {
      dropContinuation(); // killed meanwhile: its exit may have looked before the continuation was set
    }
    return true;
  }

  @Override
  protected void resume() {
    Body body = (Body) RESUME.getAndSet(this, null);
    if (body == null) {
      return; // killed while hibernated: nothing to run
    }
    if (exitReason == null) {
      start(body);
    } else {
      attachment = null;
    }
  }

  /**
   * A dead process stays reachable for as long as anyone holds its pid (a {@code Down}, a client, a
   * supervisor's history), so it lets go of what it ran: its server loop and state, its saved
   * messages, its thread. Called by its own thread once the body has ended for good.
   */
  private void forgetBody() {
    attachment = null;
    currentHandler = null;
    saved = null;
    owner = null; // resumeBody is already null: whoever resumed or killed a hibernated body took it
  }

  /** A hibernated process that exits has no thread to run {@link #forgetBody}: its exit drops the continuation. */
  private void dropContinuation() {
    if (RESUME.getAndSet(this, null) != null) {
      attachment = null;
    }
  }

  // ---------------------------------------------------------------- messages

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

  /** Marker for messages that only the runtime's own loops consume; {@code Proc.receive} skips them. */
  public interface LoopMessage {}

  /**
   * Takes the first message that {@code match} accepts (any message when null), leaving the others
   * in order. Waits at most {@code timeoutNanos} (forever when negative); returns null on timeout.
   * Only this process's thread may call it.
   */
  public Object receive(Predicate<Object> match, long timeoutNanos) {
    checkAlive();
    if (saved != null && !saved.isEmpty()) {
      for (Iterator<Object> it = saved.iterator(); it.hasNext(); ) {
        Object m = it.next();
        if (match == null || match.test(m)) {
          it.remove();
          return m;
        }
      }
    }
    long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
    for (; ; ) {
      Object m = poll();
      if (m != null) {
        if (match == null || matches(match, m)) {
          return m;
        }
        if (saved == null) {
          saved = new ArrayDeque<>();
        }
        saved.addLast(m);
        continue;
      }
      if (timeoutNanos == 0) {
        return null;
      }
      long remaining = 0;
      if (timeoutNanos > 0) {
        remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return null;
        }
      }
      announcePark();
      if (isEmpty() && exitReason == null) {
        if (timeoutNanos > 0) {
          LockSupport.parkNanos(this, remaining);
        } else {
          LockSupport.park(this);
        }
      }
      announceRunning();
      checkAlive();
      if (Thread.interrupted()) {
        onStrayInterrupt();
      }
    }
  }

  /** Tests a message taken from the queue; if {@code match} throws, the message is kept, in order. */
  private boolean matches(Predicate<Object> match, Object m) {
    try {
      return match.test(m);
    } catch (Throwable t) {
      if (saved == null) {
        saved = new ArrayDeque<>();
      }
      saved.addLast(m);
      throw t;
    }
  }

  /** An interrupt that is not an exit signal: a process ignores it; a plain thread gives up. */
  private void onStrayInterrupt() {
    if (adopted) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a message in " + pid);
    }
  }

  /** Messages received out of order by a selective receive and not yet taken, oldest first. */
  public int savedCount() {
    return saved == null ? 0 : saved.size();
  }

  // ---------------------------------------------------------------- the lock

  private void lock() {
    int spins = 0;
    while (!LOCK.compareAndSet(this, 0, 1)) {
      if (++spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  private void unlock() {
    LOCK.setRelease(this, 0);
  }

  // ---------------------------------------------------------------- links

  /** Records a link to {@code other} unless this process has exited; returns whether it did. */
  boolean addLink(Process other) {
    lock();
    try {
      if (exitReason != null) {
        return false;
      }
      if (links == null) {
        links = new HashSet<>(4);
      }
      links.add(other);
      return true;
    } finally {
      unlock();
    }
  }

  /** Removes the link to {@code other}; true only for the one caller that found it there. */
  boolean removeLink(Process other) {
    lock();
    try {
      if (links == null || !links.remove(other)) {
        return false;
      }
      if (links.isEmpty()) {
        links = null;
      }
      return true;
    } finally {
      unlock();
    }
  }

  /** Links this process (the current one) with {@code other}, both ways. */
  public void link(Process other) {
    if (other == this) {
      return;
    }
    if (!addLink(other)) {
      checkAlive();
    }
    if (!other.addLink(this)) {
      // Linking to a dead process: Erlang sends the linker an exit signal with reason noproc.
      if (removeLink(other)) {
        signalExits(other, this, ExitReason.noproc(), true);
      }
      return;
    }
    if (exitReason != null && other.removeLink(this)) {
      // We were killed between the two halves; our exit may have missed the new link.
      signalExits(this, other, exitReason, true);
    }
  }

  public void unlink(Process other) {
    removeLink(other);
    other.removeLink(this);
  }

  // ---------------------------------------------------------------- monitors and watches

  /**
   * Adds {@code watch} to this process's watches; returns false, adding nothing, if this process has
   * exited (the caller then fires it with {@code noproc}).
   */
  public boolean addWatch(Watch watch) {
    lock();
    try {
      if (exitReason != null) {
        return false;
      }
      watch.target = this;
      watch.next = watches;
      if (watches != null) {
        watches.prev = watch;
      }
      watches = watch;
      return true;
    } finally {
      unlock();
    }
  }

  /** Takes {@code watch} out of this process's watches; true for the one caller that found it there. */
  public boolean removeWatch(Watch watch) {
    lock();
    try {
      if (watch.target != this) {
        return false;
      }
      if (watch.prev != null) {
        watch.prev.next = watch.next;
      } else {
        watches = watch.next;
      }
      if (watch.next != null) {
        watch.next.prev = watch.prev;
      }
      watch.prev = watch.next = null;
      watch.target = null;
      return true;
    } finally {
      unlock();
    }
  }

  /** This process (the current one) starts monitoring {@code target}. */
  public Monitor monitor(Process target) {
    Monitor m = new Monitor(this, target);
    boolean alive;
    lock();
    try {
      alive = exitReason == null;
      if (alive) {
        m.held = true;
        m.nextHeld = held;
        if (held != null) {
          held.prevHeld = m;
        }
        held = m;
      }
    } finally {
      unlock();
    }
    if (!alive) {
      checkAlive();
    }
    if (!target.addWatch(m)) {
      m.fire(target, ExitReason.noproc());
    } else if (exitReason != null) {
      // We were killed meanwhile; our exit may have missed this monitor.
      target.removeWatch(m);
    }
    return m;
  }

  /**
   * Removes a monitor this process held. True when no {@code Down} for it was or will be delivered;
   * false when it had fired, in which case its {@code Down} is already in the mailbox.
   */
  public boolean demonitor(Monitor m) {
    if (m.watcher != this) {
      return false;
    }
    if (m.watched.removeWatch(m)) {
      forgetHeld(m);
      m.cancelDown();
      return true;
    }
    // The target's exit owns the watch now: either its Down is stopped here, or it is in the
    // mailbox when this returns, where the caller may flush it.
    return m.cancelDown();
  }

  void forgetHeld(Monitor m) {
    lock();
    try {
      if (!m.held) {
        return;
      }
      m.held = false;
      if (m.prevHeld != null) {
        m.prevHeld.nextHeld = m.nextHeld;
      } else {
        held = m.nextHeld;
      }
      if (m.nextHeld != null) {
        m.nextHeld.prevHeld = m.prevHeld;
      }
      m.prevHeld = m.nextHeld = null;
    } finally {
      unlock();
    }
  }

  // ---------------------------------------------------------------- names, timers, hooks

  /** Registers {@code name} for this process; false if it exited, with the name left free. */
  boolean setName(String newName) {
    lock();
    try {
      if (exitReason != null) {
        return false;
      }
      if (name != null) {
        throw new IllegalArgumentException(pid + " is already registered as \"" + name + "\"");
      }
      name = newName;
      return true;
    } finally {
      unlock();
    }
  }

  boolean clearName(String oldName) {
    lock();
    try {
      if (oldName.equals(name)) {
        name = null;
        return true;
      }
      return false;
    } finally {
      unlock();
    }
  }

  public String name() {
    return name;
  }

  boolean addTimer(TimerTask t) {
    lock();
    try {
      if (exitReason != null) {
        return false;
      }
      if (timers == null) {
        timers = new HashSet<>(4);
      }
      timers.add(t);
      return true;
    } finally {
      unlock();
    }
  }

  void removeTimer(TimerTask t) {
    lock();
    try {
      if (timers != null) {
        timers.remove(t);
        if (timers.isEmpty()) {
          timers = null;
        }
      }
    } finally {
      unlock();
    }
  }

  /**
   * Adds a hook that runs when this process exits, before its signals go out (the registry uses it
   * to drop entries). Returns false, adding nothing, if the process has already exited.
   */
  public boolean addExitHook(ExitHook hook) {
    lock();
    try {
      if (exitReason != null) {
        return false;
      }
      if (exitHooks == null) {
        exitHooks = new ArrayList<>(2);
      }
      exitHooks.add(hook);
      return true;
    } finally {
      unlock();
    }
  }

  public void removeExitHook(ExitHook hook) {
    lock();
    try {
      if (exitHooks != null) {
        exitHooks.remove(hook);
      }
    } finally {
      unlock();
    }
  }

  // ---------------------------------------------------------------- exit

  /**
   * Exits this process with {@code reason} (a {@code kill} is recorded as {@code killed}), from any
   * thread, and carries every consequence along links. A no-op when it has already exited.
   */
  public void exit(ExitReason reason) {
    ArrayDeque<Object> work = new ArrayDeque<>();
    exitOne(reason, work);
    drain(work);
  }

  /**
   * Delivers the exit signal {@code reason} from {@code from} to {@code to} by Erlang's rules, with
   * every consequence. {@code viaLink} tells a link's signal from one sent by {@code Proc.exit}.
   */
  public static void signalExits(Process from, Process to, ExitReason reason, boolean viaLink) {
    ArrayDeque<Object> work = new ArrayDeque<>();
    signalOne(from, to, reason, viaLink, work);
    drain(work);
  }

  private static void drain(ArrayDeque<Object> work) {
    while (!work.isEmpty()) {
      Object first = work.poll();
      Process to = (Process) work.poll();
      ExitReason reason = (ExitReason) work.poll();
      if (first instanceof LateExitHook late) {
        runLate(late, to);
      } else {
        signalOne((Process) first, to, reason, true, work);
      }
    }
  }

  private static void runLate(LateExitHook hook, Process exited) {
    try {
      hook.afterSignals(exited);
    } catch (RuntimeException e) {
      Reports.hookFailed(exited.pid, e);
    }
  }

  private static void signalOne(Process from, Process to, ExitReason reason, boolean viaLink, ArrayDeque<Object> work) {
    if (to.exitReason != null) {
      return;
    }
    if (reason.kind() == ExitReason.Kind.KILL && !viaLink) {
      to.exitOne(ExitReason.killed(), work);
    } else if (to.trapExits) {
      to.deliver(new Exit(from.pid, reason));
    } else if (reason.isNormal()) {
      if (!viaLink && from == to) {
        to.exitOne(reason, work);
      }
    } else {
      to.exitOne(reason, work);
    }
  }

  private void exitOne(ExitReason reason, ArrayDeque<Object> work) {
    if (reason.kind() == ExitReason.Kind.KILL) {
      reason = ExitReason.killed();
    }
    HashSet<Process> myLinks;
    Watch myWatches;
    Monitor myHeld;
    String myName;
    HashSet<TimerTask> myTimers;
    ArrayList<ExitHook> hooks;
    lock();
    try {
      if (exitReason != null) {
        return;
      }
      exitReason = reason;
      myLinks = links;
      myWatches = watches;
      for (Watch w = watches; w != null; w = w.next) {
        w.target = null; // from now on removeWatch leaves it alone: this exit fires it
      }
      myHeld = held;
      for (Monitor m = held; m != null; m = m.nextHeld) {
        m.held = false; // from now on forgetHeld leaves it alone
      }
      myName = name;
      name = null;
      myTimers = timers;
      hooks = exitHooks;
      links = null;
      watches = null;
      held = null;
      timers = null;
      exitHooks = null;
    } finally {
      unlock();
    }
    ArborEvents.exited(this, reason);
    dropContinuation();
    Thread thread = owner;
    boolean ownThread = thread == Thread.currentThread();
    if (!ownThread) {
      while (sending) {
        Thread.onSpinWait();
      }
    }
    ProcessTable.remove(this);
    if (myName != null) {
      ProcessTable.releaseName(myName, this);
    }
    if (hooks != null) {
      for (ExitHook hook : hooks) {
        try {
          hook.onExit(this);
        } catch (RuntimeException e) {
          Reports.hookFailed(pid, e);
        }
      }
    }
    if (myTimers != null) {
      for (TimerTask t : myTimers) {
        t.cancelBecauseTargetExited();
      }
    }
    for (Monitor m = myHeld; m != null; ) {
      Monitor next = m.nextHeld;
      m.prevHeld = m.nextHeld = null;
      m.watched.removeWatch(m);
      m = next;
    }
    if (!ownThread && thread != null) {
      if (adopted) {
        LockSupport.unpark(thread); // a plain thread is never interrupted; a receive it waits in throws
      } else {
        thread.interrupt();
      }
    }
    if (myLinks != null) {
      for (Process linked : myLinks) {
        if (linked.removeLink(this)) {
          work.add(this);
          work.add(linked);
          work.add(reason);
        }
      }
    }
    if (hooks != null) {
      for (ExitHook hook : hooks) {
        if (hook instanceof LateExitHook late) { // after the link signals just queued
          work.add(late);
          work.add(this);
          work.add(reason);
        }
      }
    }
    // The list was detached under the lock; each watch now belongs to this exit alone.
    for (Watch w = myWatches; w != null; ) {
      Watch next = w.next;
      w.prev = w.next = null;
      w.fire(this, reason);
      w = next;
    }
  }

  // ---------------------------------------------------------------- introspection

  /** A consistent snapshot of what {@code Proc.info} shows, taken under the lock. */
  public Snapshot snapshot() {
    lock();
    try {
      List<Pid> linked = new ArrayList<>();
      if (links != null) {
        links.forEach(p -> linked.add(p.pid));
      }
      List<Pid> monitoring = new ArrayList<>();
      for (Monitor m = held; m != null; m = m.nextHeld) {
        monitoring.add(m.watched.pid);
      }
      List<Pid> monitoredBy = new ArrayList<>();
      for (Watch w = watches; w != null; w = w.next) {
        if (w instanceof Monitor m) {
          monitoredBy.add(m.watcher.pid);
        }
      }
      return new Snapshot(name, linked, monitoring, monitoredBy, timers == null ? 0 : timers.size());
    } finally {
      unlock();
    }
  }

  /** Links, monitors and timers at one instant. */
  public record Snapshot(String name, List<Pid> links, List<Pid> monitors, List<Pid> monitoredBy, int timers) {}

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
