package dev.arbor.bench.common;

import dev.arbor.Pid;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartOptions;

/**
 * STAND-IN for the client that arbor-processor generates for {@link EchoServer}: while the processor
 * does not generate clients yet, this file is written the way its generated code calls the runtime (a
 * sealed message type with one record per handler, a switch dispatcher, a {@link ServerRef}). Delete
 * it, and put arbor-processor on the compiler's annotationProcessorPaths, once the processor works.
 */
public final class EchoServerClient {
  sealed interface Msg {
    record Echo(long value) implements Msg {}

    record Hit() implements Msg {}

    record Hits() implements Msg {}
  }

  private static final class Dispatch implements Dispatcher<EchoServer, Msg> {
    @Override
    public Object dispatch(EchoServer server, Msg message, CallContext call) {
      return switch (message) {
        case Msg.Echo m -> server.echo(m.value());
        case Msg.Hit m -> {
          server.hit();
          yield null;
        }
        case Msg.Hits m -> server.hits();
      };
    }
  }

  private static final ServerType<EchoServer, Msg> TYPE =
      ServerType.builder(EchoServer.class, EchoServerClient.class, new Dispatch()).build();

  private final ServerRef<Msg> ref;

  private EchoServerClient(ServerRef<Msg> ref) {
    this.ref = ref;
  }

  public static EchoServerClient start() {
    return start(StartOptions.defaults());
  }

  public static EchoServerClient start(StartOptions options) {
    return new EchoServerClient(ServerRef.start(TYPE, options, EchoServer::new));
  }

  public static EchoServerClient of(Pid pid) {
    return new EchoServerClient(ServerRef.of(TYPE, pid));
  }

  public Pid pid() {
    return ref.pid();
  }

  public long echo(long value) {
    Long reply = ref.call("echo", new Msg.Echo(value));
    return reply;
  }

  public void hit() {
    ref.cast(new Msg.Hit());
  }

  public long hits() {
    Long reply = ref.call("hits", new Msg.Hits());
    return reply;
  }

  public void stop() {
    ref.stop();
  }
}
