package dev.arbor.supervisor;

import static dev.arbor.supervisor.Expect.event;
import static dev.arbor.supervisor.Expect.next;
import static dev.arbor.supervisor.Expect.none;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.server.ServerRef;
import dev.arbor.supervisor.ChildSpec.Restart;
import dev.arbor.supervisor.SupervisorEvent.ChildExited;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import dev.arbor.supervisor.SupervisorEvent.ChildStartFailed;
import dev.arbor.supervisor.TestWorker.Started;
import dev.arbor.supervisor.TestWorker.Terminated;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;

/** Which children a supervisor restarts, in which order, by strategy and restart type. */
class SupervisorStrategiesTest extends SupervisorTestBase {

  /** Starts a supervisor with workers {@code ids} and returns it with their pids, checking they started in order. */
  private Supervisor startWorkers(SupervisorSpec spec, String... ids) {
    for (String id : ids) {
      spec = spec.child(TestWorker.spec(id, me));
    }
    Supervisor sup = Supervisor.start(spec);
    for (String id : ids) {
      assertEquals(id, next(Started.class).id(), "children start in order");
    }
    sup.subscribe(me);
    return sup;
  }

  private static Map<String, Pid> pids(Supervisor sup) {
    return sup.whichChildren().stream().filter(c -> c.pid().isPresent())
        .collect(Collectors.toMap(ChildInfo::id, c -> c.pid().get()));
  }

