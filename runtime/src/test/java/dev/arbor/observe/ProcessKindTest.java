package dev.arbor.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.ProcessInfo;
import dev.arbor.ProcessInfo.Kind;
import dev.arbor.agent.Agent;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorSpec;
import dev.arbor.task.Task;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proc.info says what each process runs, for the observer, metrics and the leak check. */
class ProcessKindTest {
  @BeforeEach
  void adopt() {
    Proc.adopt();
  }

  @AfterEach
  void release() {
    Proc.release();
  }

  private static ProcessInfo info(Pid pid) {
    return Proc.info(pid).orElseThrow();
  }

  @Test
  void infoTellsWhatEachProcessRuns() throws Exception {
    assertEquals(Kind.THREAD, info(Proc.self()).kind());

    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne());
    assertEquals(Kind.SUPERVISOR, info(sup.pid()).kind());
    assertEquals(Supervisor.class.getName(), info(sup.pid()).serverClass());

    dev.arbor.server.ServerRef<String> server = dev.arbor.server.ServerRef.start(
        dev.arbor.server.ServerType.<ProcessKindTest, String>builder(ProcessKindTest.class, ProcessKindTest.class,
            (state, message, call) -> message).build(),
        dev.arbor.server.StartOptions.defaults(), ProcessKindTest::new);
    assertEquals(Kind.SERVER, info(server.pid()).kind());
    assertEquals(ProcessKindTest.class.getName(), info(server.pid()).serverClass());
    server.stop();

    Agent<Integer> agent = Agent.start(() -> 1);
    assertEquals(Kind.AGENT, info(agent.pid()).kind());

    CountDownLatch release = new CountDownLatch(1);
    Task<Boolean> task = Task.async(() -> release.await(10, TimeUnit.SECONDS));
    assertEquals(Kind.TASK, info(task.pid()).kind());
    assertNull(info(task.pid()).serverClass());

    Pid plain = Proc.spawn(() -> Proc.receive(m -> true, Duration.ofSeconds(10)));
    assertEquals(Kind.PROCESS, info(plain).kind());

    release.countDown();
    assertEquals(true, task.await());
    plain.send("done");
    agent.stop();
    sup.stop();
  }
}
