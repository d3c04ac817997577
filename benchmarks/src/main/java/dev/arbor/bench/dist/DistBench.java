package dev.arbor.bench.dist;

import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.SpawnOptions;
import dev.arbor.dist.Node;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Tuple;
import dev.arbor.server.StartOptions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Arbor's half of the dist shape, the counterpart of {@code dist_bench.erl}.
 *
 * <pre>
 * DistBench server NAME COOKIE EPMD_PORT
 *     registers "echo" (sends {Ref, Msg} back to From for each {From, Ref, Msg}), "gecho"
 *     (answers {'$gen_call', {From, Tag}, Req} with {Tag, Req}, as gen_server:reply does) and
 *     "counter" (a {@link DistCounter}, the @GenServer(remote = true) server BEAM nodes call),
 *     prints READY, runs until killed
 * DistBench client NAME COOKIE EPMD_PORT SERVER_NODE SYSTEM MODE
 *     the same measurements as dist_bench:client/1, from Arbor processes; the genserver rows
 *     call "counter" through the generated DistCounterClient, as a user's code would
 * </pre>
 */
public final class DistBench {
  private static final Atom GEN_CALL = Atom.of("$gen_call");
  private static final Tuple HELLO = Tuple.of(Atom.of("hello"), 42L);

  private DistBench() {}

  public static void main(String[] args) throws Exception {
    try (Node node = Node.builder(args[1]).cookie(args[2]).epmdPort(Integer.parseInt(args[3]))
        .start()) {
      if (args[0].equals("server")) {
        server();
      } else {
        client(node, args[4], args[5], args[6]);
      }
    }
    System.exit(0);
  }

  private static void server() throws Exception {
    Proc.spawn(SpawnOptions.defaults().name("echo"), () -> {
      while (true) {
        if (Proc.receive() instanceof Tuple t && t.size() == 3) {
          Proc.send((Pid) t.get(0), Tuple.of(t.get(1), t.get(2)));
        }
      }
    });
    Proc.spawn(SpawnOptions.defaults().name("gecho"), () -> {
      while (true) {
        if (Proc.receive() instanceof Tuple call && call.size() == 3
            && GEN_CALL.equals(call.get(0)) && call.get(1) instanceof Tuple from) {
          // gen:reply/2 sends {Tag, Reply} to the caller's pid; an [alias|Ref] tag matches too.
          Proc.send((Pid) from.get(0), Tuple.of(from.get(1), call.get(2)));
        }
      }
    });
    DistCounterClient.start(StartOptions.named(Name.local("counter")));
    while (Proc.whereis("echo").isEmpty() || Proc.whereis("gecho").isEmpty()) {
      Thread.onSpinWait();
    }
    System.out.println("READY");
    System.out.flush();
    new java.util.concurrent.CountDownLatch(1).await(); // until the harness kills the JVM
  }

  private static void client(Node node, String server, String system, String mode)
      throws Exception {
    if (!node.ping(server, Duration.ofSeconds(30))) {
      throw new IllegalStateException("no answer from " + server);
    }
    int count = mode.equals("quick") ? 2_000 : 20_000;
    Duration warmUp = Duration.ofMillis(mode.equals("quick") ? 1_000 : 3_000);
    for (String kind : List.of("echo", "call", "genserver")) {
      Runnable roundTrip = roundTrip(kind, server);
      for (int callers : new int[] {1, 16}) {
        // As dist_bench:warm/3: the same shape, unmeasured, so that C2 has compiled the path.
        long warmUntil = System.nanoTime() + warmUp.toNanos();
        do {
          run(roundTrip, callers, 500);
        } while (System.nanoTime() - warmUntil < 0);
        double perSecond = run(roundTrip, callers, count);
        System.out.printf(Locale.ROOT, "RESULT\tdist.%s.%d\t%s\t%.6g\t%s%n", kind, callers, system,
            perSecond / 1000, "k round trips/s");
      }
    }
  }

  /** One round trip of {@code kind} to {@code server}'s node, as {@code dist_bench:round_trip/2}. */
  private static Runnable roundTrip(String kind, String server) {
    return switch (kind) {
      case "echo" -> exchange(Name.remote("echo", server), ref -> Tuple.of(Proc.self(), ref, HELLO));
      case "call" -> exchange(Name.remote("gecho", server),
          ref -> Tuple.of(GEN_CALL, Tuple.of(Proc.self(), ref), HELLO));
      case "genserver" -> {
        DistCounterClient counter = DistCounterClient.of(Name.remote("counter", server));
        yield () -> {
          if (counter.incrementBy(1) <= 0) {
            throw new IllegalStateException("the counter went backwards");
          }
        };
      }
      default -> throw new IllegalArgumentException("no round trip named " + kind);
    };
  }

  /** Sends {@code target} the message made with a fresh ref, and waits for a reply tagged with it. */
  private static Runnable exchange(Name target, Function<Ref, Tuple> message) {
    return () -> {
      Ref ref = Ref.make();
      Proc.send(target, message.apply(ref));
      Proc.receive(m -> m instanceof Tuple t && t.get(0).equals(ref), Duration.ofSeconds(30))
          .orElseThrow(() -> new IllegalStateException("no reply from " + target));
    };
  }

  /**
   * {@code callers} processes each make {@code count} round trips; round trips per second. A caller
   * that fails sends its exception, which ends the run at once with it.
   */
  private static double run(Runnable roundTrip, int callers, int count) {
    Pid me = Proc.self();
    long start = System.nanoTime();
    for (int i = 0; i < callers; i++) {
      Proc.spawn(() -> {
        try {
          for (int n = 0; n < count; n++) {
            roundTrip.run();
          }
          Proc.send(me, "done");
        } catch (RuntimeException e) {
          Proc.send(me, e);
        }
      });
    }
    for (int i = 0; i < callers; i++) {
      Object outcome = Proc.receive(m -> m.equals("done") || m instanceof RuntimeException,
          Duration.ofMinutes(5)).orElseThrow(() -> new IllegalStateException("callers did not finish"));
      if (outcome instanceof RuntimeException failure) {
        throw new IllegalStateException("a caller failed", failure);
      }
    }
    return callers * (double) count * 1e9 / (System.nanoTime() - start);
  }
}
