package dev.arbor.internal;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Selective receive: the first message a predicate accepts, leaving the others in order. Messages
 * passed over wait in the process's private save queue, which is searched before the mailbox. Only
 * the process's own thread calls this.
 */
final class Receiving {
  private Receiving() {}

  static Object receive(Process p, Predicate<Object> match, long timeoutNanos) {
    p.checkAlive();
    ArrayDeque<Object> saved = p.saved;
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
      Object m = p.poll();
      if (m != null) {
        if (match == null || matches(p, match, m)) {
          return m;
        }
        save(p, m);
        continue;
      }
      HeldOutput.release(p); // about to wait, or to say there is nothing: what it sent leaves now
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
      if (Spin.worthIt(p) && spin(p, timeoutNanos > 0 ? deadline : Long.MAX_VALUE)) {
        continue;
      }
      p.announcePark();
      if (p.isEmpty() && p.exitReason == null) {
        long parkedAt = System.nanoTime();
        if (timeoutNanos > 0) {
          LockSupport.parkNanos(p, remaining);
        } else {
          LockSupport.park(p);
        }
        Spin.parked(p, System.nanoTime() - parkedAt);
      }
      p.announceRunning();
      p.checkAlive();
      if (Thread.interrupted()) {
        onStrayInterrupt(p);
      }
    }
  }

  /**
   * Spins (see {@link Spin}) until a message arrives: true then. False when the window, or the
   * receive's own deadline, passed first, or an exit signal came (which the caller then acts on).
   */
  private static boolean spin(Process p, long receiveDeadline) {
    long end = Math.min(Spin.deadline(), receiveDeadline);
    for (int turn = 1; Spin.again(turn, end); turn++) {
      if (p.exitReason != null) {
        return false;
      }
      if (!p.isEmpty()) {
        Spin.succeeded(p);
        return true;
      }
    }
    Spin.failed(p);
    return false;
  }

  private static void save(Process p, Object m) {
    if (p.saved == null) {
      p.saved = new ArrayDeque<>();
    }
    p.saved.addLast(m);
  }

  /** Tests a message taken from the queue; if {@code match} throws, the message is kept, in order. */
  private static boolean matches(Process p, Predicate<Object> match, Object m) {
    try {
      return match.test(m);
    } catch (Throwable t) {
      save(p, m);
      throw t;
    }
  }

  /** An interrupt that is not an exit signal: a process ignores it; a plain thread gives up. */
  private static void onStrayInterrupt(Process p) {
    if (p.adopted) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a message in " + p.pid);
    }
  }
}
