package dev.arbor.supervisor;

import static dev.arbor.supervisor.Expect.event;
import static dev.arbor.supervisor.Expect.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.server.StartException;
import dev.arbor.supervisor.ChildSpec.Restart;
import dev.arbor.supervisor.SupervisorEvent.ChildStarted;
import dev.arbor.supervisor.SupervisorEvent.ChildTerminated;
import dev.arbor.supervisor.TestWorker.Started;
import dev.arbor.supervisor.TestWorker.Terminated;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The admin calls: which_children, count_children, start/terminate/restart/delete_child, tree. */
class SupervisorAdminTest extends SupervisorTestBase {

  private Supervisor startAB() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.spec("a", me)).child(TestWorker.spec("b", me)));
    next(Started.class);
    next(Started.class);
    return sup;
  }

  @RepeatedTest(5)
  void whichChildrenListsChildrenInStartOrder() {
    Supervisor sup = startAB();
    List<ChildInfo> children = sup.whichChildren();
    assertEquals(List.of("a", "b"), children.stream().map(ChildInfo::id).toList());
    for (ChildInfo c : children) {
      assertTrue(c.pid().orElseThrow().isAlive());
      assertEquals(ChildSpec.Type.WORKER, c.type());
      assertEquals(Restart.PERMANENT, c.restart());
      assertFalse(c.restarting());
    }
    assertEquals(new ChildCounts(2, 2, 0, 2), sup.countChildren());
  }

  @RepeatedTest(10)
  void startChildAppendsAChildAndRefusesATakenId() {
    Supervisor sup = startAB();
    sup.subscribe(me);

    Pid c = sup.startChild(TestWorker.spec("c", me)).orElseThrow();

    assertEquals(c, next(Started.class).pid());
    assertEquals(c, event(ChildStarted.class, sup.pid()).pid());
    assertEquals(List.of("a", "b", "c"), sup.whichChildren().stream().map(ChildInfo::id).toList());
    IllegalStateException taken = assertThrows(IllegalStateException.class,
        () -> sup.startChild(TestWorker.spec("c", me)));
    assertTrue(taken.getMessage().contains("already started as " + c), taken.getMessage());
  }

  @RepeatedTest(10)
  void startChildThatFailsLeavesTheSupervisorRunning() {
    Supervisor sup = startAB();

    StartException e = assertThrows(StartException.class,
        () -> sup.startChild(TestWorker.failingWhile("bad", me, () -> true)));

    assertTrue(e.getMessage().contains("child \"bad\""), e.getMessage());
    assertEquals(List.of("a", "b"), sup.whichChildren().stream().map(ChildInfo::id).toList());
  }

  @RepeatedTest(10)
  void startFunctionThatCallsProcExitIsAFailedStart() {
    // OTP's supervisor runs a child's start under catch: exit(Reason) there is a failed start,
    // not the supervisor's own exit.
    Supervisor sup = startAB();

    StartException e = assertThrows(StartException.class, () -> sup.startChild(ChildSpec.worker("quits", () -> {
      Proc.exit(ExitReason.of("not today"));
      return Optional.empty();
    })));

    assertTrue(e.getMessage().contains("child \"quits\"") && e.getMessage().contains("not today"), e.getMessage());
    assertTrue(sup.pid().isAlive());
    assertEquals(List.of("a", "b"), sup.whichChildren().stream().map(ChildInfo::id).toList());
  }

  @RepeatedTest(10)
  void terminateChildKeepsTheSpecAndRestartChildStartsItAgain() {
    Supervisor sup = startAB();
    sup.subscribe(me);
    Pid oldA = sup.whichChildren().get(0).pid().orElseThrow();

    sup.terminateChild("a");

    Terminated stopped = next(Terminated.class);
    assertEquals("a", stopped.id());
    assertEquals(ExitReason.shutdown(), stopped.reason());
    assertEquals(ExitReason.shutdown(), event(ChildTerminated.class, sup.pid()).reason());
    assertFalse(oldA.isAlive());
    assertTrue(sup.whichChildren().get(0).pid().isEmpty(), "the spec stays, without a process");
    assertEquals(new ChildCounts(2, 1, 0, 2), sup.countChildren());

    Pid newA = sup.restartChild("a").orElseThrow();

    assertNotEquals(oldA, newA);
    assertEquals(newA, next(Started.class).pid());
    assertEquals(List.of("a", "b"), sup.whichChildren().stream().map(ChildInfo::id).toList(), "same place");
    IllegalStateException running = assertThrows(IllegalStateException.class, () -> sup.restartChild("a"));
    assertTrue(running.getMessage().contains("running"), running.getMessage());
  }

  @RepeatedTest(10)
  void deleteChildRefusesARunningChildAndForgetsAStoppedOne() {
    Supervisor sup = startAB();

    IllegalStateException running = assertThrows(IllegalStateException.class, () -> sup.deleteChild("b"));
    assertTrue(running.getMessage().contains("\"b\"") && running.getMessage().contains("running"),
        running.getMessage());

    sup.terminateChild("b");
    sup.deleteChild("b");

    assertEquals(List.of("a"), sup.whichChildren().stream().map(ChildInfo::id).toList());
    sup.startChild(TestWorker.spec("b", me)); // the id is free again
  }

  @Test
  void terminatingATemporaryChildForgetsIt() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(TestWorker.spec("t", me).withRestart(Restart.TEMPORARY)));
    next(Started.class);

    sup.terminateChild("t");

    assertEquals(List.of(), sup.whichChildren());
  }

  @Test
  void unknownChildIsRefusedWithItsId() {
    Supervisor sup = startAB();
    for (Runnable call : List.<Runnable>of(() -> sup.terminateChild("nope"), () -> sup.restartChild("nope"),
        () -> sup.deleteChild("nope"))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
      assertTrue(e.getMessage().contains("\"nope\""), e.getMessage());
    }
  }

  @Test
  void startChildRefusesAnInvalidSpecWithoutStartingIt() {
    Supervisor sup = startAB();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sup.startChild(TestWorker.spec("sig", me).withRestart(Restart.TRANSIENT).withSignificant(true)));
    assertTrue(e.getMessage().contains("\"sig\""), e.getMessage());
    Expect.none(m -> m instanceof Started, "start of the refused child");
  }

  @Test
  void ignoredStartChildReturnsEmpty() {
    Supervisor sup = startAB();
    assertEquals(Optional.empty(), sup.startChild(ChildSpec.worker("ign", Optional::empty)));
    assertEquals(List.of("a", "b", "ign"), sup.whichChildren().stream().map(ChildInfo::id).toList());
  }

  @RepeatedTest(5)
  void treeRendersNestedSupervisors() {
    SupervisorSpec inner = SupervisorSpec.oneForOne().child(TestWorker.spec("leaf", me));
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().name("tree-root")
        .child(TestWorker.spec("a", me))
        .child(Supervisor.childSpec("inner", inner))
        .child(ChildSpec.worker("idle", Optional::empty)));
    List<ChildInfo> top = sup.whichChildren();
    Pid a = top.get(0).pid().orElseThrow();
    Pid innerPid = top.get(1).pid().orElseThrow();
    Pid leaf = Supervisor.of(innerPid).whichChildren().get(0).pid().orElseThrow();

    String tree = Supervisor.tree(sup.pid());

    assertEquals(sup.pid() + " supervisor tree-root\n"
        + "  a " + a + " worker permanent\n"
        + "  inner " + innerPid + " supervisor permanent\n"
        + "    leaf " + leaf + " worker permanent\n"
        + "  idle undefined worker permanent\n", tree);
    assertEquals(new ChildCounts(3, 2, 1, 2), sup.countChildren());
  }
}
