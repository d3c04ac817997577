package dev.arbor.server;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Call timeouts without a timed park. On JDK 25 every timed park of a virtual thread schedules and
 * cancels a delayed task in the scheduler, which cost a third of a call round trip in the
 * benchmarks. A waiting caller therefore parks untimed and pushes its slot on one of a few
 * lock-free stripes; one daemon thread, asleep whenever nobody waits, expires slots past their
 * deadline every couple of milliseconds and unparks their callers. Timeouts are coarse by that much.
 */
final class CallDeadlines {
  private static final int STRIPES = 16;
  private static final long TICK_NANOS = 2_000_000;
  private static final AtomicReferenceArray<CallSlot> HEADS = new AtomicReferenceArray<>(STRIPES);
  private static volatile boolean sleeping;
  private static final Thread SWEEPER;

  static {
    SWEEPER = Thread.ofPlatform().daemon().name("arbor-call-deadlines").start(CallDeadlines::sweep);
  }

  private CallDeadlines() {}

  static void register(CallSlot slot) {
    int i = (int) (Thread.currentThread().threadId() & (STRIPES - 1));
    CallSlot head;
    do {
      head = HEADS.get(i);
      slot.nextWaiting = head;
    } while (!HEADS.compareAndSet(i, head, slot));
    if (sleeping) {
      sleeping = false;
      LockSupport.unpark(SWEEPER);
    }
  }

  private static void sweep() {
    ArrayList<CallSlot> waiting = new ArrayList<>();
    for (; ; ) {
      boolean any = false;
      for (int i = 0; i < STRIPES; i++) {
        CallSlot s = HEADS.getAndSet(i, null);
        while (s != null) {
          CallSlot next = s.nextWaiting;
          s.nextWaiting = null;
          if (s.isPending()) {
            waiting.add(s);
          }
          s = next;
          any = true;
        }
      }
      long now = System.nanoTime();
      int kept = 0;
      for (int i = 0; i < waiting.size(); i++) {
        CallSlot s = waiting.get(i);
        if (!s.isPending()) {
          continue;
        }
        if (now - s.deadline >= 0) {
          s.expire();
          continue;
        }
        waiting.set(kept++, s);
      }
      waiting.subList(kept, waiting.size()).clear();
      if (!any && waiting.isEmpty()) {
        sleeping = true;
        boolean empty = true;
        for (int i = 0; i < STRIPES && empty; i++) {
          empty = HEADS.get(i) == null;
        }
        if (empty) {
          LockSupport.park();
        }
        sleeping = false;
      } else {
        LockSupport.parkNanos(TICK_NANOS);
      }
    }
  }
}