  private List<String> startedIds(int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> next(Started.class).id()).toList();
  }

  @RepeatedTest(20)
  void oneForOneRestartsOnlyTheCrashedChild() {
    Supervisor sup = startWorkers(SupervisorSpec.oneForOne(), "a", "b", "c");
    Map<String, Pid> before = pids(sup);

    TestWorker.crash(before.get("b"));

    ChildRestarted restarted = event(ChildRestarted.class, sup.pid());
    assertEquals("b", restarted.id());
    assertEquals(before.get("b"), restarted.oldPid());
    Map<String, Pid> after = pids(sup);
    assertEquals(before.get("a"), after.get("a"));
    assertEquals(before.get("c"), after.get("c"));
    assertNotEquals(before.get("b"), after.get("b"));
    assertEquals(restarted.newPid(), after.get("b"));
    assertTrue(after.get("b").isAlive());
    assertEquals("b", next(Started.class).id());
    // Anything the siblings would have said about stopping was sent before the restart event.
    none(m -> m instanceof Terminated t && !t.id().equals("b"), "sibling stopped");
  }

  @RepeatedTest(20)
  void restForOneRestartsLaterSiblingsInStartOrder() {
    Supervisor sup = startWorkers(SupervisorSpec.restForOne(), "a", "b", "c", "d");
    Map<String, Pid> before = pids(sup);

    TestWorker.crash(before.get("b"));

    Terminated crashed = next(Terminated.class);
    assertEquals("b", crashed.id());
    assertEquals(ExitReason.Kind.CRASH, crashed.reason().kind());
    Terminated first = next(Terminated.class);
    Terminated second = next(Terminated.class);
    assertEquals(List.of("d", "c"), List.of(first.id(), second.id()), "later siblings stop newest first");
    assertEquals(ExitReason.shutdown(), first.reason());
    assertEquals(ExitReason.shutdown(), second.reason());
    assertEquals(List.of("b", "c", "d"), startedIds(3), "then start again in start order");
    for (String id : List.of("b", "c", "d")) {
      assertEquals(id, event(ChildRestarted.class, sup.pid()).id());
    }
    Map<String, Pid> after = pids(sup);
    assertEquals(before.get("a"), after.get("a"), "earlier siblings are left alone");
    for (String id : List.of("b", "c", "d")) {
      assertNotEquals(before.get(id), after.get(id));
      assertTrue(after.get(id).isAlive());
    }
    none(m -> m instanceof Terminated t && t.id().equals("a"), "stop of the earlier sibling");
  }

  @RepeatedTest(10)
  void restForOneRetriesAFailedRestartBeforeStartingLaterSiblings() {
    AtomicInteger failures = new AtomicInteger();
    Supervisor sup = Supervisor.start(SupervisorSpec.restForOne().maxRestarts(5, Duration.ofMinutes(1))
        .child(TestWorker.spec("a", me))
        .child(TestWorker.failingWhile("b", me, () -> failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0))
        .child(TestWorker.spec("c", me)));
    assertEquals(List.of("a", "b", "c"), startedIds(3));
    sup.subscribe(me);
    Map<String, Pid> before = pids(sup);
    failures.set(1);

    TestWorker.crash(before.get("b"));

    assertEquals("b", event(ChildStartFailed.class, sup.pid()).id());
    ChildRestarted b = event(ChildRestarted.class, sup.pid());
    assertEquals("b", b.id());
    assertEquals(before.get("b"), b.oldPid(), "the retry reports the pid the child had before the failed attempt");
    ChildRestarted c = event(ChildRestarted.class, sup.pid());
    assertEquals("c", c.id());
    assertEquals(before.get("c"), c.oldPid());
    assertEquals(List.of("b", "c"), startedIds(2), "the later sibling waits for the retry");
    assertEquals(before.get("a"), pids(sup).get("a"));
  }

  @RepeatedTest(20)
  void oneForAllRestartsAllInStartOrder() {
    Supervisor sup = startWorkers(SupervisorSpec.oneForAll(), "a", "b", "c");
    Map<String, Pid> before = pids(sup);

    TestWorker.crash(before.get("b"));

    assertEquals("b", next(Terminated.class).id());
    assertEquals(List.of("c", "a"), List.of(next(Terminated.class).id(), next(Terminated.class).id()),
        "the others stop newest first");
    assertEquals(List.of("a", "b", "c"), startedIds(3), "then all start again in start order");
    for (String id : List.of("a", "b", "c")) {
      ChildRestarted e = event(ChildRestarted.class, sup.pid());
      assertEquals(id, e.id());
      assertEquals(before.get(id), e.oldPid());
    }
    Map<String, Pid> after = pids(sup);
    for (String id : List.of("a", "b", "c")) {
      assertNotEquals(before.get(id), after.get(id));
      assertFalse(before.get(id).isAlive());
    }
  }

  @RepeatedTest(20)
  void transientChildNotRestartedAfterNormalExit() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.spec("t", me).withRestart(Restart.TRANSIENT)));
    Pid pid = next(Started.class).pid();
    sup.subscribe(me);

    TestWorker.stopWith(pid, ExitReason.normal());

    ChildExited exited = event(ChildExited.class, sup.pid());
    assertEquals(ExitReason.normal(), exited.reason());
    ChildInfo info = sup.whichChildren().get(0); // handled after the exit: the decision is made
    assertEquals("t", info.id());
    assertTrue(info.pid().isEmpty(), "the spec stays, without a process");
    none(m -> m instanceof ChildRestarted, "restart");
    none(m -> m instanceof Started, "new start");
  }

  @RepeatedTest(10)
  void transientChildRestartedAfterAbnormalExit() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.spec("t", me).withRestart(Restart.TRANSIENT)));
    Pid pid = next(Started.class).pid();
    sup.subscribe(me);

    TestWorker.stopWith(pid, ExitReason.of("oops"));

    assertEquals(pid, event(ChildRestarted.class, sup.pid()).oldPid());
    assertTrue(sup.whichChildren().get(0).pid().orElseThrow().isAlive());
  }

  @RepeatedTest(10)
  void transientChildShutdownWithDetailIsClean() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.spec("t", me).withRestart(Restart.TRANSIENT)));
    Pid pid = next(Started.class).pid();
    sup.subscribe(me);

    TestWorker.stopWith(pid, ExitReason.shutdown("done"));

    assertEquals(ExitReason.shutdown("done"), event(ChildExited.class, sup.pid()).reason());
    assertTrue(sup.whichChildren().get(0).pid().isEmpty());
    none(m -> m instanceof ChildRestarted, "restart");
  }

  @RepeatedTest(20)
  void temporaryChildNeverRestarted() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.spec("keep", me))
        .child(TestWorker.spec("temp", me).withRestart(Restart.TEMPORARY)));
    next(Started.class);
    Pid temp = next(Started.class).pid();
    sup.subscribe(me);

    TestWorker.crash(temp);

    assertEquals("temp", event(ChildExited.class, sup.pid()).id());
    assertEquals(List.of("keep"), sup.whichChildren().stream().map(ChildInfo::id).toList(),
        "a temporary child that exited is forgotten");
    none(m -> m instanceof ChildRestarted, "restart");
  }

  @RepeatedTest(10)
  void temporarySiblingStoppedByOneForAllIsNotRestarted() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForAll()
        .child(TestWorker.spec("a", me))
        .child(TestWorker.spec("temp", me).withRestart(Restart.TEMPORARY)));
    Pid a = next(Started.class).pid();
    next(Started.class);
    sup.subscribe(me);

    TestWorker.crash(a);

    assertEquals("a", event(ChildRestarted.class, sup.pid()).id());
    assertEquals(List.of("a"), sup.whichChildren().stream().map(ChildInfo::id).toList());
    Terminated temp = next(Terminated.class, t -> t.id().equals("temp"), "stop of temp");
    assertEquals(ExitReason.shutdown(), temp.reason());
  }

  @RepeatedTest(20)
  void killedNamedChildIsFoundUnderItsNameWithANewPid() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().child(TestWorker.named("counter", me)));
    next(Started.class);
    sup.subscribe(me);
    Pid old = Proc.whereis("counter").orElseThrow();

    Proc.exit(old, ExitReason.kill());

    ChildRestarted restarted = event(ChildRestarted.class, sup.pid());
    assertEquals("counter", restarted.id());
    Pid now = Proc.whereis("counter").orElseThrow(() -> new AssertionError("nothing registered as counter"));
    assertNotEquals(old, now);
    assertTrue(now.isAlive());
    assertEquals(restarted.newPid(), now);
    assertEquals("pong from counter",
        ServerRef.of(TestWorker.TYPE, Name.local("counter")).call("ping", new TestWorker.Msg.Ping()));
  }
}
