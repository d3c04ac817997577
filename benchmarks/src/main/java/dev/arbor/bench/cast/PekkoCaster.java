package dev.arbor.bench.cast;

import dev.arbor.bench.common.PekkoEcho;
import java.util.concurrent.CountDownLatch;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Producer actors {@code tell} the echo server; a launcher actor spawns them (one message from the
 * benchmark thread per batch), and a blocking ask reads the count at the end.
 */
final class PekkoCaster implements Caster {
  private record Launch(int producers, int each, CountDownLatch sent) {}

  private final ActorSystem<SpawnProtocol.Command> system = PekkoEcho.system("cast");
  private final ActorRef<PekkoEcho.Msg> server = PekkoEcho.spawn(system, PekkoEcho.server());
  private final ActorRef<Launch> launcher = PekkoEcho.spawn(system, launcher(server));

  private static Behavior<Launch> launcher(ActorRef<PekkoEcho.Msg> server) {
    return Behaviors.receive((ctx, launch) -> {
      for (int p = 0; p < launch.producers(); p++) {
        ctx.spawnAnonymous(producer(server, launch.each(), launch.sent()));
      }
      return Behaviors.same();
    });
  }

  private static Behavior<Void> producer(ActorRef<PekkoEcho.Msg> server, int casts, CountDownLatch sent) {
    return Behaviors.setup(ctx -> {
      for (int i = 0; i < casts; i++) {
        server.tell(new PekkoEcho.Hit());
      }
      sent.countDown();
      return Behaviors.stopped();
    });
  }

  @Override
  public long batch(int producers, int casts) {
    CountDownLatch sent = new CountDownLatch(producers);
    launcher.tell(new Launch(producers, casts / producers, sent));
    try {
      sent.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return PekkoEcho.hits(system, server);
  }

  @Override
  public void close() {
    PekkoEcho.terminate(system);
  }
}
