package dev.arbor.bench.spawn;

import dev.arbor.bench.call.Caller;
import dev.arbor.bench.call.PekkoCaller;
import dev.arbor.bench.common.PekkoEcho;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Idle echo-server actors spawned by one actor. Pekko's spawn does not wait for the child's setup, so
 * the time runs until every child has run its setup (each counts down a latch there): the start of
 * {@code count} actors, measured as throughput rather than one synchronous start after another.
 */
final class PekkoSpawner implements Spawner {
  private record Spawn(int count, CountDownLatch setUp, CompletableFuture<ActorRef<?>[]> spawned) {}

  private final ActorSystem<SpawnProtocol.Command> system = PekkoEcho.system("spawn");
  private final PekkoCaller caller = new PekkoCaller(system);
  private final ActorRef<Spawn> spawner = PekkoEcho.spawn(system, spawner());
  private ActorRef<?>[] servers = new ActorRef<?>[0];

  private static Behavior<Spawn> spawner() {
    return Behaviors.receive((ctx, spawn) -> {
      ActorRef<?>[] refs = new ActorRef<?>[spawn.count()];
      for (int i = 0; i < refs.length; i++) {
        refs[i] = ctx.spawnAnonymous(idleServer(spawn.setUp()));
      }
      spawn.spawned().complete(refs);
      return Behaviors.same();
    });
  }

  private static Behavior<PekkoEcho.Msg> idleServer(CountDownLatch setUp) {
    return Behaviors.setup(ctx -> {
      setUp.countDown();
      return PekkoEcho.server();
    });
  }

  @Override
  public Caller caller() {
    return caller;
  }

  @Override
  public long startIdle(int count) throws Exception {
    CountDownLatch setUp = new CountDownLatch(count);
    CompletableFuture<ActorRef<?>[]> spawned = new CompletableFuture<>();
    long t0 = System.nanoTime();
    spawner.tell(new Spawn(count, setUp, spawned));
    setUp.await();
    long nanos = System.nanoTime() - t0;
    servers = PekkoEcho.await(spawned);
    return nanos;
  }

  @Override
  public int alive() {
    return servers.length;
  }
}
