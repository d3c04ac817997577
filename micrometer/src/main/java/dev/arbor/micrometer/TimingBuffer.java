package dev.arbor.micrometer;

import io.micrometer.core.instrument.Timer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Call timings on their way to their timers. A {@code Timer.record} costs a few hundred nanoseconds
 * in the common registries (it reads the clock again to rotate its histogram and its max, and for
 * pause detection): more than a call to a server should pay. So a call only leaves its duration
 * here, and {@link #drain} records them from the binder's own thread a moment later (at the latest
 * when a ring is half full).
 *
 * <p>Striped bounded many-producer, one-consumer rings: a slot's timer, written last with release
 * semantics, says that its value is there (the way JCTools' MPSC array queue marks a slot with its
 * element). A call that finds its ring full records directly, so no timing is ever dropped.
 */
final class TimingBuffer {
  private static final int CAPACITY = 1024; // per stripe; a power of two
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Timer[].class);

  private final Ring[] stripes;
  /** The thread that drains, woken when a ring is half full so that busy servers do not fill it. */
  private volatile Thread drainer;

  TimingBuffer() {
    int n = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 4 - 1) << 1;
    stripes = new Ring[n];
    for (int i = 0; i < n; i++) {
      stripes[i] = new Ring();
    }
  }

  /** The thread to wake when a ring fills up; null for none. */
  void drainedBy(Thread thread) {
    drainer = thread;
  }

  /** Leaves {@code nanos} for {@code timer}; records it at once if this thread's ring is full. */
  void add(Timer timer, long nanos) {
    Ring ring = stripes[(int) Thread.currentThread().threadId() & (stripes.length - 1)];
    long filled = ring.offer(timer, nanos);
    if (filled < 0) {
      timer.record(nanos, TimeUnit.NANOSECONDS);
    } else if (filled == CAPACITY / 2) {
      Thread d = drainer; // once per half ring: an unpark is too dear for every call
      if (d != null) {
        LockSupport.unpark(d);
      }
    }
  }

  /** Records every timing left so far. Only one thread may drain at a time. */
  void drain() {
    for (Ring ring : stripes) {
      ring.drain();
    }
  }

  private static final class Ring {
    private final Timer[] timers = new Timer[CAPACITY];
    private final long[] values = new long[CAPACITY];
    private final AtomicLong tail = new AtomicLong();
    /** The next slot to drain; producers read it to know whether the ring has room. */
    private volatile long head;

    /** How many timings were waiting before this one, or -1 if the ring is full. */
    long offer(Timer timer, long nanos) {
      for (; ; ) {
        long t = tail.get();
        long waiting = t - head;
        if (waiting >= CAPACITY) {
          return -1;
        }
        if (tail.compareAndSet(t, t + 1)) {
          int i = (int) t & (CAPACITY - 1);
          values[i] = nanos;
          SLOT.setRelease(timers, i, timer); // publishes the value written before it
          return waiting;
        }
      }
    }

    void drain() {
      long start = head;
      long h = start;
      for (; ; ) {
        int i = (int) h & (CAPACITY - 1);
        Timer timer = (Timer) SLOT.getAcquire(timers, i);
        if (timer == null) {
          break; // empty, or a producer has claimed the slot and not yet filled it
        }
        long nanos = values[i];
        SLOT.setRelease(timers, i, (Timer) null);
        timer.record(nanos, TimeUnit.NANOSECONDS);
        if (++h - start == CAPACITY / 4) {
          head = h; // frees slots in batches: every write of head is a cache miss for the producers
          start = h;
        }
      }
      head = h;
    }
  }
}
