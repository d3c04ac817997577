package dev.arbor.bench.ring;

import dev.arbor.bench.common.PekkoEcho;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** Pekko actors in a ring: each learns its successor from its first message, then forwards the token. */
final class PekkoRing implements Ring {
  private sealed interface Msg {}

  private record Next(ActorRef<Msg> next) implements Msg {}

  private record Token(int hops) implements Msg {}

  private record Build(int size, CountDownLatch built, AtomicReference<ActorRef<Msg>> first) {}

  private final ActorSystem<SpawnProtocol.Command> system = PekkoEcho.system("ring");
  private volatile CountDownLatch lap;
  private ActorRef<Msg> first;

  private Behavior<Msg> node() {
    return Behaviors.receiveMessage(msg -> {
      if (msg instanceof Next n) {
        ActorRef<Msg> next = n.next();
        return Behaviors.receiveMessage(token -> {
          int hops = ((Token) token).hops();
          if (hops == 0) {
            lap.countDown();
          } else {
            next.tell(new Token(hops - 1));
          }
          return Behaviors.same();
        });
      }
      throw new IllegalStateException("a ring node got a token before its successor");
    });
  }

  @Override
  public void build(int size) throws Exception {
    AtomicReference<ActorRef<Msg>> holder = new AtomicReference<>();
    CountDownLatch built = new CountDownLatch(1);
    ActorRef<Build> builder = PekkoEcho.spawn(system, Behaviors.receive((ctx, b) -> {
      List<ActorRef<Msg>> ring = new ArrayList<>(b.size());
      for (int i = 0; i < b.size(); i++) {
        ring.add(ctx.spawnAnonymous(node()));
      }
      for (int i = 0; i < ring.size(); i++) {
        ring.get(i).tell(new Next(ring.get((i + 1) % ring.size())));
      }
      b.first().set(ring.get(0));
      b.built().countDown();
      return Behaviors.same();
    }));
    builder.tell(new Build(size, built, holder));
    built.await();
    first = holder.get();
  }

  @Override
  public void lap(int hops) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    lap = done;
    first.tell(new Token(hops));
    done.await();
  }
}
