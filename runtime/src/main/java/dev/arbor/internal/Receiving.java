package dev.arbor.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Selective receive: the first message a predicate accepts, leaving the others in order. Messages
 * passed over wait in the process's {@link SetAside}, which is searched before the mailbox. Only the
 * process's own thread calls this.
 */
final class Receiving {
  private Receiving() {}

  static Object receive(Process p, Predicate<Object> match, long timeoutNanos) {
    p.checkAlive();
    SetAside aside = p.aside;
    if (aside != null) {
      Object m = aside.take(match);
      if (m != null) {
        return m;
      }
    }
    long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
    for (; ; ) {
      Object m = match == null ? p.poll() : next(p, match);
      if (m != null) {
        return m;
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

  /**
   * Looks at the mailbox's messages, oldest first, until one matches (taken and returned) or none is
   * left (null), setting aside those passed over. A message stays in the mailbox while {@code match}
   * tests it, so it is still counted as waiting, as Erlang counts it; if {@code match} throws, it
   * stays there, first in line, and the exception goes to the receiver.
   */
  private static Object next(Process p, Predicate<Object> match) {
    for (Mailbox.Node node; (node = p.oldest()) != null; ) {
      Object m = node.value;
      if (match.test(m)) {
        if (p.take(node)) {
          return m;
        }
      } else {
        SetAside aside = p.aside;
        if (aside == null) {
          aside = p.aside = new SetAside();
        }
        aside.add(m); // counted there before it leaves the mailbox
        if (!p.take(node)) {
          aside.dropLast();
        }
      }
      // A node no longer there was taken by a receive inside match: look at the new oldest.
    }
    return null;
  }

  /** An interrupt that is not an exit signal: a process ignores it; a plain thread gives up. */
  private static void onStrayInterrupt(Process p) {
    if (p.adopted) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a message in " + p.pid);
    }
  }
}
