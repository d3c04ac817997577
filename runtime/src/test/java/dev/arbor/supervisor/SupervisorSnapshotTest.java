package dev.arbor.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SupervisorSnapshotTest extends SupervisorTestBase {
  private static final Duration BOUND = Duration.ofSeconds(10);

  @Test
  void snapshotCountsRestartsPerChild() {
    Supervisor sup = Supervisor.start(SupervisorSpec.restForOne()
        .maxRestarts(10, Duration.ofSeconds(5))
        .child(TestWorker.spec("a", me))
        .child(TestWorker.spec("b", me)));
    SupervisorSnapshot before = SupervisorSnapshot.of(sup.pid(), BOUND);
    assertEquals(SupervisorSpec.Strategy.REST_FOR_ONE, before.strategy());
    assertEquals(10, before.maxRestarts());
    assertEquals(Duration.ofSeconds(5), before.period());
    assertEquals(2, before.children().size());
    assertTrue(before.children().stream().allMatch(c -> c.restarts() == 0 && c.lastRestartMillis() == 0));

    sup.subscribe(me);
    long t0 = System.currentTimeMillis();
    Pid b = before.children().get(1).info().pid().orElseThrow();
    Proc.exit(b, ExitReason.kill());
    assertTrue(Proc.receive(ChildRestarted.class, BOUND).isPresent());

    SupervisorSnapshot after = SupervisorSnapshot.of(sup.pid(), BOUND);
    assertEquals(0, after.children().get(0).restarts(), "rest_for_one: a is before b, left alone");
    assertEquals(1, after.children().get(1).restarts());
    assertTrue(after.children().get(1).lastRestartMillis() >= t0);
    assertEquals(after.children().get(1).info(), sup.whichChildren().get(1));
    sup.stop();
  }

  @Test
  void snapshotOfSomethingElseIsRefused() {
    Pid plain = Proc.spawn(() -> Proc.receive());
    assertThrows(IllegalArgumentException.class, () -> SupervisorSnapshot.of(plain, BOUND));
    assertTrue(!SupervisorSnapshot.isSupervisor(plain));
    Proc.exit(plain, ExitReason.kill());
    Pid gone = Proc.spawn(() -> {});
    awaitExit(gone);
    assertThrows(ExitException.class, () -> SupervisorSnapshot.of(gone, BOUND));
  }

  private static void awaitExit(Pid pid) {
    var ref = Proc.monitor(pid);
    assertTrue(Proc.receive(m -> m instanceof dev.arbor.Down d && d.ref().equals(ref), BOUND).isPresent());
  }
}
