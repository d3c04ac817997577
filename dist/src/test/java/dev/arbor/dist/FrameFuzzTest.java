package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arbor.Proc;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.AtomCache;
import dev.arbor.dist.term.Binary;
import dev.arbor.dist.term.DecodeException;
import dev.arbor.dist.term.DecodeLimits;
import dev.arbor.dist.term.ErlPid;
import dev.arbor.dist.term.ErlRef;
import dev.arbor.dist.term.FrameAtoms;
import dev.arbor.dist.term.HandleMapper;
import dev.arbor.dist.term.TermDecoder;
import dev.arbor.dist.term.TermEncoder;
import dev.arbor.dist.term.Tuple;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random and mutated frames, from a seed and for a bounded time (system properties {@code
 * arbor.seed} and {@code arbor.fuzzMillis}, shared by the two kinds of frame: after the pass-through
 * byte, and with a distribution header). The decoder ends every one in a value or a {@link
 * DecodeException}; a node fed them over an authenticated connection closes that connection only
 * and keeps serving another node.
 */
class FrameFuzzTest {
  static final long SEED = Long.getLong("arbor.seed", System.nanoTime());
  static final long MILLIS = Long.getLong("arbor.fuzzMillis", 3_000);

  /**
   * Well-formed frames to mutate: after the pass-through byte, or with a distribution header
   * (each as the first frame of a connection, so it introduces its atoms).
   */
  private static List<byte[]> seeds(boolean header) {
    TermEncoder encoder = new TermEncoder();
    ErlPid from = new ErlPid(Atom.of("fuzz@127.0.0.1"), 1, 0, 1);
    ErlPid to = new ErlPid(Atom.of("nobody@127.0.0.1"), 2, 0, 3);
    ErlRef ref = new ErlRef(Atom.of("fuzz@127.0.0.1"), 1, new int[] {1, 2, 3});
    List<Object[]> messages = List.of(
        new Object[] {Tuple.of(6L, from, Atom.EMPTY, Atom.of("nobody")),
            Tuple.of(Atom.of("hello"), Binary.ofUtf8("x"), List.of(1L, 2L))},
        new Object[] {Tuple.of(22L, from, to), Tuple.of(1.5, java.util.Map.of(1L, 2L))},
        new Object[] {Tuple.of(19L, from, Atom.of("nobody"), ref), null},
        new Object[] {Tuple.of(20L, from, Atom.of("nobody"), ref), null},
        new Object[] {Tuple.of(3L, from, to, Atom.of("boom")), null},
        new Object[] {Tuple.of(35L, 7L, from, to), null});
    List<byte[]> frames = new ArrayList<>();
    for (Object[] message : messages) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (header) {
        FrameAtoms atoms = new FrameAtoms();
        TermEncoder.Output terms = new TermEncoder.Output(64, atoms);
        encoder.encodeAfterHeader(terms, message[0]);
        if (message[1] != null) {
          encoder.encodeAfterHeader(terms, message[1]);
        }
        TermEncoder.Output head = new TermEncoder.Output(64);
        new AtomCache().write(head, atoms);
        out.write(head.array(), 0, head.size());
        out.write(terms.array(), 0, terms.size());
      } else {
        out.write(112);
        out.writeBytes(encoder.encode(message[0]));
        if (message[1] != null) {
          out.writeBytes(encoder.encode(message[1]));
        }
      }
      frames.add(out.toByteArray());
    }
    return frames;
  }

  static byte[] mutate(SplittableRandom random, List<byte[]> seeds) {
    byte[] frame = seeds.get(random.nextInt(seeds.size())).clone();
    switch (random.nextInt(5)) {
      case 0 -> {
        byte[] noise = new byte[random.nextInt(1, 64)];
        random.nextBytes(noise);
        return noise;
      }
      case 1 -> {
        return Arrays.copyOf(frame, random.nextInt(1, frame.length));
      }
      case 2 -> {
        int at = random.nextInt(2, frame.length);
        frame[at] = (byte) random.nextInt(256);
        return frame;
      }
      case 3 -> {
        int at = random.nextInt(2, frame.length - 3);
        frame[at] = (byte) 0xFF;
        frame[at + 1] = (byte) 0xFF;
        return frame;
      }
      default -> {
        for (int i = random.nextInt(1, 6); i > 0; i--) {
          frame[random.nextInt(1, frame.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return frame;
      }
    }
  }

  @ParameterizedTest(name = "header {0}")
  @ValueSource(booleans = {false, true})
  void decoderEndsEveryMutatedFrameInAValueOrADecodeError(boolean header) {
    SplittableRandom random = new SplittableRandom(SEED);
    TermDecoder decoder = new TermDecoder(new DecodeLimits(1 << 20, 64, 256), HandleMapper.IDENTITY);
    List<byte[]> seeds = seeds(header);
    AtomCache cache = new AtomCache(); // one for the run, as a connection keeps its own
    long deadline = System.nanoTime() + Duration.ofMillis(MILLIS / 2).toNanos();
    int runs = 0;
    while (System.nanoTime() < deadline) {
      byte[] frame = mutate(random, seeds);
      try {
        if (header) {
          AtomCache.Header read = cache.read(frame);
          for (int at = read.end(); at < frame.length; ) {
            at = decoder.decodeAfterHeader(frame, at, frame.length, read.atoms()).end();
          }
        } else if (frame.length > 1) {
          decoder.decode(frame, 1, frame.length);
        }
      } catch (DecodeException expected) {
        // the defined outcome of a bad frame
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        fail("seed " + SEED + ", frame " + Arrays.toString(frame) + " escaped with " + e, e);
      }
      runs++;
    }
    assertTrue(runs > 100, "only " + runs + " frames in " + MILLIS + " ms");
  }

  @ParameterizedTest(name = "header {0}")
  @ValueSource(booleans = {false, true})
  void nodeClosesOnlyTheFuzzedConnectionAndKeepsServing(boolean header) throws Exception {
    try (ErlangTools.Epmd epmd = ErlangTools.Epmd.start()) {
      String cookie = ErlangTools.uniqueCookie();
      Node target = Node.builder(ErlangTools.uniqueName("target")).cookie(cookie)
          .epmdPort(epmd.port).limits(new DecodeLimits(1 << 20, 64, 256)).start();
      ErlangTools.ErlNode friend = null;
      try {
        friend = ErlangTools.ErlNode.start(ErlangTools.uniqueName("friend"), cookie, epmd);
        String ping = "net_adm:ping('" + target.name() + "').";
        assertTrue(friend.eval(ping, Duration.ofSeconds(10)).equals("pong"));
        SplittableRandom random = new SplittableRandom(SEED);
        List<byte[]> seeds = seeds(header);
        long deadline = System.nanoTime() + Duration.ofMillis(MILLIS / 2).toNanos();
        int runs = 0;
        while (System.nanoTime() < deadline) {
          String name = "fuzz" + runs + "@127.0.0.1";
          try (FakePeer peer = header ? FakePeer.connectWithAtomCache(target, name, cookie)
              : FakePeer.connect(target, name, cookie)) {
            try {
              for (int i = random.nextInt(1, 5); i > 0; i--) {
                peer.frame(mutate(random, seeds));
              }
              peer.raw(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            } catch (java.io.IOException closedAlready) {
              // the node closed the connection at an earlier bad frame: the expected outcome
            }
            assertTrue(peer.closedByNodeWithin(Duration.ofSeconds(10)),
                "seed " + SEED + ": the node kept a connection that sent a bad frame");
          }
          runs++;
          if (runs % 20 == 0) {
            assertTrue(target.ping(friend.name, Duration.ofSeconds(10)),
                "seed " + SEED + ": the node stopped serving after " + runs + " fuzzed peers");
          }
        }
        assertTrue(friend.eval(ping, Duration.ofSeconds(10)).equals("pong"));
        assertTrue(target.connectedNodes().contains(friend.name));
        assertTrue(runs > 10, "only " + runs + " fuzzed connections");
      } finally {
        if (friend != null) {
          friend.close();
        }
        target.stop();
        Proc.release();
      }
    }
  }
}
