package dev.arbor.bench.common;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * {@link EchoServer}'s protocol as Pekko typed behaviors, written the way Pekko's documentation
 * writes request and response: the request carries the {@code replyTo} ref. Pekko runs with its
 * default dispatcher; only logging of dead letters is turned off.
 */
public final class PekkoEcho {
  private PekkoEcho() {}

  /** What the echo server takes. */
  public sealed interface Msg {}

  /** A call: answer {@code value} to {@code replyTo}. */
  public record Echo(long value, ActorRef<Pong> replyTo) implements Msg {}

  /** A cast: count one. */
  public record Hit() implements Msg {}

  /** A call: answer the count. */
  public record Hits(ActorRef<Pong> replyTo) implements Msg {}

  /** Every answer. */
  public record Pong(long value) implements DriverMsg {}

  /** What a calling actor takes: a batch to run, and the answers. */
  public sealed interface DriverMsg {}

  /** Runs {@code calls} round trips one after another, then completes {@code done} with their sum. */
  public record Run(int calls, CompletableFuture<Long> done) implements DriverMsg {}

  /** The echo server: an idle actor until a message arrives. */
  public static Behavior<Msg> server() {
    return Behaviors.setup(ctx -> {
      long[] hits = {0};
      return Behaviors.receiveMessage(msg -> {
        switch (msg) {
          case Echo e -> e.replyTo().tell(new Pong(e.value()));
          case Hit h -> hits[0]++;
          case Hits h -> h.replyTo().tell(new Pong(hits[0]));
        }
        return Behaviors.same();
      });
    });
  }

  /** An actor that calls {@code server}: each batch is a chain of request, answer, next request. */
  public static Behavior<DriverMsg> caller(ActorRef<Msg> server) {
    return Behaviors.setup(ctx -> {
      ActorRef<Pong> self = ctx.getSelf().narrow();
      Object[] current = new Object[1];
      long[] state = new long[2]; // remaining, sum
      return Behaviors.receiveMessage(msg -> {
        switch (msg) {
          case Run r -> {
            current[0] = r.done();
            state[0] = r.calls();
            state[1] = 0;
            server.tell(new Echo(state[0], self));
          }
          case Pong p -> {
            state[1] += p.value();
            if (--state[0] > 0) {
              server.tell(new Echo(state[0], self));
            } else {
              @SuppressWarnings("unchecked")
              CompletableFuture<Long> done = (CompletableFuture<Long>) current[0];
              done.complete(state[1]);
            }
          }
        }
        return Behaviors.same();
      });
    });
  }

  /** An actor system whose guardian spawns actors on request, with Pekko's default dispatcher. */
  public static ActorSystem<SpawnProtocol.Command> system(String name) {
    return ActorSystem.create(SpawnProtocol.create(), name,
        ConfigFactory.parseString("pekko.log-dead-letters = off\npekko.log-dead-letters-during-shutdown = off\n"
            + "pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING")
            .withFallback(ConfigFactory.load()));
  }

  /** Spawns {@code behavior} under the guardian and waits for its ref (setup only, never measured). */
  public static <T> ActorRef<T> spawn(ActorSystem<SpawnProtocol.Command> system, Behavior<T> behavior) {
    return await(AskPattern.<SpawnProtocol.Command, ActorRef<T>>ask(system,
        replyTo -> new SpawnProtocol.Spawn<>(behavior, "", Props.empty(), replyTo),
        Duration.ofSeconds(10), system.scheduler()).toCompletableFuture());
  }

  /** A blocking call from a plain thread: Pekko's ask, then waiting for the future. */
  public static long ask(ActorSystem<?> system, ActorRef<Msg> server, long value) {
    return await(AskPattern.<Msg, Pong>ask(server, replyTo -> new Echo(value, replyTo), Duration.ofSeconds(10),
        system.scheduler()).toCompletableFuture()).value();
  }

  /** The count, by a blocking ask. */
  public static long hits(ActorSystem<?> system, ActorRef<Msg> server) {
    return await(AskPattern.<Msg, Pong>ask(server, Hits::new, Duration.ofSeconds(10), system.scheduler())
        .toCompletableFuture()).value();
  }

  /** Stops the system and waits until it has. */
  public static void terminate(ActorSystem<?> system) {
    system.terminate();
    await(system.getWhenTerminated().toCompletableFuture());
  }

  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }
}
