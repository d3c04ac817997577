package dev.arbor.server;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A server written the way the processor writes one: a plain class, a sealed message type with one
 * record per handler, and a hand-written {@link Dispatcher}. It lets the loop be tested on its own.
 */
final class TestServer {
  /** Where the server reports what happened, so tests wait on messages instead of sleeping. */
  final Pid observer;
  int count;
  final List<String> infos = new ArrayList<>();

  TestServer(Pid observer, int initial) {
    this.observer = observer;
    this.count = initial;
  }

  sealed interface Msg {
    record Get() implements Msg {}

    record Add(int amount) implements Msg {}

    record Increment() implements Msg {}

    record Fail(RuntimeException e) implements Msg {}

    record Load(String key) implements Msg {}

    record Block(CountDownLatch release) implements Msg {}

    record Deferred() implements Msg {}

    record Caller() implements Msg {}

    record CallSelf() implements Msg {}

    record Stop(ExitReason reason) implements Msg {}

    record ContinueTo(String value) implements Msg {}

    record Hibernate() implements Msg {}

    record ThreadOf() implements Msg {}

    record ExitWith(ExitReason reason) implements Msg {}
  }

  /** An @Info type hierarchy: the most specific wins, then declaration order. */
  interface Event {}

  interface Tagged {}

  record Tick() implements Event {}

  record Special() implements Event, Tagged {}

  static final List<Reply<Object>> PARKED_REPLIES = new java.util.concurrent.CopyOnWriteArrayList<>();

  static class Dispatch implements Dispatcher<TestServer, Msg> {
    final boolean initIgnores;
    final boolean initThrows;
    final boolean initContinues;

    Dispatch(boolean initIgnores, boolean initThrows, boolean initContinues) {
      this.initIgnores = initIgnores;
      this.initThrows = initThrows;
      this.initContinues = initContinues;
    }

    @Override
    public Object dispatch(TestServer s, Msg message, CallContext call) throws Throwable {
      return switch (message) {
        case Msg.Get m -> s.count;
        case Msg.Add m -> s.count += m.amount();
        case Msg.Increment m -> {
          s.count++;
          yield null;
        }
        case Msg.Fail m -> throw m.e();
        case Msg.Load m -> {
          if (m.key().isEmpty()) {
            throw new IOException("empty key");
          }
          yield m.key().toUpperCase();
        }
        case Msg.Block m -> {
          s.observer.send("blocked");
          m.release().await();
          yield "released";
        }
        case Msg.Deferred m -> {
          Reply<Object> reply = call.deferReply(IOException.class);
          PARKED_REPLIES.add(reply);
          s.observer.send(reply);
          yield null;
        }
        case Msg.Caller m -> Server.caller();
        case Msg.CallSelf m -> ServerRef.of(TYPE, Proc.self()).call("get", new Msg.Get());
        case Msg.Stop m -> {
          Server.stopSelf(m.reason());
          yield "stopping";
        }
        case Msg.ContinueTo m -> {
          Server.continueWith(m.value());
          yield "continuing";
        }
        case Msg.Hibernate m -> {
          Server.hibernate();
          yield null;
        }
        case Msg.ThreadOf m -> Thread.currentThread();
        case Msg.ExitWith m -> {
          Proc.exit(m.reason());
          yield "still here";
        }
      };
    }

    @Override
    public boolean info(TestServer s, Object message) {
      if (message instanceof Special m) {
        s.observer.send("info:special");
        return true;
      }
      if (message instanceof Tick m) {
        s.observer.send("info:tick");
        return true;
      }
      if (message instanceof Event m) {
        s.observer.send("info:event");
        return true;
      }
      if (message instanceof Tagged m) {
        s.observer.send("info:tagged");
        return true;
      }
      if (message instanceof dev.arbor.Exit m) {
        s.observer.send("info:exit " + m.reason());
        return true;
      }
      if (message instanceof String m) {
        s.observer.send("info:" + m);
        return true;
      }
      return false;
    }

    @Override
    public boolean handleContinue(TestServer s, Object value) {
      if (value instanceof String v) {
        s.observer.send("continue:" + v);
        return true;
      }
      return false;
    }

    @Override
    public void init(TestServer s) {
      if (initThrows) {
        throw new IllegalStateException("init failed");
      }
      if (initIgnores) {
        Server.ignore();
      }
      if (initContinues) {
        Server.continueWith("after-init");
      }
    }

    @Override
    public void terminate(TestServer s, ExitReason reason) {
      s.observer.send("terminate:" + reason);
    }
  }

  static final ServerType<TestServer, Msg> TYPE =
      ServerType.builder(TestServer.class, TestServer.class, new Dispatch(false, false, false)).build();

  static ServerType<TestServer, Msg> type(boolean trapExits, Dispatch dispatch) {
    return ServerType.builder(TestServer.class, TestServer.class, dispatch).trapExits(trapExits).build();
  }
}
