package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Proc;
import dev.arbor.dist.term.Atom;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.dist.term.Tuple;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two Arbor JVMs, the second a child this test starts, over epmd and the real protocol. */
class ArborToArborTest {
  static final Duration WAIT = Duration.ofSeconds(15);

  private Object receive() {
    return Proc.receive(WAIT).orElseThrow(() -> new AssertionError("no message within " + WAIT));
  }

  @Test
  void twoArborNodesLinkAcrossTheWire() throws Exception {
    try (ErlangTools.Epmd epmd = ErlangTools.Epmd.start()) {
      String cookie = ErlangTools.uniqueCookie();
      String childName = ErlangTools.uniqueName("child");
      Node parent = Node.builder(ErlangTools.uniqueName("parent")).cookie(cookie)
          .epmdPort(epmd.port).start();
      ChildJvm child = ChildJvm.start(ChildNode.class, childName, cookie, Integer.toString(epmd.port));
      try {
        // The child links to this (trapping) process and crashes: the exit crosses the wire.
        Proc.trapExits(true);
        Proc.send(Name.remote("peer", childName), Tuple.of(Atom.of("link_to"), Proc.self()));
        Tuple linked = assertInstanceOf(Tuple.class, receive());
        Pid peer = (Pid) linked.get(1);
        assertEquals(childName, peer.node());
        Proc.send(peer, Atom.of("crash"));
        Exit exit = assertInstanceOf(Exit.class, receive());
        assertEquals(ExitReason.of("child_crash"), exit.reason());
        assertEquals(peer, exit.from());

        // A parent process linked to the child's watcher crashes: the watcher sees the reason.
        Proc.register("report", Proc.self());
        var crasher = Proc.spawnMonitor(() -> {
          Proc.send(Name.remote("watcher", childName), Tuple.of(Atom.of("link_to"), Proc.self()));
          Proc.receive(m -> m instanceof Tuple t && Atom.of("linked").equals(t.get(0)), WAIT);
          Proc.exit(ExitReason.of("parent_crash"));
        });
        boolean down = false;
        boolean seen = false;
        while (!(down && seen)) {
          Object next = receive();
          if (next instanceof dev.arbor.Down d) {
            assertEquals(crasher.ref(), d.ref());
            assertEquals(ExitReason.of("parent_crash"), d.reason());
            down = true;
          } else {
            assertEquals(Tuple.of(Atom.of("child_saw"), Atom.of("parent_crash"), crasher.pid()),
                next);
            seen = true;
          }
        }
        assertTrue(parent.ping(childName, WAIT));

        // The child JVM dies: its links and monitors here get noconnection.
        Proc.monitorNode(childName);
        child.kill();
        assertEquals(new dev.arbor.NodeDown(childName), receive());
        assertTrue(!parent.connectedNodes().contains(childName));
      } finally {
        child.close();
        parent.stop();
        Proc.release();
      }
    }
  }
}
