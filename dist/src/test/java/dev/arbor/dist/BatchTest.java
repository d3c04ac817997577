package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Name;
import dev.arbor.Proc;
import dev.arbor.dist.connection.Batch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a {@link Batch} does to the frames a process sends to a peer (here a hand-driven one): a
 * batch's frames are all written when it closes; a lazy batch's wait for the next frame sent on the
 * connection, or for the connection's idle check, and never overtake it.
 */
class BatchTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void framesOfABatchAreWrittenWhenItCloses() throws Exception {
    withPeer(Duration.ofSeconds(60), (node, peer) -> {
      Name sink = Name.remote("sink", "fake@127.0.0.1");
      try (Batch batch = Batch.open()) {
        Proc.send(sink, "first");
        Proc.send(sink, "second");
      }
      assertCarries(peer.frameWithin(WAIT), "first");
      assertCarries(peer.frameWithin(WAIT), "second");
    });
  }

  @Test
  void lazyFrameLeavesWithTheNextFrameAndBeforeIt() throws Exception {
    withPeer(Duration.ofSeconds(60), (node, peer) -> {
      Name sink = Name.remote("sink", "fake@127.0.0.1");
      try (Batch batch = Batch.lazy()) {
        Proc.send(sink, "lazy");
      }
      // The idle check runs a quarter of the net tick time (15 s) after the connection came up.
      assertNull(peer.frameWithin(Duration.ofMillis(300)), "a lazy frame was written on its own");
      Proc.send(sink, "next");
      assertCarries(peer.frameWithin(WAIT), "lazy");
      assertCarries(peer.frameWithin(WAIT), "next");
    });
  }

  @Test
  void lazyFrameLeavesAtTheIdleCheckWhenNothingFollows() throws Exception {
    withPeer(Duration.ofSeconds(4), (node, peer) -> {
      try (Batch batch = Batch.lazy()) {
        Proc.send(Name.remote("sink", "fake@127.0.0.1"), "alone");
      }
      peer.raw(new byte[4]); // a tick: the node must not drop this peer as silent meanwhile
      assertCarries(peer.frameWithin(Duration.ofSeconds(3)), "alone");
    });
  }

  @Test
  void lazyBatchInsideABatchIsWrittenWithIt() throws Exception {
    withPeer(Duration.ofSeconds(60), (node, peer) -> {
      Name sink = Name.remote("sink", "fake@127.0.0.1");
      try (Batch outer = Batch.open()) {
        try (Batch inner = Batch.lazy()) {
          Proc.send(sink, "inner");
        }
      }
      assertCarries(peer.frameWithin(WAIT), "inner");
    });
  }

  private interface PeerTest {
    void run(Node node, FakePeer peer) throws Exception;
  }

  private static void withPeer(Duration netTickTime, PeerTest test) throws Exception {
    try (ErlangTools.Epmd epmd = ErlangTools.Epmd.start()) {
      String cookie = ErlangTools.uniqueCookie();
      Node node = Node.builder(ErlangTools.uniqueName("batcher")).cookie(cookie)
          .epmdPort(epmd.port).netTickTime(netTickTime).start();
      node.monitorNodes(); // sends go to the peer once the node has the connection
      try (FakePeer peer = FakePeer.connect(node, "fake@127.0.0.1", cookie)) {
        assertEquals(new NodeUp("fake@127.0.0.1"), Proc.receive(WAIT).orElse(null));
        test.run(node, peer);
      } finally {
        node.stop();
        Proc.release();
      }
    }
  }

  private static void assertCarries(byte[] frame, String text) {
    assertNotNull(frame, "no frame carrying " + text);
    String bytes = new String(frame, StandardCharsets.ISO_8859_1);
    assertTrue(bytes.contains(text), "the frame does not carry " + text);
  }
}
