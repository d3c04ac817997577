package dev.arbor.dist;

import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Proc;
import dev.arbor.SpawnOptions;
import dev.arbor.dist.term.Atom;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.dist.term.Tuple;

/**
 * The second Arbor node of {@link ArborToArborTest}, run in a child JVM: {@code ChildNode name
 * cookie epmdPort}. Its process {@code peer} links to whoever sends {@code {link_to, Pid}},
 * confirms with {@code {linked, Self}}, and exits with {@code child_crash} on {@code crash}; its
 * process {@code watcher} traps exits, links the same way, and reports each exit it sees as
 * {@code {child_saw, Reason}} to the process registered as {@code report} on the partner's node. The JVM ends when its stdin closes.
 */
public final class ChildNode {
  private ChildNode() {}

  public static void main(String[] args) throws Exception {
    Node node = Node.builder(args[0]).cookie(args[1]).epmdPort(Integer.parseInt(args[2]))
        .start();
    Proc.spawn(SpawnOptions.defaults().name("peer"), () -> serve(false));
    Proc.spawn(SpawnOptions.defaults().name("watcher").trapExits(true), () -> serve(true));
    while (Proc.whereis("peer").isEmpty() || Proc.whereis("watcher").isEmpty()) {
      Thread.onSpinWait();
    }
    System.out.println("READY");
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the parent to close stdin (or die)
    }
    node.stop();
    System.exit(0);
  }

  private static void serve(boolean report) {
    Pid partner = null;
    while (true) {
      Object message = Proc.receive();
      if (message instanceof Tuple t && t.size() == 2 && Atom.of("link_to").equals(t.get(0))) {
        partner = (Pid) t.get(1);
        Proc.link(partner);
        Proc.send(partner, Tuple.of(Atom.of("linked"), Proc.self()));
      } else if (Atom.of("crash").equals(message)) {
        Proc.exit(ExitReason.of("child_crash"));
      } else if (message instanceof Exit exit && report && partner != null) {
        Proc.send(Name.remote("report", partner.node()),
            Tuple.of(Atom.of("child_saw"), Atom.of(String.valueOf(exit.reason())),
                exit.from()));
      }
    }
  }
}
