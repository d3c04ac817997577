package dev.arbor.bench.cast;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.bench.common.EchoServerClient;

/** Producer processes cast {@code hit()} through the client; the benchmark thread then calls {@code hits()}. */
final class ArborCaster implements Caster {
  private static final Object DONE = "done";
  private final EchoServerClient server = EchoServerClient.start();

  @Override
  public long batch(int producers, int casts) {
    Pid me = Proc.self();
    int each = casts / producers;
    EchoServerClient client = server;
    for (int p = 0; p < producers; p++) {
      Proc.spawn(() -> {
        for (int i = 0; i < each; i++) {
          client.hit();
        }
        me.send(DONE);
      });
    }
    for (int p = 0; p < producers; p++) {
      Proc.receive();
    }
    return server.hits();
  }

  @Override
  public void close() {
    server.stop();
  }
}
