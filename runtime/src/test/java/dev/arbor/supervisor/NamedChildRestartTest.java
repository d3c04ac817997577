package dev.arbor.supervisor;

import static dev.arbor.supervisor.Expect.event;
import static dev.arbor.supervisor.Expect.next;
import static dev.arbor.supervisor.Expect.none;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.internal.NameTableStates;
import dev.arbor.server.ServerFactory;
import dev.arbor.server.ServerRef;
import dev.arbor.server.StartException;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import dev.arbor.supervisor.SupervisorEvent.ChildStartFailed;
import dev.arbor.supervisor.SupervisorEvent.IntensityExceeded;
import dev.arbor.supervisor.TestWorker.Started;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A registered child killed around its restart: the supervisor restarts it again, and a name whose
 * holder is dead never blocks the restart. (The restart benchmark once hung on the latter: its
 * supervisor spent its whole intensity on starts refused by a dead child's name, and exited.)
 */
class NamedChildRestartTest extends SupervisorTestBase {
  private static final AtomicLong NAMES = new AtomicLong();

  /** Sent by a child held in its construction, after it registered its name. */
  private record Initializing(Pid pid) {}

  /** Sent by the supervisor's process from a held restart, before the child's start function runs. */
  private record Restarting() {}

  private static String freshName() {
    return "named-restart-" + NAMES.incrementAndGet();
  }

  @RepeatedTest(10)
  void childKilledDuringItsOwnRestartIsRestartedAgain() {
    String name = freshName();
    AtomicBoolean holdInit = new AtomicBoolean();
    ServerFactory<TestWorker> factory = () -> {
      if (holdInit.get()) {
        me.send(new Initializing(Proc.self()));
        Proc.receive(); // until killed: the name is registered, the supervisor still waits for the ack
      }
      return new TestWorker(name, me, () -> {});
    };
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().maxRestarts(3, Duration.ofMinutes(1))
        .child(ServerRef.childSpec(TestWorker.TYPE, StartOptions.named(name), factory)));
    Pid first = next(Started.class).pid();
    sup.subscribe(me);

    holdInit.set(true);
    Proc.exit(first, ExitReason.kill());
    Pid held = next(Initializing.class).pid();
    assertEquals(Optional.of(held), Proc.whereis(name), "the replacement is registered before its init is done");
    holdInit.set(false);
    Proc.exit(held, ExitReason.kill());

    ChildStartFailed failed = event(ChildStartFailed.class, sup.pid());
    assertInstanceOf(StartException.class, failed.cause());
    ChildRestarted restarted = event(ChildRestarted.class, sup.pid());
    assertEquals(first, restarted.oldPid());
    Pid third = next(Started.class).pid();
    assertEquals(third, restarted.newPid());
    assertEquals(Optional.of(third), Proc.whereis(name));
    assertEquals(Optional.of(third), sup.whichChildren().get(0).pid());
  }

  @RepeatedTest(10)
  void restartIsNotRefusedByTheNameOfAKilledChildNotYetReleased() {
    String name = freshName();
    AtomicBoolean holdRestart = new AtomicBoolean();
    CountDownLatch go = new CountDownLatch(1);
    ChildSpec plain = TestWorker.named(name, me);
    ChildSpec held = plain.withStart(() -> {
      if (holdRestart.getAndSet(false)) {
        me.send(new Restarting());
        if (!go.await(Expect.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new AssertionError("the test never let the restart go on");
        }
      }
      return plain.start().start();
    });
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().maxRestarts(3, Duration.ofMinutes(1)).child(held));
    Pid first = next(Started.class).pid();
    sup.subscribe(me);

    holdRestart.set(true);
    Proc.exit(first, ExitReason.kill());
    next(Restarting.class);
    // The killed child's name, still mapped to a dead process: what a preempted thread leaves behind
    // between a holder's death and the removal of its entry.
    NameTableStates.LateRelease late = NameTableStates.holdByExitedProcess(name);
    assertEquals(Optional.empty(), Proc.whereis(name));
    go.countDown();

    Object outcome = Proc.receive(m -> m instanceof SupervisorEvent e && e.supervisor().equals(sup.pid())
        && (e instanceof ChildRestarted || e instanceof ChildStartFailed || e instanceof IntensityExceeded),
        Expect.WAIT).orElseThrow(() -> new AssertionError("no restart outcome within " + Expect.WAIT));
    ChildRestarted restarted = assertInstanceOf(ChildRestarted.class, outcome,
        "the restart must not fail on a dead process's name");
    assertEquals(first, restarted.oldPid());
    assertEquals(restarted.newPid(), next(Started.class).pid());
    assertEquals(Optional.of(restarted.newPid()), Proc.whereis(name));

    late.release(); // the dead holder's entry goes at last, and takes nothing with it
    assertEquals(Optional.of(restarted.newPid()), Proc.whereis(name));
    List<ChildInfo> children = sup.whichChildren(); // a call: every event before it has arrived
    assertEquals(Optional.of(restarted.newPid()), children.get(0).pid());
    none(m -> m instanceof ChildStartFailed, "failed start");
    assertTrue(restarted.newPid().isAlive());
  }
}
