package dev.arbor.bench.call;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.bench.common.EchoServerClient;

/** An {@code EchoServer} and a process that calls it through the client, as user code would. */
public final class ArborCaller implements Caller {
  private record Run(int calls, Pid replyTo) {}

  private static final Object STOP = "stop";

  private final EchoServerClient server;
  private final Pid driver;

  public ArborCaller() {
    server = EchoServerClient.start();
    EchoServerClient client = server;
    driver = Proc.spawn(() -> {
      for (; ; ) {
        Object message = Proc.receive();
        if (!(message instanceof Run run)) {
          return;
        }
        long sum = 0;
        for (int i = run.calls(); i > 0; i--) {
          sum += client.echo(i);
        }
        run.replyTo().send(sum);
      }
    });
  }

  @Override
  public long fromProcess(int calls) {
    driver.send(new Run(calls, Proc.self()));
    return (Long) Proc.receive();
  }

  @Override
  public long fromThread(long value) {
    return server.echo(value);
  }

  @Override
  public void close() {
    driver.send(STOP);
    server.stop();
  }
}
