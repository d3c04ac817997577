package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.NodeDown;
import dev.arbor.Proc;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Ticks keep an idle connection alive, and a silent peer is dropped within the net tick time. */
class TickTest {
  @Test
  void silentPeerIsDisconnectedWithinTheNetTickTimeAndTicksGoOut() throws Exception {
    try (ErlangTools.Epmd epmd = ErlangTools.Epmd.start()) {
      String cookie = ErlangTools.uniqueCookie();
      Node node = Node.builder(ErlangTools.uniqueName("ticker")).cookie(cookie)
          .epmdPort(epmd.port).netTickTime(Duration.ofMillis(800)).start();
      try (FakePeer silent = FakePeer.connect(node, "silent@127.0.0.1", cookie)) {
        assertTrue(silent.tickWithin(Duration.ofMillis(800)), "the node ticks an idle peer");
        Proc.monitorNode("silent@127.0.0.1");
        long start = System.nanoTime();
        assertEquals(new NodeDown("silent@127.0.0.1"),
            Proc.receive(Duration.ofSeconds(10)).orElse(null));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "a silent peer took " + millis + " ms to be dropped");
        assertTrue(silent.closedByNodeWithin(Duration.ofSeconds(5)));
        assertFalse(node.connectedNodes().contains("silent@127.0.0.1"));
      } finally {
        node.stop();
        Proc.release();
      }
    }
  }

  @Test
  void idleConnectionToErlangSurvivesSeveralTickTimes() throws Exception {
    try (ErlangTools.Epmd epmd = ErlangTools.Epmd.start()) {
      String cookie = ErlangTools.uniqueCookie();
      Node node = Node.builder(ErlangTools.uniqueName("idle")).cookie(cookie)
          .epmdPort(epmd.port).netTickTime(Duration.ofSeconds(1)).start();
      ErlangTools.ErlNode erl = null;
      try {
        erl = ErlangTools.ErlNode.start(ErlangTools.uniqueName("erl"), cookie, epmd,
            "-kernel", "net_ticktime", "1");
        assertTrue(node.ping(erl.name, Duration.ofSeconds(10)));
        Proc.monitorNode(erl.name);
        assertEquals(java.util.Optional.empty(), Proc.receive(Duration.ofSeconds(4)),
            "the connection dropped while idle");
        assertTrue(node.connectedNodes().contains(erl.name));
        assertEquals("['" + node.name() + "']", erl.eval("nodes().", Duration.ofSeconds(10)));
      } finally {
        if (erl != null) {
          erl.close();
        }
        node.stop();
        Proc.release();
      }
    }
  }
}
