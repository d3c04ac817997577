package dev.arbor.dist;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.dist.pg.ProcessGroups;
import dev.arbor.dist.term.Atom;
import java.time.Duration;

/**
 * The second Arbor node of {@code ProcessGroupsInteropTest}, run in a child JVM: {@code
 * PgChildNode name cookie epmdPort parent}. It starts the default scope, joins a process to {@code
 * workers}, connects to {@code parent} and prints {@code READY}; then {@code SEES_PARENT} once a
 * member of the parent's node is listed in {@code workers} (or {@code TIMEOUT} after 30 s). The
 * JVM ends when its stdin closes.
 */
public final class PgChildNode {
  private PgChildNode() {}

  public static void main(String[] args) throws Exception {
    Node node = Node.builder(args[0]).cookie(args[1]).epmdPort(Integer.parseInt(args[2]))
        .start();
    ProcessGroups pg = ProcessGroups.start(node);
    Pid member = Proc.spawn(() -> Proc.receive());
    pg.join(Atom.of("workers"), member);
    if (!node.ping(args[3], Duration.ofSeconds(30))) {
      System.out.println("NO_PARENT");
      System.exit(1);
    }
    System.out.println("READY");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    boolean seen;
    while (!(seen = pg.members(Atom.of("workers")).stream()
        .anyMatch(p -> p.node().equals(args[3]))) && System.nanoTime() < deadline) {
      Thread.sleep(10); // views converge by messages; there is no event to wait for
    }
    System.out.println(seen ? "SEES_PARENT" : "TIMEOUT");
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the parent to close stdin (or die)
    }
    node.stop();
    System.exit(0);
  }
}
