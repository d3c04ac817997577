package dev.arbor.registry;

import static dev.arbor.task.TestWaits.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Adopted;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartException;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorEvent;
import dev.arbor.supervisor.SupervisorSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * {@code Name.via(registry, key)} with a server written the way the processor writes one (its
 * generated client's {@code of(Name)} is {@code ServerRef.of(TYPE, name)}, which this uses).
 */
class ViaNameTest {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private Registry<String, Object> registry;
  private Adopted me;

  /** A counter server: its state, message type and dispatcher. */
  static final class Counter {
    int count;

    Counter(int initial) {
      count = initial;
    }

    sealed interface Msg {
      record Add(int amount) implements Msg {}

      record Get() implements Msg {}
    }

    static final ServerType<Counter, Msg> TYPE =
        ServerType.builder(Counter.class, Counter.class, new Dispatcher<Counter, Msg>() {
          @Override
          public Object dispatch(Counter c, Msg m, CallContext call) {
            return switch (m) {
              case Msg.Add add -> c.count += add.amount();
              case Msg.Get get -> c.count;
            };
          }
        }).build();

    static ServerRef<Msg> start(Name name, int initial) {
      return ServerRef.start(TYPE, StartOptions.named(name), () -> new Counter(initial));
    }
  }

  @BeforeEach
  void setUp() {
    me = Proc.adopt();
    registry = Registry.start(RegistrySpec.unique("via-" + NAMES.incrementAndGet()));
  }

  @AfterEach
  void tearDown() {
    if (registry.isRunning()) {
      registry.stop();
    }
    me.close();
  }

  @RepeatedTest(10)
  void viaNameResolvesGeneratedClient() {
    Name name = Name.via(registry, "counter");
    ServerRef<Counter.Msg> started = Counter.start(name, 10);
    ServerRef<Counter.Msg> byName = ServerRef.of(Counter.TYPE, name);

    assertEquals(15, (int) byName.call("add", new Counter.Msg.Add(5)));
    assertEquals(started.pid(), byName.pid());
    assertEquals(List.of(new Registry.Entry<>("counter", started.pid(), null)), registry.lookup("counter"));
    assertEquals(List.of("counter"), registry.keys(started.pid()));

    byName.stop();
    assertEquals(List.of(), registry.lookup("counter"), "released when the server exits");
    ExitException noproc = assertThrows(ExitException.class, () -> byName.call("get", new Counter.Msg.Get()));
    assertEquals(ExitReason.noproc(), noproc.reason());
    assertTrue(noproc.getMessage().contains("counter"), noproc.getMessage());

    ServerRef<Counter.Msg> again = Counter.start(name, 0);
    assertEquals(0, (int) byName.call("get", new Counter.Msg.Get()), "the name finds the new server at each call");
    again.stop();
  }

  @Test
  void takenViaNameFailsTheStartNamingTheHolder() {
    Name name = Name.via(registry, "only");
    ServerRef<Counter.Msg> first = Counter.start(name, 1);
    StartException e = assertThrows(StartException.class, () -> Counter.start(name, 2));
    AlreadyRegisteredException cause = assertInstanceOf(AlreadyRegisteredException.class, e.getCause());
    assertEquals(first.pid(), cause.holder());
    assertEquals(1, registry.count(), "the failed server left nothing registered");
    first.stop();
  }

  @Test
  void viaNamedServerRestartsUnderItsName() {
    Name name = Name.via(registry, "supervised");
    var sup = Supervisor.start(SupervisorSpec.oneForOne()
        .child(ServerRef.childSpec(Counter.TYPE, StartOptions.named(name), () -> new Counter(7))));
    try {
      sup.subscribe(Proc.self());
      ServerRef<Counter.Msg> byName = ServerRef.of(Counter.TYPE, name);
      Pid first = byName.pid();
      assertEquals(8, (int) byName.call("add", new Counter.Msg.Add(1)));
      Proc.exit(first, ExitReason.kill());
      SupervisorEvent.ChildRestarted restarted = next(SupervisorEvent.ChildRestarted.class);
      assertEquals(first, restarted.oldPid());
      assertEquals(restarted.newPid(), registry.whereisName("supervised").orElseThrow());
      assertEquals(7, (int) byName.call("get", new Counter.Msg.Get()), "the restarted server starts afresh");
    } finally {
      sup.stop();
    }
  }

  @Test
  void aProcessRegistersOnlyItselfUnderAViaName() {
    Pid other = Proc.spawn(() -> Proc.receive(dev.arbor.task.TestWaits.WAIT));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Name.via(registry, "x").register(other));
    assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
    Proc.exit(other, ExitReason.kill());
  }

  @Test
  void viaNeedsAUniqueRegistry() {
    Registry<String, Object> dup = Registry.start(RegistrySpec.duplicate("via-dup-" + NAMES.incrementAndGet()));
    try {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
          () -> Name.via(dup, "k").whereis());
      assertTrue(e.getMessage().contains("unique"), e.getMessage());
      StartException start = assertThrows(StartException.class, () -> Counter.start(Name.via(dup, "k"), 0));
      assertInstanceOf(UnsupportedOperationException.class, start.getCause());
      assertEquals(0, dup.count());
    } finally {
      dup.stop();
    }
  }
}
