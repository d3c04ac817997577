package dev.arbor.dist.node;

import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.SpawnOptions;
import dev.arbor.dist.connection.Connection;
import dev.arbor.dist.term.ErlPid;
import dev.arbor.dist.term.Tuple;

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

  static Pid start(Pid local, ErlPid remote, Connection connection, Runnable onEnd) {
    return Proc.spawn(SpawnOptions.defaults().trapExits(true), () -> {
      try {
        Proc.link(local);
        while (true) {
          Object message = Proc.receive();
          if (message instanceof Exit exit && exit.from().equals(local)) {
            connection.send(Tuple.of((long) Control.EXIT, local, remote,
                Reasons.toWire(exit.reason())), null);
            return;
          }
          if (message instanceof RemoteExited exited) {
            onEnd.run();
            Proc.exit(exited.reason());
          }
          if (message instanceof Unlinked) {
            Proc.unlink(local);
            return;
          }
        }
      } finally {
        onEnd.run();
      }
    });
  }
}
