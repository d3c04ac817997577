package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.dist.epmd.EpmdUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Starting and stopping a node: epmd, names, the listen address. */
class NodeStartTest {
  @Test
  void missingEpmdIsNamedInTheError() throws IOException {
    int nobody = ErlangTools.freePort();
    EpmdUnavailableException e = assertThrows(EpmdUnavailableException.class,
        () -> Node.builder("lonely@127.0.0.1").cookie("c").epmdPort(nobody).start());
    assertTrue(e.getMessage().contains("epmd -daemon"), e.getMessage());
    assertTrue(e.getMessage().contains("127.0.0.1:" + nobody), e.getMessage());
  }

  @Test
  void nodeNameNeedsAliveAndHost() {
    for (String bad : new String[] {"plain", "@host", "alive@", "a@b@c"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Node.builder(bad).cookie("c").epmdPort(1).start(), bad);
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
  }

  @Test
  void registersWithEpmdListensOnLoopbackAndUnregistersOnStop() throws Exception {
    try (ErlangTools.Epmd epmd = ErlangTools.Epmd.start()) {
      String name = ErlangTools.uniqueName("solo");
      Node node = Node.builder(name).cookie("c").epmdPort(epmd.port).start();
      var lookup = new dev.arbor.dist.epmd.Epmd(InetAddress.getLoopbackAddress(), epmd.port);
      String alive = name.substring(0, name.indexOf('@'));
      assertEquals(node.port(), lookup.lookup(alive).orElseThrow().port());
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), node.port())) {
        assertTrue(socket.isConnected());
      }
      assertTrue(node.creation() > 0);
      node.stop();
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (lookup.lookup(alive).isPresent() && System.nanoTime() < deadline) {
        Thread.sleep(20); // epmd notices the closed registration socket on its own schedule
      }
      assertFalse(lookup.lookup(alive).isPresent());
    }
  }
}
