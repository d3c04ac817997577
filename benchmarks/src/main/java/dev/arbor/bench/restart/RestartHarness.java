package dev.arbor.bench.restart;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.bench.common.EchoServerClient;
import dev.arbor.bench.common.Measure;
import dev.arbor.bench.common.PekkoEcho;
import dev.arbor.bench.common.Result;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Supervised restart, microseconds per restart, in a JVM of its own; prints {@code restart}.
 *
 * <ul>
 *   <li>{@code arbor}: a {@code oneForOne} supervisor with one permanent {@code EchoServer} child
 *       registered as {@code bench_child}; a process kills it with {@code Proc.exit(pid,
 *       ExitReason.kill())} and polls {@code Proc.whereis} (yielding in between) until the name
 *       resolves to a new pid, as {@code arbor_bench.erl} does with {@code exit(Pid, kill)} and {@code
 *       whereis}. As there, each batch of {@value #BATCH} restarts gets a fresh supervisor, started and
 *       stopped outside the timed part, and Arbor's reports (System.Logger {@code dev.arbor}) are off.
 *   <li>{@code pekko}: Pekko has no kill that its supervision restarts, and restarts in place (the
 *       ref stays the same): an actor supervised with {@code SupervisorStrategy.restart()} fails on a
 *       message (a preallocated exception, logging off), and the next request's answer comes from the
 *       restarted behavior. Shown for reference only.
 * </ul>
 *
 * <p>Alone: {@code benchmarks/run --only restart}; or {@code java -cp
 * "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.arbor.bench.restart.RestartHarness
 * pekko full}.
 */
public final class RestartHarness {
  private static final int BATCH = 200;
  /** Held so that the level set on it stays set: Arbor's crash and supervisor reports, off. */
  private static final java.util.logging.Logger ARBOR_LOG = java.util.logging.Logger.getLogger("dev.arbor");

  private RestartHarness() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: RestartHarness arbor|pekko quick|full");
    }
    Measure measure = Measure.of(args[1]);
    switch (args[0]) {
      case "arbor" -> Result.print("restart", "arbor", arbor(measure) / 1000, "us");
      case "pekko" -> Result.print("restart", "pekko", pekko(measure) / 1000, "us");
      default -> throw new IllegalArgumentException("unknown system: " + args[0]);
    }
    System.exit(0);
  }

  private static final String CHILD = "bench_child";

  private static double arbor(Measure measure) throws Exception {
    ARBOR_LOG.setLevel(java.util.logging.Level.OFF);
    double[] score = new double[1];
    Pid me = Proc.self();
    Proc.spawn(() -> {
      try {
        score[0] = measure.nanosPerOpTimed(() -> {
          Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne().maxRestarts(BATCH * 5, Duration.ofSeconds(5))
              .child(EchoServerClient.childSpec(StartOptions.named(CHILD))));
          long t0 = System.nanoTime();
          for (int i = 0; i < BATCH; i++) {
            Pid old = Proc.whereis(CHILD).orElseThrow();
            Proc.exit(old, ExitReason.kill());
            for (; ; ) {
              Optional<Pid> now = Proc.whereis(CHILD);
              if (now.isPresent() && !now.get().equals(old)) {
                break;
              }
              Thread.yield();
            }
          }
          long nanos = System.nanoTime() - t0;
          sup.stop();
          return nanos;
        }, BATCH);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      me.send("measured");
    });
    Proc.receive();
    return score[0];
  }

  // ------------------------------------------------------------------ Pekko

  private static final RuntimeException CRASH = new RuntimeException("crash", null, false, false) {};

  private sealed interface Msg {}

  private record Crash() implements Msg {}

  private record Ping(ActorRef<Done> replyTo) implements Msg {}

  private record Done() {}

  private record Run(int restarts, CompletableFuture<Void> done) {}

  private static Behavior<Msg> child() {
    return Behaviors.<Msg>supervise(Behaviors.receiveMessage(msg -> {
      switch (msg) {
        case Crash c -> throw CRASH;
        case Ping p -> p.replyTo().tell(new Done());
      }
      return Behaviors.same();
    })).onFailure(RuntimeException.class, SupervisorStrategy.restart().withLoggingEnabled(false));
  }

  private static double pekko(Measure measure) throws Exception {
    ActorSystem<SpawnProtocol.Command> system = PekkoEcho.system("restart");
    ActorRef<Msg> child = PekkoEcho.spawn(system, child());
    ActorRef<Object> driver = PekkoEcho.spawn(system, Behaviors.setup(ctx -> {
      ActorRef<Done> self = ctx.getSelf().narrow();
      Object[] run = new Object[1];
      int[] left = new int[1];
      return Behaviors.receiveMessage(msg -> {
        if (msg instanceof Run r) {
          run[0] = r;
          left[0] = r.restarts();
        } else if (--left[0] == 0) {
          ((Run) run[0]).done().complete(null);
          return Behaviors.same();
        }
        child.tell(new Crash());
        child.tell(new Ping(self));
        return Behaviors.same();
      });
    }));
    try {
      return measure.nanosPerOp(() -> {
        CompletableFuture<Void> done = new CompletableFuture<>();
        driver.tell(new Run(BATCH, done));
        PekkoEcho.await(done);
      }, BATCH);
    } finally {
      PekkoEcho.terminate(system);
    }
  }
}
