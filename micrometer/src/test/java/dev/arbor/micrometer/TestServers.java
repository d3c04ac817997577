package dev.arbor.micrometer;

import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerType;
import java.io.IOException;

/** Small servers for the binder's tests; each test uses its own server classes so that counts do not mix. */
final class TestServers {
  private TestServers() {}

  /** What a test server is asked: echo the text, fail with a declared exception, or crash. */
  sealed interface Msg {
    record Echo(String text) implements Msg {}

    record Refuse() implements Msg {}

    record Crash() implements Msg {}
  }

  /** A server type named after {@code serverClass}, whose state is a plain Object. */
  static ServerType<Object, Msg> type(Class<?> serverClass) {
    return ServerType.builder(serverClass, serverClass, new Dispatcher<Object, Msg>() {
      @Override
      public Object dispatch(Object server, Msg message, CallContext call) throws Throwable {
        return switch (message) {
          case Msg.Echo m -> m.text();
          case Msg.Refuse m -> throw new IOException("refused");
          case Msg.Crash m -> throw new IllegalStateException("crashed on purpose");
        };
      }
    }).build();
  }
}
