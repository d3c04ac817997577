package dev.arbor.sample.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.read.ListAppender;
import dev.arbor.Adopted;
import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.SpawnOptions;
import dev.arbor.sample.session.Session;
import dev.arbor.sample.session.SessionClient;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import dev.arbor.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Arbor logs through {@code System.Logger}; with {@code org.slf4j:slf4j-jdk-platform-logging} on the
 * class path (this module's test scope, as the README tells a Logback user) its reports reach Logback
 * whole: level, logger name, message, cause, and the pids, names and server class as arguments.
 */
class LogbackBridgeTest {
  private static final Duration BOUND = Duration.ofSeconds(10);

  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  /** The parent of dev.arbor.server and dev.arbor.supervisor: each event reaches it once. */
  private final List<Logger> loggers = List.of(logger("dev.arbor"));
  private Adopted me;

  private static Logger logger(String name) {
    return (Logger) LoggerFactory.getLogger(name);
  }

  @BeforeEach
  void capture() {
    events.start();
    loggers.forEach(l -> l.addAppender(events));
    me = Proc.adopt();
  }

  @AfterEach
  void release() {
    me.close();
    loggers.forEach(l -> l.detachAppender(events));
  }

  private void awaitDown(Pid pid) {
    Ref ref = Proc.monitor(pid);
    assertTrue(Proc.receive(m -> m instanceof Down d && d.ref().equals(ref), BOUND).isPresent(), "no Down from " + pid);
  }

  private ILoggingEvent only(String firstLineStart) {
    List<ILoggingEvent> found = events.list.stream().filter(e -> e.getFormattedMessage().startsWith(firstLineStart)).toList();
    assertEquals(1, found.size(), () -> "events starting with " + firstLineStart + ": "
        + events.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    return found.get(0);
  }

  @Test
  void crashReportReachesLogbackThroughBridge() {
    SessionClient carol = SessionClient.start(StartOptions.named("logged-carol"), "carol");
    Pid pid = carol.pid();
    carol.addToCart("teapot");
    ExitException crash = assertThrows(ExitException.class, () -> carol.applyCoupon("FREE-TEAPOT"));
    awaitDown(pid); // the report is written before the server exits

    ILoggingEvent report = only("[arbor.crash] GenServer");
    assertEquals(Level.ERROR, report.getLevel());
    assertEquals("dev.arbor.server", report.getLoggerName());
    List<String> lines = report.getFormattedMessage().lines().toList();
    assertEquals("[arbor.crash] GenServer " + Session.class.getName() + " " + pid + " (logged-carol) terminating",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("  last message: call applyCoupon "), lines.get(1));
    assertTrue(lines.get(3).startsWith("  reason: ") && lines.get(3).contains("FREE-TEAPOT"), lines.get(3));

    // What a structured appender can index: the arguments, pid first, then name and server class.
    Object[] args = report.getArgumentArray();
    assertEquals(pid, args[0]);
    assertEquals("logged-carol", args[1]);
    assertEquals(Session.class.getName(), args[2]);
    // The cause travels as the trailing argument; Logback takes it as the event's throwable.
    assertNotNull(report.getThrowableProxy(), "the stack trace reaches Logback");
    assertEquals(crash.reason().cause().getClass().getName(), report.getThrowableProxy().getClassName());
    assertEquals(6, args.length, "the cause is no longer among the arguments");
    // What does not arrive: the bridge sets neither SLF4J key-value pairs nor the MDC.
    assertTrue(report.getKeyValuePairs() == null || report.getKeyValuePairs().isEmpty());
    assertEquals(Map.of(), report.getMDCPropertyMap());
  }

  @Test
  void supervisorReportReachesLogbackThroughBridge() throws InterruptedException {
    BlockingQueue<Pid> started = new LinkedBlockingQueue<>();
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().name("logged-sup").child(ChildSpec.worker("w", () -> {
      Pid p = Proc.spawnLink(() -> Proc.receive());
      started.add(p);
      return Optional.of(p);
    })));
    sup.subscribe(me.pid());
    Pid first = started.poll(BOUND.toSeconds(), TimeUnit.SECONDS);
    Proc.exit(first, ExitReason.kill());
    ChildRestarted restarted = Proc.receive(ChildRestarted.class, BOUND).orElseThrow();
    sup.stop();

    ILoggingEvent report = only("[arbor.supervisor] child restarted: supervisor " + sup.pid());
    assertEquals(Level.INFO, report.getLevel());
    assertEquals("dev.arbor.supervisor", report.getLoggerName());
    assertEquals("[arbor.supervisor] child restarted: supervisor " + sup.pid() + " (logged-sup), child \"w\" " + first
        + " -> " + restarted.newPid(), report.getFormattedMessage());
    // The supervisor's pid and name, the child's id, its old and new pid: each an argument of its own.
    assertArrayEquals(new Object[] {sup.pid(), "logged-sup", "w", first, restarted.newPid()},
        report.getArgumentArray());
    ILoggingEvent exited = only("[arbor.supervisor] child exited: supervisor " + sup.pid());
    assertEquals(Level.ERROR, exited.getLevel());
    assertArrayEquals(new Object[] {sup.pid(), "logged-sup", "w", first},
        Arrays.copyOf(exited.getArgumentArray(), 4), "then the reason and the offender");
  }

  @Test
  void processCrashReportCarriesPidAndName() throws InterruptedException {
    // A plain process's report is written after its exit, so no Down says it is there: wait for it.
    BlockingQueue<ILoggingEvent> reports = new LinkedBlockingQueue<>();
    AppenderBase<ILoggingEvent> queue = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        reports.add(event);
      }
    };
    queue.start();
    Logger root = logger("dev.arbor");
    root.addAppender(queue);
    try {
      IllegalStateException boom = new IllegalStateException("boom");
      Pid pid = Proc.spawn(SpawnOptions.defaults().name("logged-process"), () -> {
        throw boom;
      });

      ILoggingEvent report = next(reports, "[arbor.crash] process " + pid);
      assertEquals(Level.ERROR, report.getLevel());
      assertEquals("dev.arbor", report.getLoggerName());
      assertEquals("[arbor.crash] process " + pid + " (logged-process) crashed: " + boom, report.getFormattedMessage());
      assertArrayEquals(new Object[] {pid, "logged-process", boom.toString()}, report.getArgumentArray());
      assertEquals(IllegalStateException.class.getName(), report.getThrowableProxy().getClassName());
    } finally {
      root.detachAppender(queue);
    }
  }

  /** The first of {@code reports} that starts with {@code start}, waiting at most {@link #BOUND}. */
  private static ILoggingEvent next(BlockingQueue<ILoggingEvent> reports, String start) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    for (long left; (left = deadline - System.nanoTime()) > 0; ) {
      ILoggingEvent e = reports.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        break;
      }
      if (e.getFormattedMessage().startsWith(start)) {
        return e;
      }
    }
    throw new AssertionError("no report starting with " + start + " within " + BOUND.toSeconds() + " s");
  }

  /** A state whose text holds SLF4J's placeholder. */
  static final class Braces {
    @Override
    public String toString() {
      return "Braces{} and 'quotes'";
    }
  }

  @Test
  void reportTextWithBracesAndQuotesArrivesVerbatim() {
    ServerType<Braces, String> type = ServerType.builder(Braces.class, Braces.class, new Dispatcher<Braces, String>() {
      @Override
      public Object dispatch(Braces state, String message, CallContext call) {
        throw new IllegalStateException("boom {} {0}");
      }
    }).build();
    ServerRef<String> server = ServerRef.start(type, StartOptions.defaults(), Braces::new);
    assertThrows(ExitException.class, () -> server.call("explode", "msg {} '{1}'"));
    awaitDown(server.pid());

    List<String> lines = only("[arbor.crash] GenServer " + Braces.class.getName()).getFormattedMessage().lines().toList();
    assertEquals("[arbor.crash] GenServer " + Braces.class.getName() + " " + server.pid() + " terminating", lines.get(0));
    assertTrue(lines.get(1).startsWith("  last message: call explode msg {} '{1}' from "), lines.get(1));
    assertEquals("  state: Braces{} and 'quotes'", lines.get(2));
    assertTrue(lines.get(3).contains("boom {} {0}"), lines.get(3));
  }
}
