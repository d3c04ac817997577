package dev.arbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.observe.ArborEvents;
import dev.arbor.observe.RuntimeListener;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartException;
import dev.arbor.server.StartOptions;
import dev.arbor.task.Task;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A process is visible from the moment it is created (under its name, in {@code Proc.list}), before
 * its starter has linked or monitored it, so a kill can land before it runs. Erlang's spawn_link and
 * spawn_monitor are atomic; so must these be: the starter hears of the exit at once, never waits out
 * a start timeout, and a linked parent gets the signal. A listener's {@code spawned} hook runs in
 * that very window, so it kills there, deterministically.
 */
class KilledBeforeItRunsTest {
  private static final Duration BOUND = Duration.ofSeconds(10);

  private static final ServerType<Object, Object> QUIET = ServerType.builder(Object.class, Object.class,
      (Dispatcher<Object, Object>) (state, message, call) -> null).build();

  /** Kills, as it is created, every process named {@code victim} or spawned by {@code killChildrenOf}. */
  private volatile long killChildrenOf = -1;
  private final RuntimeListener killer = new RuntimeListener() {
    @Override
    public void spawned(Pid pid, String registeredName, long spawnedBy) {
      if ("victim".equals(registeredName) || spawnedBy == killChildrenOf) {
        Proc.exit(pid, ExitReason.kill());
      }
    }

    @Override
    public boolean timesCalls() {
      return false;
    }
  };

  private AutoCloseable listening;

  @BeforeEach
  void listen() {
    Proc.adopt();
    listening = ArborEvents.addListener(killer);
  }

  @AfterEach
  void stopListening() throws Exception {
    listening.close();
    Proc.release();
  }

  @Test
  void serverKilledBeforeItRunsFailsItsStartAtOnce() {
    StartOptions options = StartOptions.named("victim").timeout(BOUND);
    StartException e = assertThrows(StartException.class, () -> ServerRef.start(QUIET, options, Object::new));
    assertEquals(QUIET + " exited during start with killed", e.getMessage());
    assertEquals(Optional.empty(), Proc.whereis("victim"));
  }

  @Test
  void linkedServerKilledBeforeItRunsFailsItsStartWithoutSignallingTheStarter() {
    Proc.trapExits(true);
    StartOptions options = StartOptions.named("victim").timeout(BOUND);
    assertThrows(StartException.class, () -> ServerRef.startLink(QUIET, options, Object::new));
    assertTrue(Proc.receive(m -> m instanceof Exit, Duration.ZERO).isEmpty());
  }

  @Test
  void linkedSpawnKilledBeforeItRunsSignalsItsParent() {
    Proc.trapExits(true);
    Pid child = Proc.spawn(SpawnOptions.defaults().link(true).name("victim"), () -> {});
    Object exit = Proc.receive(m -> m instanceof Exit x && x.from().equals(child), BOUND).orElseThrow();
    assertEquals(ExitReason.killed(), ((Exit) exit).reason());
    assertFalse(Proc.info(Proc.self()).orElseThrow().links().contains(child));
  }

  @Test
  void linkedTaskKilledBeforeItRunsTakesItsOwnerDown() {
    Ref ref = Proc.spawnMonitor(() -> {
      killChildrenOf = Proc.self().id();
      Task.async(() -> "never").await(BOUND);
    }).ref(); // monitored before it runs: it may be gone before a later monitor would be set
    Object down = Proc.receive(m -> m instanceof Down d && d.ref().equals(ref), BOUND).orElseThrow();
    assertEquals(ExitReason.killed(), ((Down) down).reason());
  }
}
