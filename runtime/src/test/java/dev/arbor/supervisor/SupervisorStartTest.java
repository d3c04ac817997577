package dev.arbor.supervisor;

import static dev.arbor.supervisor.Expect.next;
import static dev.arbor.supervisor.Expect.none;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.ProcessInfo;
import dev.arbor.server.StartException;
import dev.arbor.supervisor.ChildSpec.Restart;
import dev.arbor.supervisor.SupervisorSpec.AutoShutdown;
import dev.arbor.supervisor.TestWorker.Started;
import dev.arbor.supervisor.TestWorker.Terminated;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Starting a supervisor: order, failure, ignore, links, and the specs refused before anything starts. */
class SupervisorStartTest extends SupervisorTestBase {

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @RepeatedTest(20)
  void failedChildStartAbortsSupervisorStart() {
    SupervisorSpec spec = SupervisorSpec.oneForOne().name("failing-sup")
        .child(TestWorker.spec("a", me))
        .child(TestWorker.spec("b", me))
        .child(TestWorker.failingWhile("db", me, () -> true))
        .child(TestWorker.spec("d", me));

    StartException e = assertThrows(StartException.class, () -> Supervisor.start(spec));

    assertTrue(e.getMessage().contains("child \"db\""), e.getMessage());
    assertTrue(e.getMessage().contains("start of db refused"), "the message names the cause: " + e.getMessage());
    assertEquals("start of db refused", rootCause(e).getMessage());
    assertEquals(List.of("a", "b"), List.of(next(Started.class).id(), next(Started.class).id()));
    Terminated first = next(Terminated.class);
    Terminated second = next(Terminated.class);
    assertEquals(List.of("b", "a"), List.of(first.id(), second.id()), "started children stop newest first");
    assertEquals(ExitReason.shutdown(), first.reason());
    assertFalse(first.pid().isAlive());
    assertFalse(second.pid().isAlive());
    none(m -> m instanceof Started s && s.id().equals("d"), "start of a child after the failed one");
    assertTrue(Proc.whereis("failing-sup").isEmpty(), "nothing stays registered");
  }

  @RepeatedTest(5)
  void nestedFailedStartNamesTheWholePath() {
    SupervisorSpec inner = SupervisorSpec.oneForOne().child(TestWorker.failingWhile("deep", me, () -> true));
    StartException e = assertThrows(StartException.class,
        () -> Supervisor.start(SupervisorSpec.oneForOne().child(Supervisor.childSpec("inner", inner))));

    assertTrue(e.getMessage().contains("child \"inner\""), e.getMessage());
    assertTrue(e.getMessage().contains("child \\\"deep\\\"") || e.getMessage().contains("child \"deep\""),
        e.getMessage());
    assertEquals("start of deep refused", rootCause(e).getMessage());
  }

