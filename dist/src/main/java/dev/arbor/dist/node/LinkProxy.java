package dev.arbor.dist.node;

import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.SpawnOptions;
import dev.arbor.dist.connection.Connection;
import dev.arbor.dist.term.ErlPid;
import dev.arbor.dist.term.Tuple;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.concurrent.TimeUnit;

/**
 * One link between a local process and a remote one, held by a small local process that traps
 * exits and is linked to the local side. The local side's exit goes out as {@code EXIT}; an
 * {@code EXIT} from the remote side (or the loss of its connection) ends the proxy with that
 * reason, which the link carries to the local side.
 */
final class LinkProxy {
  /** The remote side exited (or its connection dropped) with this reason. */
  record RemoteExited(ExitReason reason) {}

  /** The link was removed, by either side. */
  record Unlinked() {}

  private LinkProxy() {}

  /**
   * Starts the proxy and returns once it is linked to {@code local}, so that the link exists
   * before the next signal on the connection is handled, as in Erlang.
   */
  static void start(Pid local, ErlPid remote, Connection connection, Predicate<Pid> claim,
      Consumer<Pid> release) {
    CountDownLatch linked = new CountDownLatch(1);
    Proc.spawn(SpawnOptions.defaults().trapExits(true), () -> {
      try {
        if (!claim.test(Proc.self())) {
          return; // this pair is linked already: one proxy per link
        }
        Proc.link(local);
      } finally {
        linked.countDown();
      }
      try {
        while (true) {
          Object message = Proc.receive();
          if (message instanceof Exit exit && exit.from().equals(local)) {
            connection.send(Tuple.of((long) Control.EXIT, local, remote,
                Reasons.toWire(exit.reason())), null);
            return;
          }
          if (message instanceof RemoteExited exited) {
            release.accept(Proc.self());
            Proc.exit(exited.reason());
          }
          if (message instanceof Unlinked) {
            Proc.unlink(local);
            return;
          }
        }
      } finally {
        release.accept(Proc.self());
      }
    });
    try {
      if (!linked.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("link proxy for " + local + " did not start in 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
