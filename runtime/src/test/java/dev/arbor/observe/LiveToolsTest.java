package dev.arbor.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Down;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.server.ServerRef;
import dev.arbor.server.StartOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read-only hooks live tools use: a process's stack, and tracing a server's received messages. */
class LiveToolsTest {
  private static final Duration BOUND = Duration.ofSeconds(10);

  @BeforeEach
  void adopt() {
    Proc.adopt();
  }

  @AfterEach
  void release() {
    Proc.release();
  }

  @Test
  void stackOfAWaitingProcessShowsItsReceive() {
    Pid waiting = Proc.spawn(() -> Proc.receive());
    try {
      // Spawned processes start running at once; the stack is read until it shows the receive.
      Optional<List<StackTraceElement>> stack;
      long deadline = System.nanoTime() + BOUND.toNanos();
      do {
        stack = ProcessStacks.of(waiting);
      } while ((stack.isEmpty() || stack.get().stream().noneMatch(f -> f.getMethodName().equals("receive")))
          && System.nanoTime() < deadline && pause());
      assertTrue(stack.orElseThrow().stream().anyMatch(f -> f.getClassName().equals("dev.arbor.Proc")
          && f.getMethodName().equals("receive")), stack.toString());
    } finally {
      Proc.exit(waiting, ExitReason.kill());
    }
  }

  private static boolean pause() {
    Thread.onSpinWait();
    return true;
  }

  @Test
  void stackOfADeadProcessIsEmpty() throws Exception {
    Pid done = Proc.spawn(() -> {});
    Ref ref = Proc.monitor(done);
    assertTrue(Proc.receive(m -> m instanceof Down d && d.ref().equals(ref), BOUND).isPresent());
    assertEquals(Optional.empty(), ProcessStacks.of(done));
  }

  @Test
  @SuppressWarnings("try")
  void traceSeesCallsCastsAndOtherMessagesUntilClosed() throws Exception {
    ServerRef<RuntimeListenerTest.Echo> server =
        ServerRef.start(RuntimeListenerTest.ECHO, StartOptions.defaults(), RuntimeListenerTest.Echoer::new);
    List<String> seen = new CopyOnWriteArrayList<>();
    try (AutoCloseable trace = MessageTrace.trace(server.pid(), r ->
        seen.add(r.server() + " " + r.kind() + " " + r.handler() + " " + r.message()))) {
      assertTrue(MessageTrace.enabled());
      server.call("echo", new RuntimeListenerTest.Echo("a"));
      server.cast(new RuntimeListenerTest.Echo("b"));
      server.pid().send("c");
      server.call("echo", new RuntimeListenerTest.Echo("d")); // handled after the cast and the message: all traced by now
    }
    Pid pid = server.pid();
    assertEquals(List.of(
        pid + " call echo Echo[text=a]",
        pid + " cast null Echo[text=b]",
        pid + " info null c",
        pid + " call echo Echo[text=d]"), seen);
    assertTrue(!MessageTrace.enabled(), "no trace left on");
    server.call("echo", new RuntimeListenerTest.Echo("unseen"));
    assertEquals(4, seen.size());
    server.stop();
  }
}
