package dev.arbor.supervisor;

import static dev.arbor.supervisor.Expect.down;
import static dev.arbor.supervisor.Expect.event;
import static dev.arbor.supervisor.Expect.next;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import dev.arbor.supervisor.TestWorker.Started;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's reports go through System.Logger (java.util.logging here) under the logger
 * {@code dev.arbor.supervisor}, each first line starting with a stable tag.
 */
class SupervisorReportsTest extends SupervisorTestBase {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger jul = Logger.getLogger("dev.arbor.supervisor");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      lines.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level previous;

  @BeforeEach
  void capture() {
    previous = jul.getLevel();
    jul.setLevel(Level.ALL);
    jul.addHandler(capture);
  }

  @AfterEach
  void restore() {
    jul.removeHandler(capture);
    jul.setLevel(previous);
  }

  private void assertLogged(String firstLineStart) {
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(firstLineStart)),
        () -> "no report starting with \"" + firstLineStart + "\" in " + lines);
  }

  @Test
  void restartsStartFailuresIntensityAndShutdownAreReported() {
    AtomicBoolean refuse = new AtomicBoolean();
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().maxRestarts(2, Duration.ofMinutes(1))
        .child(TestWorker.failingWhile("w", me, refuse::get)));
    Pid w = next(Started.class).pid();
    sup.subscribe(me);
    Ref ref = Proc.monitor(sup.pid());

    TestWorker.crash(w);
    event(ChildRestarted.class, sup.pid());
    refuse.set(true);
    TestWorker.crash(sup.whichChildren().get(0).pid().orElseThrow());
    assertTrue(down(ref).reason().equals(ExitReason.shutdown()));

    assertLogged("[arbor.supervisor] child exited: supervisor " + sup.pid() + ", child \"w\"");
    assertLogged("[arbor.supervisor] child restarted: supervisor " + sup.pid() + ", child \"w\" " + w + " -> ");
    assertLogged("[arbor.supervisor] child failed to start: supervisor " + sup.pid() + ", child \"w\"");
    assertLogged("[arbor.supervisor] intensity exceeded: supervisor " + sup.pid() + " had more than 2 restarts"
        + " within 60000 ms (last: child \"w\"); stopping all children and exiting with shutdown");
    assertLogged("[arbor.supervisor] shutdown: supervisor " + sup.pid());
  }

  @Test
  void aNamedSupervisorsReportsShowItsNameAfterItsPid() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().name("reported-sup").child(TestWorker.spec("w", me)));
    Pid w = next(Started.class).pid();
    sup.subscribe(me);

    TestWorker.crash(w);
    Pid restarted = event(ChildRestarted.class, sup.pid()).newPid();

    assertLogged("[arbor.supervisor] child exited: supervisor " + sup.pid() + " (reported-sup), child \"w\" " + w
        + " exited with ");
    assertLogged("[arbor.supervisor] child restarted: supervisor " + sup.pid() + " (reported-sup), child \"w\" " + w
        + " -> " + restarted);
  }

  @Test
  void aChildThatDoesNotStopAsAskedIsAShutdownError() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.stubborn("s", me).withShutdown(ChildSpec.Shutdown.timeout(Duration.ofMillis(50)))));
    next(Started.class);

    sup.terminateChild("s");

    assertLogged("[arbor.supervisor] shutdown error: supervisor " + sup.pid() + ", child \"s\"");
  }
}