  @RepeatedTest(5)
  void ignoredChildIsKeptWithoutAPid() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(ChildSpec.worker("ignored", Optional::empty))
        .child(ChildSpec.worker("gone", Optional::empty).withRestart(Restart.TEMPORARY))
        .child(TestWorker.spec("a", me)));

    List<ChildInfo> children = sup.whichChildren();
    assertEquals(List.of("ignored", "a"), children.stream().map(ChildInfo::id).toList(),
        "an ignored temporary child is dropped; any other is kept");
    assertTrue(children.get(0).pid().isEmpty());
    assertEquals(new ChildCounts(2, 1, 0, 2), sup.countChildren());
  }

  @Test
  void startFromAPlainThreadDoesNotLinkToIt() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne());
    ProcessInfo info = Proc.info(sup.pid()).orElseThrow();
    assertFalse(info.links().contains(me), "links: " + info.links());
    assertTrue(info.trapExits(), "a supervisor traps exits");
  }

  @Test
  void startLinkLinksToTheCaller() {
    Proc.trapExits(true);
    Supervisor sup = Supervisor.startLink(SupervisorSpec.oneForOne().child(TestWorker.spec("a", me)));
    assertTrue(Proc.info(sup.pid()).orElseThrow().links().contains(me));

    sup.stop(ExitReason.shutdown(), null);

    Exit exit = next(Exit.class, x -> x.from().equals(sup.pid()), "Exit from the linked supervisor");
    assertEquals(ExitReason.shutdown(), exit.reason());
  }

  @Test
  void supervisorRegistersItsName() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().name("named-sup"));
    assertEquals(Optional.of(sup.pid()), Proc.whereis("named-sup"));
    assertEquals(List.of(), Supervisor.of(dev.arbor.Name.local("named-sup")).whichChildren());
  }

  // ------------------------------------------------------------------ invalid specs

  @Test
  void duplicateChildIdsAreRefused() {
    SupervisorSpec spec = SupervisorSpec.oneForOne().child(TestWorker.spec("same", me));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> spec.child(TestWorker.spec("same", me)));
    assertTrue(e.getMessage().contains("\"same\""), e.getMessage());
  }

  @Test
  void significantPermanentChildIsRefusedBeforeAnythingStarts() {
    SupervisorSpec spec = SupervisorSpec.oneForOne().autoShutdown(AutoShutdown.ANY_SIGNIFICANT)
        .child(TestWorker.spec("first", me))
        .child(TestWorker.spec("main", me).withSignificant(true));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Supervisor.start(spec));

    assertTrue(e.getMessage().contains("\"main\"") && e.getMessage().contains("PERMANENT"), e.getMessage());
    none(m -> m instanceof Started, "child start");
  }

  @Test
  void significantChildNeedsAutoShutdown() {
    SupervisorSpec spec = SupervisorSpec.oneForOne()
        .child(TestWorker.spec("main", me).withRestart(Restart.TRANSIENT).withSignificant(true));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Supervisor.start(spec));

    assertTrue(e.getMessage().contains("autoShutdown is NEVER"), e.getMessage());
    none(m -> m instanceof Started, "child start");
  }

  @Test
  void nullStartIsRefused() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> ChildSpec.worker("x", null));
    assertEquals("start", e.getMessage());
    assertThrows(NullPointerException.class, () -> TestWorker.spec("x", me).withStart(null));
    assertThrows(NullPointerException.class, () -> SupervisorSpec.oneForOne().child(null));
  }

  @Test
  void startReturningNullFailsTheStartWithAClearError() {
    StartException e = assertThrows(StartException.class,
        () -> Supervisor.start(SupervisorSpec.oneForOne().child(ChildSpec.worker("nul", () -> null))));
    assertTrue(e.getMessage().contains("returned null"), e.getMessage());
  }

  @Test
  void badSupervisorFlagsAreRefused() {
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> SupervisorSpec.oneForOne().maxRestarts(-1, Duration.ofSeconds(5)));
    assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> SupervisorSpec.oneForOne().maxRestarts(3, Duration.ZERO));
    assertTrue(zero.getMessage().contains("PT0S"), zero.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ChildSpec.worker("x", Optional::empty).withShutdown(ChildSpec.Shutdown.timeout(Duration.ofMillis(-5))));
    assertThrows(IllegalArgumentException.class, () -> ChildSpec.worker("", Optional::empty));
  }

  @Test
  void defaultsFollowTheBrief() {
    SupervisorSpec spec = SupervisorSpec.oneForOne();
    assertEquals(3, spec.maxRestarts());
    assertEquals(Duration.ofSeconds(5), spec.period());
    assertEquals(AutoShutdown.NEVER, spec.autoShutdown());
    ChildSpec nested = Supervisor.childSpec("inner", spec);
    assertEquals(ChildSpec.Type.SUPERVISOR, nested.type());
    assertEquals(ChildSpec.Shutdown.infinity(), nested.shutdown());
    assertNotNull(nested.start());
  }

  @Test
  void ofRefusesAProcessThatIsNotASupervisor() {
    Pid worker = Proc.spawn(() -> Proc.receive(Duration.ofSeconds(30)));
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Supervisor.of(worker));
      assertTrue(e.getMessage().contains(worker.toString()), e.getMessage());
    } finally {
      Proc.exit(worker, ExitReason.kill());
    }
  }
}
