package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.NodeDown;
import dev.arbor.Proc;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code Node.monitorNodes()} is Erlang's {@code net_kernel:monitor_nodes(true)}. */
class MonitorNodesTest {
  static final Duration WAIT = Duration.ofSeconds(10);

  private static Object receive() {
    return Proc.receive(WAIT).orElseThrow(() -> new AssertionError("no message within " + WAIT));
  }

  @Test
  void monitorNodesReportsEachConnectionUpThenDown() throws Exception {
    try (ErlangTools.Epmd epmd = ErlangTools.Epmd.start()) {
      String cookie = ErlangTools.uniqueCookie();
      Node arbor = Node.builder(ErlangTools.uniqueName("arbor")).cookie(cookie)
          .epmdPort(epmd.port).start();
      ErlangTools.ErlNode erl = ErlangTools.ErlNode.start(ErlangTools.uniqueName("erl"), cookie,
          epmd);
      try {
        arbor.monitorNodes();
        arbor.monitorNodes(); // a second call changes nothing: one message per event
        assertEquals("pong", erl.eval("net_adm:ping('" + arbor.name() + "').", WAIT));
        assertEquals(new NodeUp(erl.name), receive());
        arbor.disconnect(erl.name);
        assertEquals(new NodeDown(erl.name), receive());
        assertTrue(arbor.ping(erl.name, WAIT), "Arbor dials again");
        assertEquals(new NodeUp(erl.name), receive());
        erl.kill();
        assertEquals(new NodeDown(erl.name), receive());
        assertEquals(Optional.empty(), Proc.receive(Duration.ofMillis(100)), "no duplicates");

        assertTrue(arbor.demonitorNodes());
        assertFalse(arbor.demonitorNodes());
      } finally {
        erl.close();
        arbor.stop();
        Proc.release();
      }
    }
  }

  @Test
  void aFailedConnectionIsNeverAnnounced() throws Exception {
    try (ErlangTools.Epmd epmd = ErlangTools.Epmd.start()) {
      Node arbor = Node.builder(ErlangTools.uniqueName("arbor"))
          .cookie(ErlangTools.uniqueCookie()).epmdPort(epmd.port).start();
      try {
        arbor.monitorNodes();
        assertFalse(arbor.ping(ErlangTools.uniqueName("nobody"), WAIT));
        assertEquals(Optional.empty(), Proc.receive(Duration.ofMillis(200)),
            "neither up nor down for a node never reached");
      } finally {
        arbor.stop();
        Proc.release();
      }
    }
  }
}
