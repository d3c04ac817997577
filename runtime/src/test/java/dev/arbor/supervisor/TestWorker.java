package dev.arbor.supervisor;

import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.SpawnOptions;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.Server;
import dev.arbor.server.ServerFactory;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartOptions;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A child written the way the processor writes a server: a plain class, a sealed message type and a
 * hand-written {@link Dispatcher}. It tells an observer when it starts and when it terminates, so
 * tests see start and stop order as messages instead of sleeping.
 */
final class TestWorker {
  /** Sent from {@code @Init}. */
  record Started(String id, Pid pid) {}

  /** Sent from {@code @Terminate}, before the process exits. */
  record Terminated(String id, Pid pid, ExitReason reason) {}

  /** Sent by a {@link #stubborn} child for every exit signal it traps and ignores. */
  record IgnoredExit(String id, ExitReason reason) {}

  sealed interface Msg {
    record Ping() implements Msg {}

    record Crash() implements Msg {}

    record StopWith(ExitReason reason) implements Msg {}
  }

  final String id;
  final Pid observer;
  final Runnable onTerminate;

  TestWorker(String id, Pid observer, Runnable onTerminate) {
    this.id = id;
    this.observer = observer;
    this.onTerminate = onTerminate;
  }

  static final class Dispatch implements Dispatcher<TestWorker, Msg> {
    @Override
    public Object dispatch(TestWorker w, Msg message, CallContext call) {
      return switch (message) {
        case Msg.Ping p -> "pong from " + w.id;
        case Msg.Crash c -> throw new IllegalStateException("crash requested of " + w.id);
        case Msg.StopWith s -> {
          Server.stopSelf(s.reason());
          yield null;
        }
      };
    }

    @Override
    public void init(TestWorker w) {
      w.observer.send(new Started(w.id, Proc.self()));
    }

    @Override
    public void terminate(TestWorker w, ExitReason reason) {
      w.onTerminate.run();
      w.observer.send(new Terminated(w.id, Proc.self(), reason));
    }
  }

  /** Traps exits, so that a supervisor's {@code shutdown} runs {@code @Terminate}, as for {@code @GenServer(trapExits = true)}. */
  static final ServerType<TestWorker, Msg> TYPE =
      ServerType.builder(TestWorker.class, TestWorker.class, new Dispatch()).trapExits(true).build();

  /** A permanent worker with id {@code id}. */
  static ChildSpec spec(String id, Pid observer) {
    return spec(id, observer, () -> {});
  }

  static ChildSpec spec(String id, Pid observer, Runnable onTerminate) {
    return ServerRef.childSpec(TYPE, StartOptions.defaults(), () -> new TestWorker(id, observer, onTerminate))
        .withId(id);
  }

  /** A worker registered under the local name {@code name}, which is also its id. */
  static ChildSpec named(String name, Pid observer) {
    return ServerRef.childSpec(TYPE, StartOptions.named(name), () -> new TestWorker(name, observer, () -> {}));
  }

  /** A worker whose construction fails while {@code fail} says so. */
  static ChildSpec failingWhile(String id, Pid observer, BooleanSupplier fail) {
    ServerFactory<TestWorker> factory = () -> {
      if (fail.getAsBoolean()) {
        throw new IllegalStateException("start of " + id + " refused");
      }
      return new TestWorker(id, observer, () -> {});
    };
    return ServerRef.childSpec(TYPE, StartOptions.defaults(), factory).withId(id);
  }

  /** A plain process that traps exits and ignores them all: only {@code kill} ends it. */
  static ChildSpec stubborn(String id, Pid observer) {
    return ChildSpec.worker(id, () -> Optional.of(Proc.spawn(SpawnOptions.defaults().link(true).trapExits(true), () -> {
      observer.send(new Started(id, Proc.self()));
      for (; ; ) {
        if (Proc.receive() instanceof Exit e) {
          observer.send(new IgnoredExit(id, e.reason()));
        }
      }
    })));
  }

  static void crash(Pid pid) {
    ServerRef.of(TYPE, pid).cast(new Msg.Crash());
  }

  static void stopWith(Pid pid, ExitReason reason) {
    ServerRef.of(TYPE, pid).cast(new Msg.StopWith(reason));
  }

  static String ping(Pid pid) {
    return ServerRef.of(TYPE, pid).call("ping", new Msg.Ping());
  }
}
