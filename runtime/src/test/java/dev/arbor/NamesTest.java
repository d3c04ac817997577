package dev.arbor;

import static dev.arbor.Waits.down;
import static dev.arbor.Waits.expect;
import static dev.arbor.Waits.next;
import static dev.arbor.Waits.noMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local name table: Erlang's {@code register/2}, {@code unregister/1} and {@code whereis/1}. */
@ExtendWith(WithIdentity.class)
class NamesTest {
  private static final AtomicLong NAMES = new AtomicLong();

  private static String freshName() {
    return "names-test-" + NAMES.incrementAndGet();
  }

  private static Runnable idle() {
    return () -> {
      for (; ; ) {
        Proc.receive();
      }
    };
  }

  @RepeatedTest(50)
  void registerWhereisAndUnregister() {
    String name = freshName();
    Pid p = Proc.spawn(idle());
    assertEquals(Optional.empty(), Proc.whereis(name));
    Proc.register(name, p);
    assertEquals(Optional.of(p), Proc.whereis(name));
    assertEquals(name, Proc.info(p).orElseThrow().name());
    assertTrue(Proc.unregister(name));
    assertFalse(Proc.unregister(name), "a second unregister finds nothing");
    assertEquals(Optional.empty(), Proc.whereis(name));
    assertNull(Proc.info(p).orElseThrow().name());
    // Free again: the same process, or another, may take it.
    Proc.register(name, p);
    assertEquals(Optional.of(p), Proc.whereis(name));
    Proc.exit(p, ExitReason.kill());
  }

  @RepeatedTest(50)
  void sendByNameReachesTheRegisteredProcess() {
    String name = freshName();
    Proc.register(name, Proc.self());
    Proc.send(Name.local(name), "by name");
    assertEquals("by name", next());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Proc.send(Name.local(freshName()), "nobody"));
    assertTrue(e.getMessage().contains("registered"), e.getMessage());
  }

  @RepeatedTest(50)
  void takenNameFailsNamingTheHolder() {
    String name = freshName();
    Pid holder = Proc.spawn(idle());
    Pid other = Proc.spawn(idle());
    Proc.register(name, holder);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Proc.register(name, other));
    assertTrue(e.getMessage().contains(holder.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertEquals(Optional.of(holder), Proc.whereis(name));
    assertNull(Proc.info(other).orElseThrow().name());
    Proc.exit(holder, ExitReason.kill());
    Proc.exit(other, ExitReason.kill());
  }

  @RepeatedTest(50)
  void aProcessHasAtMostOneName() {
    String first = freshName();
    String second = freshName();
    Pid p = Proc.spawn(idle());
    Proc.register(first, p);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Proc.register(second, p));
    assertTrue(e.getMessage().contains(first), e.getMessage());
    assertEquals(Optional.empty(), Proc.whereis(second), "the failed registration left the name taken");
    Proc.exit(p, ExitReason.kill());
  }

  @RepeatedTest(50)
  void spawnWithATakenNameFailsAndStartsNothing() {
    String name = freshName();
    Pid me = Proc.self();
    Pid holder = Proc.spawn(SpawnOptions.defaults().name(name), idle());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Proc.spawn(SpawnOptions.defaults().name(name), () -> me.send("ran")));
    assertTrue(e.getMessage().contains(holder.toString()), e.getMessage());
    noMessage(m -> m.equals("ran"), Duration.ofMillis(20), "a spawn that failed on its name ran its body");
    assertEquals(Optional.of(holder), Proc.whereis(name));
    Proc.exit(holder, ExitReason.kill());
  }

  @RepeatedTest(50)
  void registeringADeadPidFails() {
    Spawned s = Proc.spawnMonitor(() -> {});
    down(s);
    String name = freshName();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Proc.register(name, s.pid()));
    assertTrue(e.getMessage().contains(s.pid().toString()), e.getMessage());
    assertEquals(Optional.empty(), Proc.whereis(name));
  }

  @RepeatedTest(50)
  void nameIsFreedWhenProcessExits() {
    String name = freshName();
    Pid me = Proc.self();
    // A process that, on its watchee's Down, reports what whereis said at that moment.
    Pid observer = Proc.spawn(() -> {
      Pid target = Proc.receive(Pid.class, Waits.WAIT).orElseThrow();
      Proc.monitor(target);
      me.send("monitoring");
      Proc.receive(Down.class, Waits.WAIT).orElseThrow();
      me.send(Proc.whereis(name));
    });
    Pid p = Proc.spawn(SpawnOptions.defaults().name(name), idle());
    observer.send(p);
    expect("monitoring");
    p.send("unused");
    Proc.exit(p, ExitReason.of("gone"));
    assertEquals(Optional.empty(), Proc.whereis(name), "freed as soon as the exit signal was sent");
    assertEquals(Optional.empty(), next(), "the name was still registered when the Down arrived");
    // The freed name can be taken at once.
    Pid next = Proc.spawn(SpawnOptions.defaults().name(name), idle());
    assertEquals(Optional.of(next), Proc.whereis(name));
    Proc.exit(next, ExitReason.kill());
  }

  @RepeatedTest(50)
  void nameOfANormallyExitingProcessIsFreedBeforeItsDown() {
    String name = freshName();
    Pid me = Proc.self();
    Spawned s = Proc.spawnMonitor(() -> {
      Proc.register(name, Proc.self());
      me.send("registered");
    });
    expect("registered");
    down(s);
    assertEquals(Optional.empty(), Proc.whereis(name));
  }
}
