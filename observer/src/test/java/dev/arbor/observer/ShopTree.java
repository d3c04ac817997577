package dev.arbor.observer;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tree the observer tests look at: a top-level {@code shop} supervisor over a stock server, a
 * vault with a secret, and a nested {@code workers} supervisor with two workers; beside it, plain
 * processes with 5, 50 and 500 waiting messages, and one registered under a name that is markup.
 */
final class ShopTree implements AutoCloseable {
  static final String SECRET = "hunter2-do-not-show";
  static final String SCRIPT_NAME = "<script>alert(1)</script>";

  final Supervisor shop;
  final List<Pid> plain = new ArrayList<>();

  ShopTree() {
    shop = Supervisor.start(SupervisorSpec.oneForOne()
        .name("shop")
        .maxRestarts(100, Duration.ofSeconds(1))
        .child(StockClient.childSpec("stock", StartOptions.named("stock"), 10))
        .child(VaultClient.childSpec("vault", StartOptions.named("vault"), SECRET))
        .child(Supervisor.childSpec("workers", SupervisorSpec.oneForOne()
            .name("workers")
            .maxRestarts(100, Duration.ofSeconds(1))
            .child(StockClient.childSpec("w1", StartOptions.named("w1"), 1))
            .child(StockClient.childSpec("w2", StartOptions.named("w2"), 2)))));
    for (int waiting : new int[] {5, 50, 500}) {
      Pid p = idle("mailbox-" + waiting);
      for (int k = 0; k < waiting; k++) {
        p.send("message " + k);
      }
    }
    idle(SCRIPT_NAME);
  }

  /** A plain process that never receives, registered as {@code name}. */
  private Pid idle(String name) {
    Pid p = Proc.spawn(() -> Proc.receive(m -> false, Duration.ofMinutes(10)));
    Proc.register(name, p);
    plain.add(p);
    return p;
  }

  Pid whereis(String name) {
    return Proc.whereis(name).orElseThrow(() -> new AssertionError("nothing registered as " + name));
  }

  @Override
  @SuppressWarnings("try")
  public void close() {
    try (var me = Proc.adopt()) {
      shop.stop();
      for (Pid p : plain) {
        Proc.exit(p, dev.arbor.ExitReason.kill());
      }
    }
  }
}
