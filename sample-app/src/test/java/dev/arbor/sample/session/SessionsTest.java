package dev.arbor.sample.session;

import static dev.arbor.testkit.Testkit.assertReceive;
import static dev.arbor.testkit.Testkit.startSupervised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import dev.arbor.testkit.ArborTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@ArborTest
class SessionsTest {
  @Test
  void sessionsAreOpenedOnceFoundByUserIdAndClosedOnDemand() {
    startSupervised(Sessions.childSpec());
    Sessions sessions = new Sessions();
    SessionClient carol = sessions.open("carol");
    carol.addToCart("mug");
    assertEquals(carol.pid(), sessions.open("carol").pid(), "open again: the same session");
    assertEquals(List.of("mug"), sessions.find("carol").orElseThrow().cart());
    assertEquals(1, sessions.count());

    Pid pid = carol.pid();
    Proc.monitor(pid);
    assertTrue(sessions.close("carol"));
    assertReceive(Down.class, Duration.ofSeconds(5));
    assertTrue(sessions.find("carol").isEmpty());
    assertEquals(0, sessions.count());
  }

  @Test
  void aCrashedSessionIsRestartedUnderItsUserId() {
    startSupervised(Sessions.childSpec());
    Sessions sessions = new Sessions();
    SessionClient dave = sessions.open("dave");
    Pid before = dave.pid();
    sessions.supervisor().subscribe(Proc.self());
    assertThrows(ExitException.class, () -> dave.applyCoupon("NOPE"));
    ChildRestarted restarted = assertReceive(ChildRestarted.class, Duration.ofSeconds(5));
    assertEquals(before, restarted.oldPid());
    assertEquals(restarted.newPid(), dave.pid());
    assertEquals("dave", dave.userId());
    assertEquals(10, dave.applyCoupon("WELCOME10"));
  }
}
