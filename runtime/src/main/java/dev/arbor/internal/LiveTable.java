package dev.arbor.internal;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live processes by pid number: a hash table in lock-guarded stripes whose chains run through the
 * processes themselves ({@link Process#nextLive}). A process costs it one field and about one bucket
 * slot, where a {@code ConcurrentHashMap} entry cost 32 bytes of node and about 20 of table at 100,000
 * processes: a twentieth of an idle server's heap. Spawns and exits take one stripe's lock for a few
 * field writes; lookups (a local pid rebuilt from the wire) and listings (introspection) are rare.
 */
final class LiveTable {
  /** A power of two; pid numbers are sequential, so stripe and bucket come from their low bits. */
  private static final int STRIPES = 64;
  private static final int STRIPE_BITS = Integer.numberOfTrailingZeros(STRIPES);

  private final Stripe[] stripes = new Stripe[STRIPES];

  LiveTable() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  private static final class Stripe {
    final ReentrantLock lock = new ReentrantLock();
    Process[] buckets = new Process[8];
    /** Written under the lock, read without it by {@link #size}. */
    volatile int size;

    int bucket(long id) {
      long h = id >>> STRIPE_BITS;
      return (int) (h ^ (h >>> 32)) & (buckets.length - 1);
    }

    /** Doubles the buckets once there are more processes than buckets (chains stay about one long). */
    void grow() {
      Process[] old = buckets;
      buckets = new Process[old.length * 2];
      for (Process head : old) {
        for (Process p = head; p != null; ) {
          Process next = p.nextLive;
          int b = bucket(p.pid.id());
          p.nextLive = buckets[b];
          buckets[b] = p;
          p = next;
        }
      }
    }
  }

  private Stripe stripe(long id) {
    return stripes[(int) id & (STRIPES - 1)];
  }

  void add(Process p) {
    Stripe s = stripe(p.pid.id());
    s.lock.lock();
    try {
      if (s.size >= s.buckets.length) {
        s.grow();
      }
      int b = s.bucket(p.pid.id());
      p.nextLive = s.buckets[b];
      s.buckets[b] = p;
      s.size = s.size + 1;
    } finally {
      s.lock.unlock();
    }
  }

  /** Removes {@code p} if it is in the table; a second removal does nothing. */
  void remove(Process p) {
    Stripe s = stripe(p.pid.id());
    s.lock.lock();
    try {
      int b = s.bucket(p.pid.id());
      Process prev = null;
      for (Process q = s.buckets[b]; q != null; prev = q, q = q.nextLive) {
        if (q == p) {
          if (prev == null) {
            s.buckets[b] = p.nextLive;
          } else {
            prev.nextLive = p.nextLive;
          }
          p.nextLive = null;
          s.size = s.size - 1;
          return;
        }
      }
    } finally {
      s.lock.unlock();
    }
  }

  /** The process in the table whose pid number is {@code id}, or null. */
  Process get(long id) {
    Stripe s = stripe(id);
    s.lock.lock();
    try {
      for (Process q = s.buckets[s.bucket(id)]; q != null; q = q.nextLive) {
        if (q.pid.id() == id) {
          return q;
        }
      }
      return null;
    } finally {
      s.lock.unlock();
    }
  }

  int size() {
    int n = 0;
    for (Stripe s : stripes) {
      n += s.size;
    }
    return n;
  }

  /** Adds every process in the table to {@code into}, one stripe at a time. */
  void addAllTo(List<Process> into) {
    for (Stripe s : stripes) {
      s.lock.lock();
      try {
        for (Process head : s.buckets) {
          for (Process q = head; q != null; q = q.nextLive) {
            into.add(q);
          }
        }
      } finally {
        s.lock.unlock();
      }
    }
  }
}
