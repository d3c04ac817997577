package dev.arbor.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The buffer between the calls and their timers: nothing lost, nothing counted twice. */
class TimingBufferTest {
  @Test
  void concurrentCallsLoseNoTimingWhileDrainedAndWhenFull() throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Timer timer = Timer.builder("t").register(registry);
    TimingBuffer buffer = new TimingBuffer();
    int threads = 8;
    int perThread = 20_000; // far more than a ring holds: full rings record directly
    CountDownLatch done = new CountDownLatch(threads);
    AtomicBoolean producing = new AtomicBoolean(true);
    Thread drainer = Thread.ofPlatform().start(() -> {
      while (producing.get()) {
        buffer.drain();
      }
    });
    List<Thread> producers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      producers.add(Thread.ofVirtual().start(() -> {
        for (int i = 1; i <= perThread; i++) {
          buffer.add(timer, i);
        }
        done.countDown();
      }));
    }
    assertTrue(done.await(60, TimeUnit.SECONDS), "producers did not finish");
    producing.set(false);
    drainer.join(TimeUnit.SECONDS.toMillis(10));
    buffer.drain();
    assertEquals((long) threads * perThread, timer.count());
    long sum = (long) threads * perThread * (perThread + 1) / 2;
    assertEquals(sum, (long) timer.totalTime(TimeUnit.NANOSECONDS), "every value recorded once");
    assertEquals(perThread, (long) timer.max(TimeUnit.NANOSECONDS));
  }
}
