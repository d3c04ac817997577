package dev.arbor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.ExitException;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.Reply;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartException;
import dev.arbor.server.StartOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input at the GenServer level, table-driven; {@code dev.arbor.BadInputTest} covers the process
 * primitives. Each row feeds one bad input to a running counter server that already has casts
 * queued and a caller whose mailbox holds three messages. Each must fail with the expected exception
 * whose message names what was wrong, and afterwards the caller's messages are all there in order
 * and the server has applied every cast queued before it.
 */
class ServerBadInputTest {
  private static final AtomicInteger NAMES = new AtomicInteger();

  /** A counter server, written as the processor would generate it. */
  static final class Counter {
    int count;
  }

  sealed interface Msg {
    record Get() implements Msg {}

    record Add(int amount) implements Msg {}

    record Defer(Pid to) implements Msg {}
  }

  static final class Dispatch implements Dispatcher<Counter, Msg> {
    @Override
    public Object dispatch(Counter s, Msg message, CallContext call) {
      return switch (message) {
        case Msg.Get m -> s.count;
        case Msg.Add m -> s.count += m.amount();
        case Msg.Defer m -> {
          Reply<Object> reply = call.deferReply();
          m.to().send(new Deferred(reply));
          yield null;
        }
      };
    }
  }

  record Deferred(Reply<Object> reply) {}

  static final ServerType<Counter, Msg> TYPE =
      ServerType.builder(Counter.class, Counter.class, new Dispatch()).build();

  /** What a row gets: the running server, its registered name, and the caller's pid. */
  record Fixture(ServerRef<Msg> server, String name, Pid me) {}

  private Fixture fixture;

  @BeforeEach
  void start() {
    Proc.adopt();
    Pid me = Proc.self();
    String name = "bad-input-" + NAMES.incrementAndGet();
    ServerRef<Msg> server = ServerRef.start(TYPE, StartOptions.named(name), Counter::new);
    for (int i = 0; i < 10; i++) {
      server.cast(new Msg.Add(1));
    }
    me.send("first");
    me.send(2);
    me.send("third");
    fixture = new Fixture(server, name, me);
  }

  @AfterEach
  void stop() {
    if (fixture.server().pid().isAlive()) {
      fixture.server().stop();
    }
    Proc.release();
  }

  record Row(String what, Class<? extends RuntimeException> type, String mentions, Consumer<Fixture> action) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        new Row("null request to call", NullPointerException.class, "request",
            f -> f.server().call("get", null)),
        new Row("null handler name to call", NullPointerException.class, "handler",
            f -> f.server().call(null, new Msg.Get())),
        new Row("null request to callAsync", NullPointerException.class, "request",
            f -> f.server().callAsync("get", null)),
        new Row("null request to cast", NullPointerException.class, "request",
            f -> f.server().cast(null)),
        new Row("null call timeout", NullPointerException.class, "timeout",
            f -> f.server().withTimeout(null)),
        new Row("negative call timeout", IllegalArgumentException.class, "timeout",
            f -> f.server().withTimeout(Duration.ofMillis(-1))),
        new Row("zero call timeout", IllegalArgumentException.class, "timeout",
            f -> f.server().withTimeout(Duration.ZERO)),
        new Row("negative start timeout", IllegalArgumentException.class, "timeout",
            f -> StartOptions.defaults().timeout(Duration.ofMillis(-5))),
        new Row("negative stop timeout", IllegalArgumentException.class, "timeout",
            f -> f.server().stop(dev.arbor.ExitReason.normal(), Duration.ofMillis(-1))),
        new Row("negative sendAfter delay", IllegalArgumentException.class, "delay",
            f -> Proc.sendAfter(f.me(), "late", Duration.ofMillis(-1))),
        new Row("null sendAfter delay", NullPointerException.class, "delay",
            f -> Proc.sendAfter(f.me(), "late", null)),
        new Row("registering a taken name", IllegalArgumentException.class, "already registered",
            f -> Proc.register(f.name(), f.me())),
        new Row("starting a server under a taken name", StartException.class, "already registered",
            f -> ServerRef.start(TYPE, StartOptions.named(f.name()), Counter::new)),
        new Row("call on a stopped server", ExitException.class, "is not alive (calling get)",
            f -> {
              f.server().stop();
              f.server().call("get", new Msg.Get());
            }),
        new Row("call by name on a stopped server", ExitException.class, "registered",
            f -> {
              ServerRef<Msg> byName = ServerRef.of(TYPE, dev.arbor.Name.local(f.name()));
              f.server().stop();
              byName.call("get", new Msg.Get());
            }),
        new Row("Reply answered twice", IllegalStateException.class, "already sent",
            f -> {
              f.server().callAsync("defer", new Msg.Defer(f.me()));
              Deferred d = (Deferred) Proc.receive(m -> m instanceof Deferred, Duration.ofSeconds(10))
                  .orElseThrow(() -> new AssertionError("no deferred reply"));
              d.reply().send(1);
              d.reply().send(2);
            }))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void badInputIsRejectedClearlyAndLosesNothing(Row row) {
    RuntimeException e = assertThrows(row.type(), () -> row.action().accept(fixture), row.what());
    assertTrue(e.getMessage() != null && e.getMessage().contains(row.mentions()),
        () -> row.what() + ": expected the message to mention '" + row.mentions() + "': " + e.getMessage());
    // The caller's queued messages survive, in order.
    List<Object> got = Stream.of(1, 2, 3)
        .map(i -> Proc.receive(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("a queued message was lost")))
        .toList();
    assertEquals(List.of("first", 2, "third"), got, row.what());
    assertEquals(Optional.empty(), Proc.receive(m -> m instanceof String || m instanceof Integer, Duration.ZERO));
    // A live server applied every cast queued before the bad input.
    if (fixture.server().pid().isAlive()) {
      int count = fixture.server().call("get", new Msg.Get());
      assertEquals(10, count, row.what() + ": the server lost queued casts");
    }
  }

  @org.junit.jupiter.api.Test
  void anUnknownInfoMessageIsDroppedAndTheServerKeepsItsQueue() {
    fixture.server().pid().send(new Object() {
      @Override
      public String toString() {
        return "an unknown message";
      }
    });
    fixture.server().cast(new Msg.Add(5));
    int count = fixture.server().call("get", new Msg.Get());
    assertEquals(15, count);
    assertTrue(fixture.server().pid().isAlive());
  }
}
