package dev.arbor.micrometer;

import io.micrometer.core.instrument.Timer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Call timings on their way to their timers. A {@code Timer.record} costs a few hundred nanoseconds
 * in the common registries (it reads the clock again to rotate its histogram and its max, and for
 * pause detection): more than a call to a server should pay. So a call only leaves its duration
 * here, and {@link #drain} records them from the binder's own thread a moment later.
 *
 * <p>Striped bounded many-producer, one-consumer rings: a slot's timer, written last with release
 * semantics, says that its value is there (the way JCTools' MPSC array queue marks a slot with its
 * element). A call that finds its ring full records directly, so no timing is ever dropped.
 */
final class TimingBuffer {
  private static final int CAPACITY = 1024; // per stripe; a power of two
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Timer[].class);

  private final Ring[] stripes;

  TimingBuffer() {
    int n = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 4 - 1) << 1;
    stripes = new Ring[n];
    for (int i = 0; i < n; i++) {
      stripes[i] = new Ring();
    }
  }

  /** Leaves {@code nanos} for {@code timer}; records it at once if this thread's ring is full. */
  void add(Timer timer, long nanos) {
    Ring ring = stripes[(int) Thread.currentThread().threadId() & (stripes.length - 1)];
    if (!ring.offer(timer, nanos)) {
      timer.record(nanos, TimeUnit.NANOSECONDS);
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

    boolean offer(Timer timer, long nanos) {
      for (; ; ) {
        long t = tail.get();
        if (t - head >= CAPACITY) {
          return false;
        }
        if (tail.compareAndSet(t, t + 1)) {
          int i = (int) t & (CAPACITY - 1);
          values[i] = nanos;
          SLOT.setRelease(timers, i, timer); // publishes the value written before it
          return true;
        }
      }
    }

    void drain() {
      long h = head;
      for (; ; ) {
        int i = (int) h & (CAPACITY - 1);
        Timer timer = (Timer) SLOT.getAcquire(timers, i);
        if (timer == null) {
          break; // empty, or a producer has claimed the slot and not yet filled it
        }
        long nanos = values[i];
        SLOT.setRelease(timers, i, (Timer) null);
        h++;
        head = h; // frees the slot for producers
        timer.record(nanos, TimeUnit.NANOSECONDS);
      }
    }
  }
}
