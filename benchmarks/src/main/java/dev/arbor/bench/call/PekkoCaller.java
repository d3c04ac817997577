package dev.arbor.bench.call;

import dev.arbor.bench.common.PekkoEcho;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.SpawnProtocol;

/**
 * The echo server as a Pekko actor; an actor calls it (request with {@code replyTo}, answer, next
 * request), and a plain thread calls it with a blocking ask.
 */
public final class PekkoCaller implements Caller {
  private final ActorSystem<SpawnProtocol.Command> system;
  private final ActorRef<PekkoEcho.Msg> server;
  private final ActorRef<PekkoEcho.DriverMsg> driver;

  PekkoCaller() {
    this(PekkoEcho.system("call"));
  }

  /** A server and a calling actor in {@code system}, which {@link #close()} terminates. */
  public PekkoCaller(ActorSystem<SpawnProtocol.Command> system) {
    this.system = system;
    this.server = PekkoEcho.spawn(system, PekkoEcho.server());
    this.driver = PekkoEcho.spawn(system, PekkoEcho.caller(server));
  }

  @Override
  public long fromProcess(int calls) {
    CompletableFuture<Long> done = new CompletableFuture<>();
    driver.tell(new PekkoEcho.Run(calls, done));
    return PekkoEcho.await(done);
  }

  @Override
  public long fromThread(long value) {
    return PekkoEcho.ask(system, server, value);
  }

  @Override
  public void close() {
    PekkoEcho.terminate(system);
  }
}
