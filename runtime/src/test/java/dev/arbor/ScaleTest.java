package dev.arbor;

import static dev.arbor.Waits.WAIT;
import static dev.arbor.Waits.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arbor.internal.ProcessTable;
import dev.arbor.internal.Timers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A million processes come and go, and leave nothing behind: no process, no timer, no name. Run
 * once. Each process registers a name and starts a timer aimed at itself, which its exit must free.
 */
@ExtendWith(WithIdentity.class)
class ScaleTest {
  private static final int PROCESSES = 1_000_000;

  @Test
  void aMillionProcessesSpawnAndEndLeavingNoProcessTimerOrName() {
    Pid me = Proc.self();
    CountDownLatch ran = new CountDownLatch(PROCESSES);
    for (int i = 0; i < PROCESSES; i++) {
      String name = "scale-" + i;
      Proc.spawn(() -> {
        Pid self = Proc.self();
        Proc.register(name, self);
        Proc.sendAfter(self, "never delivered", Duration.ofHours(1));
        ran.countDown();
      });
    }
    await(ran, "a million processes to run");
    settles("only the test thread's identity is left in the process table",
        () -> ProcessTable.count() == 1 && Proc.list().equals(List.of(me)),
        () -> ProcessTable.count() + " processes, e.g. " + Proc.list().stream().limit(5)
            .map(p -> Proc.info(p).map(Object::toString).orElse(p + " (no info)"))
            .collect(Collectors.joining("; ")));
    settles("no timer is pending", () -> Timers.pending() == 0, () -> Timers.pending() + " timers pending");
    settles("no name is registered", () -> ProcessTable.nameCount() == 0,
        () -> ProcessTable.nameCount() + " names registered");
    assertEquals(List.of(me), Proc.list());
  }

  /** A bounded poll: exits run on the processes' own threads, and nothing announces the last one. */
  private static void settles(String what, java.util.function.BooleanSupplier condition, Supplier<String> state) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("after " + WAIT + ", expected " + what + "; found " + state.get());
      }
      LockSupport.parkNanos(1_000_000);
    }
  }
}
