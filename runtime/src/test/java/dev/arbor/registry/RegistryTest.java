package dev.arbor.registry;

import static dev.arbor.task.TestWaits.WAIT;
import static dev.arbor.task.TestWaits.down;
import static dev.arbor.task.TestWaits.downOf;
import static dev.arbor.task.TestWaits.expect;
import static dev.arbor.task.TestWaits.exitFrom;
import static dev.arbor.task.TestWaits.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Adopted;
import dev.arbor.Down;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Spawned;
import dev.arbor.registry.Registry.Entry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RegistryTest {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private final List<Registry<?, ?>> started = new ArrayList<>();
  private Adopted me;

  @BeforeEach
  void adopt() {
    me = Proc.adopt();
  }

  @AfterEach
  void stopRegistriesAndRelease() {
    for (Registry<?, ?> r : started) {
      if (r.isRunning()) {
        r.stop();
      }
    }
    me.close();
  }

  private <K, V> Registry<K, V> start(RegistrySpec spec) {
    Registry<K, V> registry = Registry.start(spec);
    started.add(registry);
    return registry;
  }

  private <K, V> Registry<K, V> unique() {
    return start(RegistrySpec.unique("unique-" + NAMES.incrementAndGet()));
  }

  private <K, V> Registry<K, V> duplicate(int partitions) {
    return start(RegistrySpec.duplicate("duplicate-" + NAMES.incrementAndGet()).partitions(partitions));
  }

  /** Spawns a process that registers {@code key} with {@code value}, says "registered", then waits to be told to stop. */
  private static <K, V> Spawned registrant(Registry<K, V> registry, K key, V value) {
    Pid test = Proc.self();
    Spawned s = Proc.spawnMonitor(() -> {
      registry.register(key, value);
      test.send(new Registered(Proc.self()));
      Proc.receive(m -> m.equals("stop"), WAIT);
    });
    assertEquals(s.pid(), next(Registered.class).pid());
    return s;
  }

  record Registered(Pid pid) {}

  // ------------------------------------------------------------------ unique keys

  @RepeatedTest(10)
  void uniqueKeyRefusesSecondRegistrant() {
    Registry<String, Integer> registry = unique();
    Spawned holder = registrant(registry, "leader", 1);

    AlreadyRegisteredException refused = assertThrows(AlreadyRegisteredException.class,
        () -> registry.register("leader", 2));
    assertEquals(holder.pid(), refused.holder());
    assertEquals("leader", refused.key());
    assertTrue(refused.getMessage().contains(holder.pid().toString()), refused.getMessage());
    assertEquals(List.of(new Entry<>("leader", holder.pid(), 1)), registry.lookup("leader"));
    assertEquals(List.of(), registry.keys(Proc.self()), "a refused registrant holds nothing");

    holder.pid().send("stop");
    down(holder.ref());
    registry.register("leader", 2);
    assertEquals(List.of(new Entry<>("leader", Proc.self(), 2)), registry.lookup("leader"));
  }

  @Test
  void uniqueKeyRefusesItsOwnHolderToo() {
    Registry<String, String> registry = unique();
    registry.register("k", "first");
    AlreadyRegisteredException again = assertThrows(AlreadyRegisteredException.class, () -> registry.register("k", "second"));
    assertEquals(Proc.self(), again.holder());
    assertEquals(List.of("k"), registry.keys(Proc.self()));
    assertEquals("first", registry.lookup("k").get(0).value());
  }

  @Test
  void lookupFindsPidAndValueFromAnyProcess() {
    Registry<String, String> registry = unique();
    registry.register("hello", "world");
    Pid test = Proc.self();
    Proc.spawn(() -> test.send(registry.lookup("hello")));
    assertEquals(List.of(new Entry<>("hello", test, "world")), next(List.class));
    assertEquals(List.of(), registry.lookup("nobody"));
  }

  @RepeatedTest(20)
  void entryVanishesWhenProcessExits() {
    Registry<String, String> registry = unique();
    Spawned normal = registrant(registry, "normal", "a");
    Spawned killed = registrant(registry, "killed", "b");
    assertEquals(2, registry.count());

    normal.pid().send("stop");
    assertEquals(ExitReason.normal(), down(normal.ref()).reason());
    assertEquals(List.of(), registry.lookup("normal"));
    assertEquals(List.of(), registry.keys(normal.pid()));

    Proc.exit(killed.pid(), ExitReason.kill()); // the exit, and its hook, run on this thread
    assertEquals(ExitReason.killed(), down(killed.ref()).reason());
    assertEquals(List.of(), registry.lookup("killed"));
    assertEquals(0, registry.count());
  }

  @RepeatedTest(20)
  void entryIsGoneBeforeDownEvenForACrash() {
    Registry<String, String> registry = unique();
    Pid test = Proc.self();
    Spawned crasher = Proc.spawnMonitor(() -> {
      registry.register("crash", "x");
      test.send("registered");
      Proc.receive(m -> m.equals("go"), WAIT);
      throw new IllegalStateException("boom (expected by the test)");
    });
    expect("registered");
    crasher.pid().send("go");
    Down d = down(crasher.ref());
    assertEquals(ExitReason.Kind.CRASH, d.reason().kind());
    assertEquals(List.of(), registry.lookup("crash"));
    assertEquals(0, registry.count());
  }

  @Test
  void unregisterFreesTheKey() {
    Registry<String, Integer> registry = unique();
    registry.register("a", 1);
    registry.register("b", 2);
    assertTrue(registry.unregister("a"));
    assertFalse(registry.unregister("a"), "nothing left under a");
    assertEquals(List.of(), registry.lookup("a"));
    assertEquals(List.of("b"), registry.keys(Proc.self()));
    assertTrue(registry.unregister("b"));
    assertEquals(0, registry.count());
    registry.register("a", 3);
    assertEquals(3, registry.lookup("a").get(0).value());
  }

  @Test
  void unregisterTouchesOnlyTheCallersEntries() {
    Registry<String, Integer> registry = unique();
    Spawned other = registrant(registry, "theirs", 1);
    assertFalse(registry.unregister("theirs"));
    assertEquals(1, registry.lookup("theirs").size());
    other.pid().send("stop");
    down(other.ref());
  }

  @Test
  void partitionedUniqueRegistryFindsEveryKey() {
    Registry<Integer, String> registry = start(RegistrySpec.unique("partitioned-" + NAMES.incrementAndGet()).partitions(8));
    for (int i = 0; i < 200; i++) {
      registry.register(i, "v" + i);
    }
    for (int i = 0; i < 200; i++) {
      assertEquals(List.of(new Entry<>(i, Proc.self(), "v" + i)), registry.lookup(i));
    }
    assertEquals(200, registry.count());
    assertEquals(200, registry.keys(Proc.self()).size());
    assertEquals(8, registry.spec().partitions());
  }

  // ------------------------------------------------------------------ duplicate keys

  @RepeatedTest(10)
  void duplicateKeysDispatchToAll() {
    Registry<String, String> registry = duplicate(4);
    Pid test = Proc.self();
    List<Spawned> subscribers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String name = "sub" + i;
      Spawned s = Proc.spawnMonitor(() -> {
        registry.register("topic", name);
        test.send(new Registered(Proc.self()));
        Object event = Proc.receive(String.class, WAIT).orElseThrow();
        test.send(name + " got " + event);
      });
      next(Registered.class);
      subscribers.add(s);
    }
    assertEquals(20, registry.lookup("topic").size());

    List<Integer> batchSizes = new ArrayList<>();
    registry.dispatch("topic", entries -> {
      batchSizes.add(entries.size());
      entries.forEach(e -> e.pid().send("news"));
    });
    assertTrue(batchSizes.size() >= 1 && batchSizes.size() <= 4, "one call per partition with entries: " + batchSizes);
    assertFalse(batchSizes.contains(0), "never called with no entries: " + batchSizes);
    assertEquals(20, batchSizes.stream().mapToInt(Integer::intValue).sum());
    for (int i = 0; i < 20; i++) {
      expect("sub" + i + " got news");
    }
    subscribers.forEach(s -> down(s.ref()));
    assertEquals(0, registry.count());
    registry.dispatch("topic", entries -> { throw new AssertionError("dispatched to a key without entries: " + entries); });
  }

  @Test
  void duplicateRegistryTakesTheSameKeyTwiceFromOneProcess() {
    Registry<String, String> registry = duplicate(1);
    registry.register("hello", "world");
    registry.register("hello", "world");
    assertEquals(List.of("hello", "hello"), registry.keys(Proc.self()));
    assertEquals(2, registry.lookup("hello").size());
    assertEquals(2, registry.count());
    assertTrue(registry.unregister("hello"));
    assertEquals(List.of(), registry.keys(Proc.self()));
    assertEquals(List.of(), registry.lookup("hello"));
    assertEquals(0, registry.count());
  }

  @Test
  void duplicateUnregisterLeavesOtherProcessesEntries() {
    Registry<String, Integer> registry = duplicate(2);
    Spawned other = registrant(registry, "k", 1);
    registry.register("k", 2);
    assertTrue(registry.unregister("k"));
    assertEquals(List.of(new Entry<>("k", other.pid(), 1)), registry.lookup("k"));
    other.pid().send("stop");
    down(other.ref());
  }

  @Test
  void selectAndMatchFilterOverKeysPidsAndValues() {
    Registry<String, Integer> registry = duplicate(3);
    registry.register("even", 2);
    registry.register("even", 4);
    registry.register("odd", 3);
    Spawned other = registrant(registry, "odd", 5);

    Set<Integer> big = new HashSet<>();
    registry.select(e -> e.value() > 2).forEach(e -> big.add(e.value()));
    assertEquals(Set.of(3, 4, 5), big);
    assertEquals(2, registry.count(e -> e.key().equals("odd")));
    assertEquals(3, registry.count(e -> e.pid().equals(Proc.self())));
    assertEquals(List.of(new Entry<>("odd", other.pid(), 5)), registry.match("odd", v -> v > 4));
    assertEquals(4, registry.count());

    other.pid().send("stop");
    down(other.ref());
    assertEquals(0, registry.count(e -> e.pid().equals(other.pid())));
  }

  // ------------------------------------------------------------------ the registry's own life

  @Test
  void stoppedRegistryRefusesCalls() {
    Registry<String, Integer> registry = unique();
    registry.register("a", 1);
    Pid pid = registry.pid();
    assertEquals(pid, Proc.whereis(registry.name()).orElseThrow(), "a registry is registered under its name");
    registry.stop();
    assertFalse(registry.isRunning());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.lookup("a"));
    assertTrue(e.getMessage().contains(registry.name()), e.getMessage());
    assertThrows(IllegalStateException.class, () -> registry.register("b", 2));
    assertTrue(registry.whereisName("a").isEmpty(), "a via name in a stopped registry finds nothing");
    assertTrue(Proc.self().isAlive(), "a normal stop does not take registrants along");
  }

  @RepeatedTest(10)
  void crashedRegistryTakesItsRegistrantsAlong() {
    Registry<String, Integer> registry = unique();
    Spawned plain = registrant(registry, "plain", 1);
    Pid test = Proc.self();
    Spawned trapping = Proc.spawnMonitor(() -> {
      Proc.trapExits(true);
      registry.register("trapping", 2);
      test.send(new Registered(Proc.self()));
      test.send(Proc.receive(dev.arbor.Exit.class, WAIT).orElseThrow());
    });
    next(Registered.class);
    Pid registryPid = registry.pid();

    Proc.exit(registryPid, ExitReason.kill());
    assertEquals(ExitReason.killed(), down(plain.ref()).reason(), "as if linked, as Elixir links registrants");
    dev.arbor.Exit exit = next(dev.arbor.Exit.class);
    assertEquals(registryPid, exit.from());
    assertEquals(ExitReason.killed(), exit.reason());
    assertEquals(ExitReason.normal(), down(trapping.ref()).reason());
    assertFalse(registry.isRunning());
  }

  @Test
  void startingTwoRegistriesUnderOneNameFails() {
    Registry<String, Integer> registry = unique();
    dev.arbor.server.StartException e = assertThrows(dev.arbor.server.StartException.class,
        () -> Registry.start(RegistrySpec.duplicate(registry.name())));
    assertTrue(String.valueOf(e.getCause()).contains(registry.name()), String.valueOf(e.getCause()));
    assertEquals(RegistrySpec.Keys.UNIQUE, registry.spec().keys(), "the first registry is untouched");
  }

  @RepeatedTest(5)
  void registryUnderSupervisorRestartsAndItsRegistrantsWithIt() {
    restartsWithRegistrants(dev.arbor.supervisor.SupervisorSpec.restForOne());
  }

  /** The registrant's exit reaches the supervisor after the registry's, so the registry restarts first. */
  @RepeatedTest(5)
  void oneForOneRestartsTheRegistryBeforeItsRegistrants() {
    restartsWithRegistrants(dev.arbor.supervisor.SupervisorSpec.oneForOne());
  }

  private void restartsWithRegistrants(dev.arbor.supervisor.SupervisorSpec strategy) {
    String name = "supervised-" + NAMES.incrementAndGet();
    Registry<String, String> registry = Registry.of(name);
    Pid test = Proc.self();
    var sup = dev.arbor.supervisor.Supervisor.start(strategy
        .child(Registry.childSpec(RegistrySpec.unique(name)))
        .child(dev.arbor.supervisor.ChildSpec.worker("worker", () -> java.util.Optional.of(Proc.spawnLink(() -> {
          registry.register("worker", "w");
          test.send(new Registered(Proc.self()));
          Proc.receive();
        })))));
    try {
      Pid first = next(Registered.class).pid();
      assertEquals(first, registry.lookup("worker").get(0).pid());
      Pid oldRegistry = registry.pid();

      Proc.exit(oldRegistry, ExitReason.kill());
      Pid second = next(Registered.class).pid();
      assertFalse(first.isAlive());
      assertFalse(oldRegistry.equals(registry.pid()), "a new registry process");
      assertEquals(List.of(new Entry<>("worker", second, "w")), registry.lookup("worker"));
    } finally {
      sup.stop();
    }
  }

  @Test
  void registryRejectsNullsNamingThem() {
    Registry<String, Integer> registry = unique();
    assertEquals("key", assertThrows(NullPointerException.class, () -> registry.register(null, 1)).getMessage());
    assertEquals("key", assertThrows(NullPointerException.class, () -> registry.lookup(null)).getMessage());
    assertEquals("pid", assertThrows(NullPointerException.class, () -> registry.keys(null)).getMessage());
    assertEquals("consumer", assertThrows(NullPointerException.class, () -> registry.dispatch("k", null)).getMessage());
    assertEquals("match", assertThrows(NullPointerException.class, () -> registry.select(null)).getMessage());
    assertEquals("spec", assertThrows(NullPointerException.class, () -> Registry.start(null)).getMessage());
    assertEquals("name", assertThrows(NullPointerException.class, () -> RegistrySpec.unique(null)).getMessage());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> RegistrySpec.unique("x").partitions(0));
    assertTrue(zero.getMessage().contains("0"), zero.getMessage());
  }

  @Test
  void valuesMayBeNull() {
    Registry<String, String> registry = unique();
    registry.register("k", null);
    assertEquals(List.of(new Entry<String, String>("k", Proc.self(), null)), registry.lookup("k"));
  }

  @Test
  void keysOfADeadProcessAreEmpty() {
    Registry<String, String> registry = duplicate(2);
    Spawned s = registrant(registry, "k", "v");
    assertEquals(List.of("k"), registry.keys(s.pid()));
    Proc.exit(s.pid(), ExitReason.kill());
    down(s.ref());
    assertEquals(List.of(), registry.keys(s.pid()));
    assertEquals(ExitReason.noproc(), downOf(s.pid()).reason());
  }

  @Test
  void trappingRegistrantSurvivesANormalStop() {
    Registry<String, String> registry = unique();
    Proc.trapExits(true);
    registry.register("me", "v");
    Pid registryPid = registry.pid();
    registry.stop();
    assertEquals(ExitReason.normal(), exitFrom(registryPid).reason());
    assertTrue(Proc.self().isAlive());
  }
}
