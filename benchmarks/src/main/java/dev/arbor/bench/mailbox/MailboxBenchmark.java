package dev.arbor.bench.mailbox;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * Mailbox throughput: one consumer polls while 1, 4 or 16 producers offer (groups {@code p1}, {@code
 * p4}, {@code p16}), over {@code queue} = {@code arbor} ({@code dev.arbor.internal.Mailbox}), {@code
 * clq} ({@code ConcurrentLinkedQueue}) or {@code ltq} ({@code LinkedTransferQueue}). The figure is the
 * consumer's rate: messages taken per microsecond (a poll that finds the queue empty spins and does not
 * count). The queues are unbounded, so producers that run more than {@value #MAX_IN_FLIGHT} messages
 * ahead of the consumer yield until it catches up; they check once every {@value #CREDIT} offers, so the
 * check costs one shared atomic add per {@value #CREDIT} messages.
 *
 * <p>Alone: {@code benchmarks/run --only mailbox}; or {@code java -cp
 * "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main
 * 'MailboxBenchmark.p4' -p queue=arbor -f 1 -wi 2 -w 1s -i 3 -r 1s}.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MailboxBenchmark {
  static final Object MESSAGE = new Object();
  static final int CREDIT = 1024;
  static final long MAX_IN_FLIGHT = 1 << 20;

  @Param({"arbor", "clq", "ltq"})
  public String queue;

  private MpscQueue q;
  private final AtomicLong produced = new AtomicLong();
  private volatile long consumed;

  @Setup(Level.Trial)
  public void setUp() {
    q = MpscQueue.of(queue);
  }

  /** A producer's own count toward its next credit check. */
  @State(Scope.Thread)
  public static class Producer {
    int sinceCheck;
  }

  /** The consumer's count of messages taken. */
  @State(Scope.Thread)
  public static class Consumer {
    long taken;
  }

  private void offer(Producer p, Control control) {
    if (++p.sinceCheck == CREDIT) {
      p.sinceCheck = 0;
      long total = produced.addAndGet(CREDIT);
      while (total - consumed > MAX_IN_FLIGHT && !control.stopMeasurement) {
        Thread.yield();
      }
    }
    q.offer(MESSAGE);
  }

  private Object poll(Consumer c, Control control) {
    Object m;
    while ((m = q.poll()) == null) {
      if (control.stopMeasurement) {
        return null;
      }
      Thread.onSpinWait();
    }
    if ((++c.taken & (CREDIT - 1)) == 0) {
      consumed = c.taken;
    }
    return m;
  }

  @Benchmark
  @Group("p1")
  @GroupThreads(1)
  public void offer1(Producer p, Control control) {
    offer(p, control);
  }

  @Benchmark
  @Group("p1")
  @GroupThreads(1)
  public Object poll1(Consumer c, Control control) {
    return poll(c, control);
  }

  @Benchmark
  @Group("p4")
  @GroupThreads(4)
  public void offer4(Producer p, Control control) {
    offer(p, control);
  }

  @Benchmark
  @Group("p4")
  @GroupThreads(1)
  public Object poll4(Consumer c, Control control) {
    return poll(c, control);
  }

  @Benchmark
  @Group("p16")
  @GroupThreads(16)
  public void offer16(Producer p, Control control) {
    offer(p, control);
  }

  @Benchmark
  @Group("p16")
  @GroupThreads(1)
  public Object poll16(Consumer c, Control control) {
    return poll(c, control);
  }
}
