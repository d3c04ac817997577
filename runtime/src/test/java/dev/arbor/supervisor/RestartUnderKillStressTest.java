package dev.arbor.supervisor;

import static org.junit.jupiter.api.Assertions.fail;

import dev.arbor.Down;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.ProcessInfo;
import dev.arbor.Ref;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The restart benchmark's shape, as a test: a spawned driver process starts a fresh one-for-one
 * supervisor with one permanent named child, kills the child {@value #KILLS} times (each time
 * polling {@code whereis}, yielding, until the name resolves to a new pid), then stops the
 * supervisor; and again, {@code arbor.stress.restartBatches} times. The driver kills the
 * replacement as soon as its name resolves, so kills land while the supervisor is still inside the
 * restart. Reports are captured, not shown; a batch that makes no progress for {@link #STALL}
 * fails with a dump of the processes, the tree and the last reports instead of spinning.
 *
 * <p>The benchmark's one hang needed more than this shape: a replacement killed between claiming
 * its name and recording it, whose thread was then preempted for tens of milliseconds, so that the
 * supervisor's retries, all refused on that dead process's name, used up its restart intensity
 * ({@link NamedChildRestartTest} sets that state up deterministically). What this test also checks
 * is that no restart is ever refused on a name, and that no supervisor gives up.
 */
class RestartUnderKillStressTest extends SupervisorTestBase {
  private static final String CHILD = "stress_child";
  private static final int KILLS = 200;
  private static final int BATCHES = Integer.getInteger("arbor.stress.restartBatches", 10);
  private static final Duration STALL = Duration.ofSeconds(10);

  /** A server that does nothing, not trapping exits: the benchmark's EchoServer, minus its handlers. */
  private static final ServerType<Object, Object> QUIET = ServerType.builder(Object.class, Object.class,
      (Dispatcher<Object, Object>) (state, message, call) -> null).build();

  private final Logger jul = Logger.getLogger("dev.arbor");
  private final ArrayDeque<String> lastReports = new ArrayDeque<>();
  private final Map<String, AtomicLong> reportCounts = new ConcurrentHashMap<>();
  private final AtomicLong refusedOnName = new AtomicLong();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      String line = record.getMessage();
      Throwable t = record.getThrown();
      String tag = line.contains(":") ? line.substring(0, line.indexOf(':')) : line;
      reportCounts.computeIfAbsent(tag, k -> new AtomicLong()).incrementAndGet();
      if (line.startsWith("[arbor.supervisor] child failed to start") && line.contains("is already registered")) {
        refusedOnName.incrementAndGet();
      }
      synchronized (lastReports) {
        lastReports.addLast(line + (t != null ? " [" + t + "]" : ""));
        if (lastReports.size() > 40) {
          lastReports.removeFirst();
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level previousLevel;
  private boolean previousUseParent;

  @BeforeEach
  void captureReports() {
    previousLevel = jul.getLevel();
    previousUseParent = jul.getUseParentHandlers();
    jul.setLevel(Level.ALL);
    jul.setUseParentHandlers(false);
    jul.addHandler(capture);
  }

  @AfterEach
  void restoreReports() {
    jul.removeHandler(capture);
    jul.setUseParentHandlers(previousUseParent);
    jul.setLevel(previousLevel);
  }

  private record Done(long kills) {}

  private record Stuck(String diagnosis) {}

  @Test
  void namedChildKilledAsSoonAsItsNameResolvesIsAlwaysRestarted() {
    ChildSpec spec = ServerRef.childSpec(QUIET, StartOptions.named(CHILD), Object::new);
    Pid test = me;
    Pid driver = Proc.spawn(() -> {
      long kills = 0;
      for (int batch = 0; batch < BATCHES; batch++) {
        Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().maxRestarts(KILLS * 5, Duration.ofSeconds(5))
            .child(spec));
        Ref supRef = Proc.monitor(sup.pid());
        for (int i = 0; i < KILLS; i++) {
          Pid old = Proc.whereis(CHILD).orElseThrow();
          Proc.exit(old, ExitReason.kill());
          kills++;
          long deadline = System.nanoTime() + STALL.toNanos();
          for (; ; ) {
            Optional<Pid> now = Proc.whereis(CHILD);
            if (now.isPresent() && !now.get().equals(old)) {
              break;
            }
            if (System.nanoTime() - deadline > 0) {
              test.send(new Stuck("batch " + batch + ", kill " + i + ": " + CHILD + " did not resolve to a new pid"
                  + " within " + STALL + " of killing " + old + "\n" + diagnose(sup.pid(), supRef)));
              return;
            }
            Thread.yield();
          }
        }
        Proc.demonitor(supRef);
        sup.stop();
      }
      test.send(new Done(kills));
    });
    Ref driverRef = Proc.monitor(driver);
    Duration bound = STALL.multipliedBy(BATCHES + 2L);
    Object outcome = Proc.receive(m -> m instanceof Done || m instanceof Stuck
        || m instanceof Down d && d.ref().equals(driverRef), bound).orElse(null);
    switch (outcome) {
      case Done d -> {
        System.out.println(d.kills() + " kills; reports: " + reportCounts);
        if (refusedOnName.get() > 0 || reportCounts.containsKey("[arbor.supervisor] intensity exceeded")) {
          fail(refusedOnName.get() + " restarts refused on the name\n" + reports());
        }
      }
      case Stuck s -> fail(s.diagnosis());
      case Down d -> fail("the driver exited with " + d.reason() + "\n" + reports());
      case null -> fail("no outcome within " + bound + "\n" + reports());
      default -> fail("unexpected " + outcome);
    }
  }

  private String diagnose(Pid sup, Ref supRef) {
    StringBuilder b = new StringBuilder();
    Optional<Object> down = Proc.receive(m -> m instanceof Down d && d.ref().equals(supRef), Duration.ZERO);
    b.append("supervisor ").append(sup).append(down.map(d -> " exited with " + ((Down) d).reason())
        .orElse(" is alive")).append('\n');
    if (down.isEmpty()) {
      b.append(Supervisor.tree(sup)).append('\n');
    }
    b.append("whereis(").append(CHILD).append(") = ").append(Proc.whereis(CHILD)).append('\n');
    List<Pid> all = Proc.list();
    b.append(all.size()).append(" live processes:\n");
    for (Pid p : all) {
      Proc.info(p).ifPresent((ProcessInfo i) -> b.append("  ").append(i).append('\n'));
    }
    b.append(reports());
    return b.toString();
  }

  private String reports() {
    StringBuilder b = new StringBuilder("report counts: ").append(reportCounts).append("\nlast reports:\n");
    synchronized (lastReports) {
      lastReports.forEach(l -> b.append("  ").append(l).append('\n'));
    }
    return b.toString();
  }
}
