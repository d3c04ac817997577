package dev.arbor.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Adopted;
import dev.arbor.Down;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.ProcessInfo;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A pid outlives its process; what the process held must not. */
class DeadServerMemoryTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** A server state big enough that keeping it by mistake matters. */
  static final class Big {
    final byte[] payload = new byte[1 << 20];
  }

  private static final ServerType<Big, Object> TYPE =
      ServerType.builder(Big.class, Object.class, (Dispatcher<Big, Object>) (state, message, call) -> state.payload.length)
          .build();

  private Adopted me;

  @BeforeEach
  void adopt() {
    me = Proc.adopt();
  }

  @AfterEach
  void release() {
    me.close();
  }

  @Test
  void heldPidDoesNotKeepTheStateOfItsStoppedServer() throws InterruptedException {
    assertStateCollectedAfter(server -> server.stop());
  }

  @Test
  void heldPidDoesNotKeepTheStateOfItsKilledServer() throws InterruptedException {
    assertStateCollectedAfter(server -> Proc.exit(server.pid(), ExitReason.kill()));
  }

  @Test
  void heldPidDoesNotKeepTheStateOfItsServerKilledWhileHibernated() throws InterruptedException {
    assertStateCollectedAfter(StartOptions.defaults().hibernateAfter(Duration.ZERO), server -> {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (Proc.info(server.pid()).orElseThrow().status() != ProcessInfo.Status.HIBERNATED) {
        assertTrue(System.nanoTime() - deadline < 0, "the server did not hibernate");
        Proc.receive(m -> false, Duration.ofMillis(1));
      }
      Proc.exit(server.pid(), ExitReason.kill());
    });
  }

  private void assertStateCollectedAfter(java.util.function.Consumer<ServerRef<Object>> end) throws InterruptedException {
    assertStateCollectedAfter(StartOptions.defaults(), end);
  }

  private void assertStateCollectedAfter(StartOptions options, java.util.function.Consumer<ServerRef<Object>> end)
      throws InterruptedException {
    WeakReference<Big>[] state = newWeak();
    ServerRef<Object> server = ServerRef.start(TYPE, options, () -> {
      Big big = new Big();
      state[0] = new WeakReference<>(big);
      return big;
    });
    assertEquals(1 << 20, (int) server.call("size", "size"));
    Pid pid = server.pid();
    var ref = Proc.monitor(pid);
    end.accept(server);
    Down down = (Down) Proc.receive(m -> m instanceof Down d && d.ref().equals(ref), WAIT).orElseThrow();
    assertEquals(pid, down.pid());

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (state[0].get() != null && System.nanoTime() - deadline < 0) {
      System.gc();
      Proc.receive(m -> false, Duration.ofMillis(10)); // lets the server's thread finish unwinding
    }
    assertTrue(state[0].get() == null, "the dead server's state is still reachable while " + pid + " is held");
    assertTrue(!pid.isAlive());
  }

  @SuppressWarnings("unchecked")
  private static WeakReference<Big>[] newWeak() {
    return new WeakReference[1];
  }
}
