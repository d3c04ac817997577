package dev.arbor.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Output to other nodes that a process holds back while it still has messages to handle, so that
 * what it sends in a burst leaves in one write. A server answering sixteen callers from another node
 * would otherwise make sixteen system calls, and wake the peer's reader sixteen times; a BEAM process
 * gets the batching for free, because its output goes out when it is scheduled out.
 *
 * <p>Only the order in which frames are written is the connection's; this class decides only when
 * the writing happens. A connection queues every frame in order the moment it is sent, and asks to
 * hold its write ({@link #hold}) when the sender is a process with messages waiting in its mailbox.
 * The held writes run:
 *
 * <ul>
 *   <li>when the process is about to wait: it found its mailbox empty in a receive, or waits for a
 *       call's reply or a task (so a process never waits on an answer to something it still holds);
 *   <li>when its thread ends (an exit, or hibernation);
 *   <li>at the latest about {@link #MAX_HOLD_NANOS} later, done by a daemon thread, for a process that keeps
 *       finding messages or blocks in code of its own (I/O, a sleep) with output held;
 *   <li>and whenever anyone else writes on that connection, which takes every queued frame along.
 * </ul>
 *
 * <p>A process that a connection's reader runs with others of one batch still to run (see {@link
 * Guest}) holds its write with that reader instead, until the batch ends, whatever its mailbox holds:
 * the sixteen requests of sixteen callers woken by one read then leave in one write.
 *
 * <p>Nothing is held for a plain thread with a process identity, which follows no receive loop, nor
 * for a process whose mailbox is empty: its send is written at once, as before.
 */
public final class HeldOutput {
  /** The longest a write is held by default: far below any timeout a caller sets, far above a burst. */
  static final long MAX_HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /** Looks in a row that find nothing held before the sweeper sleeps until the next hold. */
  private static final int IDLE_TICKS = 100;

  private static volatile long maxHoldNanos = MAX_HOLD_NANOS;

  /** The processes holding writes, and what they hold. Empty almost always outside a node. */
  private static final ConcurrentHashMap<Process, Held> HELD = new ConcurrentHashMap<>();
  private static volatile boolean sleeping;

  /** The runtime's thread that runs writes held too long: started by the first hold, if any. */
  private static final class Sweeper {
    static final Thread THREAD =
        Thread.ofPlatform().daemon().name("arbor-held-output").start(HeldOutput::sweep);
  }

  /** The writes one process holds, from when it first held one; replaced, never changed. */
  private record Held(Runnable[] writes, long since) {
    Held with(Runnable write) {
      for (Runnable held : writes) {
        if (held == write) {
          return this;
        }
      }
      Runnable[] more = Arrays.copyOf(writes, writes.length + 1);
      more[writes.length] = write;
      return new Held(more, since);
    }

    /** Runs every write. */
    void run() {
      for (Runnable write : writes) {
        runHeld(write);
      }
    }
  }

  /**
   * Runs one held write, on whichever thread lets it go; one that throws (a bug in the connection)
   * is reported, not thrown, as that thread did not send it.
   */
  static void runHeld(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      Reports.heldWriteFailed(e);
    }
  }

  private HeldOutput() {}

  /**
   * Called on a sender's thread by a connection that has just queued a frame: true when the sender
   * is a process with messages still to handle, which now holds {@code write} (the connection's
   * write of its queue, the same object each time) until it waits; false when the caller should
   * write now.
   */
  public static boolean hold(Runnable write) {
    Process p = CurrentProcess.orNull();
    if (p == null || p.adopted || p.exitReason != null) {
      return false;
    }
    if (Guest.holdForBatch(p, write)) {
      return true;
    }
    if (p.isEmpty()) {
      return false;
    }
    Held held = HELD.get(p);
    if (held == null || held.with(write) != held) {
      HELD.compute(p, (key, h) -> h == null ? new Held(new Runnable[] {write}, System.nanoTime())
          : h.with(write));
      Thread sweeper = Sweeper.THREAD; // started here the first time
      if (sleeping) {
        sleeping = false;
        LockSupport.unpark(sweeper);
      }
    }
    return true;
  }

  /**
   * Runs the writes {@code p} holds; called on {@code p}'s own thread before it waits and when its
   * thread ends. Costs a read of an empty map's count when nothing is held anywhere.
   */
  public static void release(Process p) {
    if (!HELD.isEmpty()) {
      Held held = HELD.remove(p);
      if (held != null) {
        held.run();
      }
    }
  }

  /**
   * Sets how long a write may be held before the runtime's thread runs it, and returns the previous
   * bound. For tests, which need a bound that a slow machine never reaches, or one they can wait for.
   */
  public static long maxHoldNanos(long nanos) {
    if (nanos <= 0) {
      throw new IllegalArgumentException("a hold must be bounded by a positive time, not " + nanos);
    }
    long previous = maxHoldNanos;
    maxHoldNanos = nanos;
    LockSupport.unpark(Sweeper.THREAD);
    return previous;
  }

  /**
   * Runs the writes held longer than the bound, looking again a bound later (at most a millisecond)
   * while any are held. It goes to sleep only after {@link #IDLE_TICKS} looks found nothing held: a
   * server answering bursts holds and lets go thousands of times a second, and waking this thread
   * for each would cost more than its looking.
   */
  private static void sweep() {
    int idle = 0;
    for (; ; ) {
      if (!HELD.isEmpty()) {
        idle = 0;
      } else if (++idle > IDLE_TICKS) {
        sleeping = true;
        if (HELD.isEmpty()) {
          LockSupport.park();
        }
        sleeping = false;
        idle = 0;
        continue;
      }
      long now = System.nanoTime();
      long bound = maxHoldNanos;
      for (Map.Entry<Process, Held> e : HELD.entrySet()) {
        Held held = e.getValue();
        if (now - held.since() >= bound && HELD.remove(e.getKey(), held)) {
          held.run();
        }
      }
      LockSupport.parkNanos(Math.min(bound, MAX_HOLD_NANOS));
    }
  }
}
