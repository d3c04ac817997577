package dev.arbor;

import static dev.arbor.Waits.await;
import static dev.arbor.Waits.down;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plain process's crash is reported through {@code System.Logger} ({@code java.util.logging} here),
 * and a slow or stuck log handler never holds up the crash's exit signals and {@code Down}s.
 */
@ExtendWith(WithIdentity.class)
class CrashReportTest {
  private final Logger jul = Logger.getLogger("dev.arbor");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final CountDownLatch releaseHandler = new CountDownLatch(1);
  private final CountDownLatch logged = new CountDownLatch(1);
  /** Holds every crash report until the test releases it: a log backend that has stalled. */
  private final Handler stalled = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getMessage().startsWith("[arbor.crash] process")) {
        await(releaseHandler, "the test to release the log handler");
        records.add(record);
        logged.countDown();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private boolean usedParent;

  @BeforeEach
  void installHandler() {
    usedParent = jul.getUseParentHandlers();
    jul.setUseParentHandlers(false); // keep the expected crash off the console
    jul.addHandler(stalled);
  }

  @AfterEach
  void removeHandler() {
    releaseHandler.countDown();
    jul.removeHandler(stalled);
    jul.setUseParentHandlers(usedParent);
  }

  @RepeatedTest(20)
  void aStalledLogHandlerDoesNotDelayTheDownOfACrash() {
    RuntimeException boom = new IllegalStateException("boom");
    Spawned s = Proc.spawnMonitor(() -> {
      throw boom;
    });
    // The Down comes while the report is still stuck in the handler.
    assertSame(boom, down(s).reason().cause());
    assertEquals(0, records.size());
    releaseHandler.countDown();
    await(logged, "the crash report");
    LogRecord r = records.get(0);
    assertEquals(Level.SEVERE, r.getLevel());
    assertTrue(r.getMessage().contains(s.pid().toString()), r.getMessage());
    assertSame(boom, r.getThrown());
  }

  @Test
  void aNamedProcessCrashReportShowsItsName() {
    releaseHandler.countDown();
    RuntimeException boom = new IllegalStateException("boom");
    Pid pid = Proc.spawn(SpawnOptions.defaults().name("crash-report-named"), () -> {
      throw boom;
    });
    await(logged, "the crash report");
    assertEquals("[arbor.crash] process " + pid + " (crash-report-named) crashed: " + boom, records.get(0).getMessage());
  }

  @RepeatedTest(20)
  void aKilledProcessIsNotReportedAsACrash() {
    Spawned s = Proc.spawnMonitor(() -> {
      try {
        Thread.sleep(Waits.WAIT);
      } catch (InterruptedException e) {
        throw new IllegalStateException("woken by the kill", e); // a side effect of the kill, not a crash
      }
    });
    Proc.exit(s.pid(), ExitReason.kill());
    assertEquals(ExitReason.killed(), down(s).reason());
    releaseHandler.countDown();
    // Wait until the thread has finished, then check nothing was reported.
    Waits.eventually(s.pid() + "'s thread to end", () -> Proc.info(s.pid()).isEmpty());
    assertEquals(List.of(), records);
  }
}
