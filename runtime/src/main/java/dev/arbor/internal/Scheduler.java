package dev.arbor.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The scheduler that runs the virtual threads of processes: a carrier thread per core, as the JDK's
 * ForkJoinPool has, but one that lets a process woken by another run on the waker's carrier.
 *
 * <p>Why: a call is a hand-off. The caller wakes the server and parks; the server answers, wakes the
 * caller and parks. With the JDK's scheduler each wake-up pushes the woken thread on the waker's
 * queue and signals an idle carrier, which, parked on the other core, must be woken by the kernel (a
 * futex wake, microseconds on a virtual machine) and then takes the thread over there, so every hop
 * crosses cores. Here a thread woken from a process's thread goes in its carrier's {@linkplain
 * Carrier#pushNext next slot} and no one is signalled: the waker is usually about to wait (for the
 * reply, or the next message), and its carrier runs the woken thread the moment it does, as
 * Erlang's scheduler runs the receiver after a send and Go's runs {@code runnext}. Parallelism is
 * kept in three ways. A second wake-up from the same thread moves the first to the carrier's queue
 * and signals: that is more work than one core's. Idle carriers take work from other carriers'
 * queues (never from their next slot), after a short spin before they park. And a watchdog thread
 * moves a next-slot thread whose carrier has not switched tasks for a whole period to the shared
 * queue, so a waker that goes on computing delays the woken thread by a period at most (50 µs to
 * 5 ms, shorter while carriers are busy).
 *
 * <p>A thread woken by a connection's reader, a platform thread the kernel wakes when a frame
 * comes, runs on the reader itself: see {@link Guest}.
 *
 * <p>A carrier can also be held by a thread that blocks it: a file read, a native call, a park
 * inside a class initializer. The JDK's scheduler adds a carrier for some of those; here the
 * watchdog does it for all: when every carrier has run one task for {@value #HELD_MILLIS} ms while
 * work waits, it starts a helper carrier, which leaves once it has found nothing to do for a
 * second. A process that computes for that long gets company the same way, which costs the
 * operating system's time slicing and spares the processes queued behind it.
 *
 * <p>How a wake-up finds its carrier: the JDK calls {@link #execute} on the waker's thread, pinned to
 * its carrier. Each carrier publishes the task it runs; each process knows its thread's task (its
 * {@code schedulerTask}, learnt when its thread was started); so the carrier whose running task is
 * the current process's is the one to use. A wake-up from anything else (a plain thread, a timer, the
 * JDK's I/O poller, a virtual thread that is no process) goes on the shared queue, except one from
 * a {@link Guest} delivering.
 *
 * <p>The JDK has no public way to give virtual threads a scheduler; it keeps one for its own tests,
 * the constructor {@code ThreadBuilders.VirtualThreadBuilder(Executor)}. Arbor opens it through
 * {@code sun.reflect.ReflectionFactory} (the {@code jdk.unsupported} module, as serialization
 * libraries use it): no command-line flag and no warning. On a JDK before 25 (where a wake-up is
 * submitted from the carrier's own identity), where that constructor is missing, or with {@code
 * -Darbor.scheduler=jdk}, processes run on the JDK's scheduler, as they did before.
 */
final class Scheduler implements Executor {
  /** How long an idle carrier looks for work before it parks ({@code -Darbor.carrierSpinNanos}). */
  static final long SPIN_NANOS = Math.max(0, Long.getLong("arbor.carrierSpinNanos", 20_000));
  /** The scheduler processes run on; null where they run on the JDK's. */
  static final Scheduler INSTANCE = install();

  /** The watchdog's shortest and longest period. */
  private static final long WATCH_MIN_NANOS = 50_000;
  private static final long WATCH_MAX_NANOS = 5_000_000;
  /** How long every carrier must have been held by one task, with work waiting, before a helper starts. */
  static final long HELD_MILLIS = 20;
  /** At most this many carriers in all, as the JDK's scheduler has at most 256. */
  private static final int MAX_CARRIERS = 256;

  private final MethodHandle newBuilder;
  /** The carriers, helpers included; replaced as a whole when a helper comes or goes. */
  volatile Carrier[] carriers;
  /** Held by the watchdog and by leaving helpers (platform threads) while they replace {@link #carriers}. */
  private final ReentrantLock changingCarriers = new ReentrantLock();
  private int nextIndex;
  private final ConcurrentLinkedQueue<Runnable> shared = new ConcurrentLinkedQueue<>();
  /** Parked carriers, to be woken when work is pushed where no spinning carrier will find it. */
  private final ConcurrentLinkedQueue<Carrier> parked = new ConcurrentLinkedQueue<>();
  /** How many carriers are looking for work without having parked. */
  final AtomicInteger spinning = new AtomicInteger();
  /** Connections' reader threads, which run the processes each delivery woke: see {@link Guest}. */
  final Set<Guest> guests = ConcurrentHashMap.newKeySet();
  /** Processes being started by a thread that is not a process on a carrier of this scheduler. */
  private final ConcurrentHashMap<Thread, Process> startedByOthers = new ConcurrentHashMap<>();

  private Scheduler(MethodHandle newBuilder, int parallelism) {
    this.newBuilder = newBuilder;
    Carrier[] initial = new Carrier[parallelism];
    for (int i = 0; i < parallelism; i++) {
      initial[i] = new Carrier(this, nextIndex++, false);
    }
    this.carriers = initial;
    for (Carrier c : initial) {
      c.start();
    }
    Thread watchdog = new Thread(this::watch, "arbor-scheduler-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static Scheduler install() {
    if ("jdk".equals(System.getProperty("arbor.scheduler")) || Runtime.version().feature() < 25) {
      return null;
    }
    try {
      Class<?> builder = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
      // Looked up rather than named, so that javac has no internal API to warn about.
      Class<?> factoryClass = Class.forName("sun.reflect.ReflectionFactory");
      Object factory = factoryClass.getMethod("getReflectionFactory").invoke(null);
      Constructor<?> open = (Constructor<?>) factoryClass
          .getMethod("newConstructorForSerialization", Class.class, Constructor.class)
          .invoke(factory, builder, builder.getDeclaredConstructor(Executor.class));
      MethodHandle newBuilder = MethodHandles.lookup().unreflectConstructor(open)
          .asType(MethodType.methodType(Thread.Builder.OfVirtual.class, Executor.class));
      return new Scheduler(newBuilder, parallelism());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      System.getLogger("dev.arbor.scheduler").log(System.Logger.Level.DEBUG,
          "processes run on the JDK's virtual-thread scheduler: " + e);
      return null;
    }
  }

  /**
   * How many carriers virtual threads get, as the JDK's scheduler reads it ({@code
   * jdk.virtualThreadScheduler.parallelism}, else the cores): Arbor's scheduler starts as many.
   */
  static int parallelism() {
    int cores = Runtime.getRuntime().availableProcessors();
    try {
      return Math.max(1, Integer.parseInt(
          System.getProperty("jdk.virtualThreadScheduler.parallelism", Integer.toString(cores))));
    } catch (NumberFormatException e) {
      return cores;
    }
  }

  /** Creates {@code p}'s thread (not started), on this scheduler if it is installed. */
  static Thread newThread(Process p) {
    Thread.Builder.OfVirtual builder;
    if (INSTANCE == null) {
      builder = Thread.ofVirtual();
    } else {
      try {
        builder = (Thread.Builder.OfVirtual) INSTANCE.newBuilder.invokeExact((Executor) INSTANCE);
      } catch (Throwable t) {
        throw new IllegalStateException("cannot create a thread on Arbor's scheduler", t);
      }
    }
    return builder.uncaughtExceptionHandler(p).unstarted(p);
  }

  /** Starts {@code t}, the thread of {@code p}, learning the task that continues it. */
  static void start(Process p, Thread t) {
    Scheduler s = INSTANCE;
    if (s == null) {
      t.start();
      return;
    }
    Carrier c = s.carrierOfCurrentThread();
    if (c != null) {
      c.starting = p; // the start's execute runs on this carrier, from this thread
      try {
        t.start();
      } finally {
        c.starting = null;
      }
    } else {
      Thread me = Thread.currentThread();
      s.startedByOthers.put(me, p);
      try {
        t.start();
      } finally {
        s.startedByOthers.remove(me);
      }
    }
  }

  /**
   * Called by the JDK, on the thread that starts or wakes a virtual thread of this scheduler, with
   * the task that runs it until it next parks. Never blocks: the caller is pinned to its carrier.
   */
  @Override
  public void execute(Runnable task) {
    Thread current = Thread.currentThread();
    if (current instanceof Carrier own) {
      // The carrier itself, after unmounting a thread that yielded or that was woken as it parked:
      // behind the work already queued here.
      own.pushQueued(task);
      signal();
      return;
    }
    Carrier c = carrierOfCurrentThread();
    if (c != null) {
      Process starting = c.starting;
      if (starting != null) {
        c.starting = null;
        starting.schedulerTask = task;
      }
      Runnable displaced = c.pushNext(task);
      if (displaced != null) {
        c.pushQueued(displaced);
        signal();
      }
      return;
    }
    if (!startedByOthers.isEmpty()) {
      Process starting = startedByOthers.remove(current);
      if (starting != null) {
        starting.schedulerTask = task;
      }
    }
    if (current instanceof Guest g && g.collect(task)) {
      return;
    }
    shared.offer(task);
    signal();
  }

  /** Queues {@code tasks} (emptying it) where any carrier takes them, and signals. */
  void queueShared(ArrayDeque<Runnable> tasks) {
    for (Runnable task; (task = tasks.poll()) != null; ) {
      shared.offer(task);
    }
    signal();
  }

  /** The carrier the current thread runs on, if it is a process's thread on this scheduler. */
  private Carrier carrierOfCurrentThread() {
    if (!(Thread.currentThread().getUncaughtExceptionHandler() instanceof Process p)) {
      return null;
    }
    Runnable mine = p.schedulerTask;
    if (mine == null) {
      return null;
    }
    for (Carrier c : carriers) {
      if (c.running == mine) {
        return c;
      }
    }
    return null;
  }

  /** Starts a helper carrier: every carrier is held by one task while work waits. */
  private void addHelper() {
    changingCarriers.lock();
    try {
      Carrier[] now = carriers;
      if (now.length >= MAX_CARRIERS) {
        return;
      }
      Carrier helper = new Carrier(this, nextIndex++, true);
      Carrier[] more = Arrays.copyOf(now, now.length + 1);
      more[now.length] = helper;
      carriers = more;
      helper.start();
    } finally {
      changingCarriers.unlock();
    }
  }

  /** A helper that found nothing to do for a while leaves; its queue and next slot are empty. */
  void retire(Carrier helper) {
    changingCarriers.lock();
    try {
      parked.remove(helper);
      carriers = Arrays.stream(carriers).filter(c -> c != helper).toArray(Carrier[]::new);
    } finally {
      changingCarriers.unlock();
    }
    signal(); // a signal meant for the helper may have come as it left
  }

  Runnable pollShared() {
    return shared.poll();
  }

  /** Takes a task queued on another carrier (never one in its next slot: see the class comment). */
  Runnable stealFor(Carrier thief) {
    Carrier[] all = carriers;
    int start = thief.index;
    for (int i = 1; i <= all.length; i++) {
      Carrier victim = all[(start + i) % all.length];
      Runnable r = victim == thief ? null : victim.pollQueued();
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /**
   * Work was queued where a carrier other than the pusher's may take it: wake a parked carrier,
   * unless one is spinning, which will find it. Pairs with {@link Carrier#parkIdle}: the pusher
   * queues, then reads; the carrier registers as parked, then looks at the queues again.
   */
  void signal() {
    if (spinning.get() > 0) {
      return;
    }
    Carrier c = parked.poll();
    if (c != null) {
      LockSupport.unpark(c);
    }
  }

  void registerParked(Carrier c) {
    parked.offer(c);
  }

  void unregisterParked(Carrier c) {
    parked.remove(c);
  }

  /**
   * The watchdog. A thread left in a carrier's next slot while that carrier ran the same task for a
   * whole period goes to the shared queue, where any carrier takes it; and when every carrier has
   * run one task for {@link #HELD_MILLIS} ms while work waits, a helper carrier starts; a guest
   * kept by the process it runs hands its work over (see {@link Guest}). Its period
   * halves while it finds work waiting and doubles while it finds none, so an idle system costs it a
   * wake-up every few milliseconds.
   */
  private void watch() {
    long period = WATCH_MAX_NANOS;
    for (; ; ) {
      LockSupport.parkNanos(period);
      long now = System.nanoTime();
      boolean queued = !shared.isEmpty();
      boolean nextInUse = false;
      boolean allHeld = true;
      for (Carrier c : carriers) {
        queued |= c.hasQueued();
        if (!c.watch(now)) {
          allHeld = false;
        }
        Runnable next = c.peekNext();
        if (next != null) {
          nextInUse = true;
          if (c.held() >= period && c.stealNext(next)) {
            shared.offer(next);
            queued = true;
          }
        }
      }
      for (Guest g : guests) {
        g.watch(now, period);
      }
      if (queued) {
        signal(); // again: its first signal may have gone to a helper that was leaving
        if (allHeld) {
          addHelper();
        }
      }
      period = queued || nextInUse ? Math.max(WATCH_MIN_NANOS, period / 2) : Math.min(WATCH_MAX_NANOS, period * 2);
    }
  }
}
