package dev.arbor.registry;

import static dev.arbor.task.TestWaits.WAIT;
import static dev.arbor.task.TestWaits.down;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Adopted;
import dev.arbor.Down;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Spawned;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many processes registering, looking up and exiting at once. Each driver checks, after every
 * worker's {@code Down}, that the worker's entries are gone (they are released before it); the run
 * ends with empty registries.
 */
class RegistryStressTest {
  private static final int DRIVERS = 50;
  private static final int CYCLES_PER_DRIVER = 2_000; // 100,000 register / lookup / exit cycles
  private static final AtomicInteger NAMES = new AtomicInteger();

  private Registry<String, Integer> unique;
  private Registry<String, Integer> duplicate;
  private Adopted me;

  @BeforeEach
  void setUp() {
    me = Proc.adopt();
    unique = Registry.start(RegistrySpec.unique("stress-unique-" + NAMES.incrementAndGet()).partitions(4));
    duplicate = Registry.start(RegistrySpec.duplicate("stress-duplicate-" + NAMES.incrementAndGet()).partitions(4));
  }

  @AfterEach
  void tearDown() {
    unique.stop();
    duplicate.stop();
    me.close();
  }

  record Failure(String what) {}

  @Test
  void hundredThousandRegisterLookupExitCyclesEndWithZeroEntries() {
    Pid test = Proc.self();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean stopReaders = new AtomicBoolean();
    List<Spawned> readers = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      readers.add(Proc.spawnMonitor(() -> {
        while (!stopReaders.get()) {
          for (Registry.Entry<String, Integer> e : duplicate.lookup("all")) {
            if (!e.key().equals("all")) {
              failures.add("lookup(all) returned " + e);
            }
          }
          unique.lookup("d0-0");
          LockSupport.parkNanos(20_000); // leave the carriers to the drivers
        }
      }));
    }
    try {
      List<Spawned> drivers = new ArrayList<>();
      for (int d = 0; d < DRIVERS; d++) {
        int driver = d;
        drivers.add(Proc.spawnMonitor(() -> drive(driver, failures)));
      }
      for (Spawned driver : drivers) {
        Down down = down(driver.ref());
        assertEquals(ExitReason.normal(), down.reason(), () -> "driver failed: " + down.reason() + "; " + failures);
      }
    } finally {
      stopReaders.set(true);
    }
    readers.forEach(r -> assertEquals(ExitReason.normal(), down(r.ref()).reason()));

    assertEquals(List.of(), List.copyOf(failures));
    assertEquals(0, unique.count());
    assertEquals(0, duplicate.count());
    assertEquals(List.of(), unique.select(e -> true));
    assertEquals(List.of(), duplicate.lookup("all"));
    assertTrue(test.isAlive());
  }

  /**
   * One driver: workers one after another; each registers a key of its own and a shared duplicate
   * key, looks itself up, and exits one of three ways: returning, {@code Proc.exit}, or killed by the
   * driver at once (possibly while it is still registering).
   */
  private void drive(int driver, ConcurrentLinkedQueue<String> failures) {
    for (int i = 0; i < CYCLES_PER_DRIVER; i++) {
      String key = "d" + driver + "-" + i;
      int value = i;
      int how = i % 3;
      Spawned worker = Proc.spawnMonitor(() -> {
        unique.register(key, value);
        duplicate.register("all", value);
        List<Registry.Entry<String, Integer>> found = unique.lookup(key);
        // A worker the driver kills (how == 2) may be killed right after registering: its entries
        // are gone and its thread, a zombie, still runs this lookup, which checks no liveness.
        // Proc.self() ends such a zombie here (ProcessExit), so only a live worker's miss counts.
        if ((found.size() != 1 || !found.get(0).pid().equals(Proc.self()) || found.get(0).value() != value)
            && Proc.self() != null) {
          failures.add(key + ": lookup found " + found);
        }
        if (!unique.keys(Proc.self()).equals(List.of(key))) {
          failures.add(key + ": keys " + unique.keys(Proc.self()));
        }
        if (how == 1) {
          Proc.exit(ExitReason.shutdown());
        }
        if (how == 2) {
          Proc.receive(WAIT); // the driver kills it
        }
      });
      if (how == 2) {
        Proc.exit(worker.pid(), ExitReason.kill());
      }
      down(worker.ref());
      if (!unique.lookup(key).isEmpty() || !unique.keys(worker.pid()).isEmpty()
          || !duplicate.keys(worker.pid()).isEmpty()) {
        failures.add(key + ": still registered after its Down: " + unique.lookup(key) + " " + duplicate.keys(worker.pid()));
      }
    }
  }

  @Test
  void uniqueKeyHasOneHolderUnderContention() {
    int contenders = 64;
    int rounds = 200;
    AtomicInteger holders = new AtomicInteger();
    AtomicInteger wins = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Spawned> all = new ArrayList<>();
    for (int c = 0; c < contenders; c++) {
      all.add(Proc.spawnMonitor(() -> {
        for (int r = 0; r < rounds; r++) {
          try {
            unique.register("leader", r);
          } catch (AlreadyRegisteredException taken) {
            if (taken.holder().equals(Proc.self())) {
              failures.add("refused in favour of itself");
            }
            continue;
          }
          if (holders.incrementAndGet() != 1) {
            failures.add("two holders at once");
          }
          wins.incrementAndGet();
          List<Registry.Entry<String, Integer>> found = unique.lookup("leader");
          if (found.size() != 1 || !found.get(0).pid().equals(Proc.self())) {
            failures.add("holder looked up " + found);
          }
          holders.decrementAndGet();
          if (!unique.unregister("leader")) {
            failures.add("holder could not unregister");
          }
        }
      }));
    }
    for (Spawned s : all) {
      assertEquals(ExitReason.normal(), down(s.ref()).reason());
    }
    assertEquals(List.of(), List.copyOf(failures));
    assertTrue(wins.get() > 0);
    assertEquals(0, unique.count());
  }
}
