package dev.arbor.bench.dist;

import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.SpawnOptions;
import dev.arbor.dist.Node;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Arbor's half of the dist shape, the counterpart of {@code dist_bench.erl}.
 *
 * <pre>
 * DistBench server NAME COOKIE EPMD_PORT
 *     registers "echo" (sends {Ref, Msg} back to From for each {From, Ref, Msg}) and "gecho"
 *     (answers {'$gen_call', {From, Tag}, Req} with {Tag, Req}, as gen_server:reply does),
 *     prints READY, runs until killed
 * DistBench client NAME COOKIE EPMD_PORT SERVER_NODE SYSTEM MODE
 *     the same measurements as dist_bench:client/1, from Arbor processes
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
    for (String kind : List.of("echo", "call")) {
      for (int callers : new int[] {1, 16}) {
        // As dist_bench:warm/3: the same shape, unmeasured, so that C2 has compiled the path.
        long warmUntil = System.nanoTime() + warmUp.toNanos();
        do {
          run(kind, server, callers, 500);
        } while (System.nanoTime() - warmUntil < 0);
        double perSecond = run(kind, server, callers, count);
        System.out.printf(Locale.ROOT, "RESULT\tdist.%s.%d\t%s\t%.6g\t%s%n", kind, callers, system,
            perSecond / 1000, "k round trips/s");
      }
    }
  }

  /** {@code callers} processes each make {@code count} round trips; round trips per second. */
  private static double run(String kind, String server, int callers, int count)
      throws InterruptedException {
    Name target = Name.remote(kind.equals("echo") ? "echo" : "gecho", server);
    Pid me = Proc.self();
    long start = System.nanoTime();
    List<Pid> pids = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      pids.add(Proc.spawn(() -> {
        for (int n = 0; n < count; n++) {
          Ref ref = Ref.make();
          Proc.send(target, kind.equals("echo") ? Tuple.of(Proc.self(), ref, HELLO)
              : Tuple.of(GEN_CALL, Tuple.of(Proc.self(), ref), HELLO));
          Proc.receive(m -> m instanceof Tuple t && t.get(0).equals(ref), Duration.ofSeconds(30))
              .orElseThrow(() -> new IllegalStateException("no reply from " + target));
        }
        Proc.send(me, "done");
      }));
    }
    for (int i = 0; i < callers; i++) {
      Proc.receive(m -> m.equals("done"), Duration.ofMinutes(5))
          .orElseThrow(() -> new IllegalStateException("callers did not finish"));
    }
    return callers * (double) count * 1e9 / (System.nanoTime() - start);
  }
}
