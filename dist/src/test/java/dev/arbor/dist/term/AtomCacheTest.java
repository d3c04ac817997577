package dev.arbor.dist.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The distribution header between two {@link AtomCache}s, one writing and one reading, as the two
 * ends of a connection: every frame decodes to what was sent, whatever the caches held. Against
 * BEAM's own reader and writer, every interop test exercises it (BEAM offers the cache to Arbor),
 * and {@code ErlangInteropTest.atomsCrossTheAtomCacheBothWays} the corner cases below.
 */
class AtomCacheTest {
  private final TermEncoder encoder = new TermEncoder();
  private final TermDecoder decoder = new TermDecoder();
  private final AtomCache sender = new AtomCache();
  private final AtomCache receiver = new AtomCache();

  /** The frame (header, control, payload) the sender's side writes for {@code terms}. */
  private byte[] frame(Object... terms) {
    FrameAtoms atoms = new FrameAtoms();
    TermEncoder.Output body = new TermEncoder.Output(64, atoms);
    for (Object term : terms) {
      encoder.encodeAfterHeader(body, term);
    }
    TermEncoder.Output out = new TermEncoder.Output(64);
    sender.write(out, atoms);
    assertTrue(out.size() <= AtomCache.maxHeaderBytes(atoms), "the bound holds");
    byte[] frame = Arrays.copyOf(out.array(), out.size() + body.size());
    System.arraycopy(body.array(), 0, frame, out.size(), body.size());
    return frame;
  }

  /** The terms the receiving side reads from {@code frame}. */
  private List<Object> read(byte[] frame) {
    AtomCache.Header header = receiver.read(frame);
    List<Object> terms = new ArrayList<>();
    for (int at = header.end(); at < frame.length; ) {
      TermDecoder.Decoded term = decoder.decodeAfterHeader(frame, at, frame.length,
          header.atoms());
      terms.add(term.term());
      at = term.end();
    }
    return terms;
  }

  @Test
  void anAtomSentAgainTravelsAsItsSlotAlone() {
    ErlPid from = new ErlPid(Atom.of("arbor_server_1234@127.0.0.1"), 12, 0, 3);
    ErlPid to = new ErlPid(Atom.of("beam_client_5678@127.0.0.1"), 80, 0, 1);
    Tuple control = Tuple.of(22L, from, to);
    Tuple message = Tuple.of(Atom.of("echo"), 42L);
    byte[] first = frame(control, message);
    byte[] second = frame(control, message);
    assertEquals(List.of(control, message), read(first));
    // three atoms, each a half byte of flags and its slot's low byte; no text the second time
    assertEquals(3 + 2 + 3, receiver.read(second).end());
    assertEquals(List.of(control, message), read(second));
    assertTrue(first.length - second.length > "arbor_server_1234@127.0.0.1".length()
        + "beam_client_5678@127.0.0.1".length(), "the first frame carried the names");
  }

  @Test
  void flagsFollowTheSpecificationsLayout() {
    Atom a = Atom.of("a");
    byte[] frame = frame(a);
    int slot = AtomCache.slot(a);
    // 131, 68, one reference; its flags: new (8) and the slot's segment, LongAtoms off in the
    // high half byte; then the slot's low byte, the length and the text; then the reference.
    assertEquals(List.of(131, 68, 1, 8 | slot >>> 8, slot & 0xFF, 1, (int) 'a', 82, 0),
        unsigned(frame));
    assertEquals(List.of(a), read(frame));
    assertEquals(List.of(131, 68, 1, slot >>> 8, slot & 0xFF, 82, 0), unsigned(frame(a)));
  }

  @Test
  void atomsLongerThan255BytesSetTheLongAtomsFlagWhereverTheCountPutsIt() {
    Atom wide = Atom.of("\u00fc".repeat(200)); // 400 bytes of UTF-8
    byte[] odd = frame(wide);
    assertEquals(1, (odd[3] >>> 4) & 1, "LongAtoms in the high half of the first flag byte");
    assertEquals(List.of(wide), read(odd));
    Atom other = Atom.of("\u00e9".repeat(150));
    byte[] even = frame(Tuple.of(wide, other, Atom.of("short")));
    assertEquals(1, even[3 + 3 / 2] >>> 4 & 1, "LongAtoms after the three references' flags");
    assertEquals(List.of(Tuple.of(wide, other, Atom.of("short"))), read(even));
    Atom fourth = Atom.of("x".repeat(255));
    byte[] four = frame(Tuple.of(wide, other, Atom.of("short"), fourth, Atom.of("y")));
    assertEquals(List.of(Tuple.of(wide, other, Atom.of("short"), fourth, Atom.of("y"))),
        read(four));
  }

  @Test
  void atomsBeyondTheHeadersTwoHundredFiftyFiveTravelInFull() {
    List<Object> atoms = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      atoms.add(Atom.of("atom_" + i));
    }
    ErlList list = new ErlList(atoms);
    byte[] frame = frame(list);
    assertEquals(255, frame[2] & 0xFF);
    assertEquals(List.of(list), read(frame));
    assertEquals(List.of(list), read(frame(list)));
  }

  @Test
  void atomsThatShareASlotTakeItInTurn() {
    Atom first = Atom.of("collide_0");
    Atom second = null;
    for (int i = 1; second == null; i++) {
      Atom candidate = Atom.of("collide_" + i);
      if (AtomCache.slot(candidate) == AtomCache.slot(first)) {
        second = candidate;
      }
    }
    Tuple both = Tuple.of(first, second);
    assertEquals(List.of(both), read(frame(both)));
    assertEquals(List.of(Tuple.of(second, first)), read(frame(Tuple.of(second, first))));
    assertEquals(List.of(second), read(frame(second)));
    assertEquals(List.of(first), read(frame(first)));
    assertEquals(List.of(both), read(frame(both)));
  }

  @Test
  void randomFramesDecodeToWhatWasSent() {
    SplittableRandom random = new SplittableRandom(RoundTripTest.SEED);
    for (int i = 0; i < 3_000; i++) {
      Object control = RoundTripTest.randomTerm(random, 3);
      Object payload = RoundTripTest.randomTerm(random, 3);
      assertEquals(List.of(control, payload), read(frame(control, payload)), "frame " + i);
    }
  }

  @Test
  void aReferenceToASlotNoFrameFilledIsRefused() {
    Atom a = Atom.of("never_sent");
    frame(a); // fills the sender's slot only: the receiver never saw this frame
    byte[] second = frame(a);
    DecodeException e = assertThrows(DecodeException.class, () -> receiver.read(second));
    assertTrue(e.getMessage().contains("which no earlier frame filled"), e.getMessage());
  }

  @Test
  void aFrameWithoutTheHeaderIsRefused() {
    byte[] passThrough = {112, (byte) 131, 104, 0};
    DecodeException e = assertThrows(DecodeException.class, () -> receiver.read(passThrough));
    assertTrue(e.getMessage().contains("a frame starting 112, 131 where the distribution header"),
        e.getMessage());
    byte[] fragment = {(byte) 131, 69, 0, 0};
    assertTrue(assertThrows(DecodeException.class, () -> receiver.read(fragment)).getMessage()
        .contains("fragments were not negotiated"));
  }

  @Test
  void everyTruncationOfAHeaderIsRefused() {
    byte[] frame = frame(Tuple.of(Atom.of("alpha"), Atom.of("\u00fc".repeat(200))));
    int end = new AtomCache().read(frame).end();
    for (int length = 0; length < end; length++) {
      byte[] cut = Arrays.copyOf(frame, length);
      assertThrows(DecodeException.class, () -> new AtomCache().read(cut), "cut at " + length);
    }
  }

  @Test
  void aReferenceBeyondTheHeadersAtomsOrOutsideAHeaderIsRefused() {
    byte[] frame = frame(Tuple.of(Atom.of("only")));
    frame[frame.length - 1] = 1; // the tuple's element names reference 1 of a one-atom header
    DecodeException beyond = assertThrows(DecodeException.class, () -> read(frame));
    assertTrue(beyond.getMessage().contains("atom cache reference 1 beyond the header's 1 atoms"),
        beyond.getMessage());
    DecodeException outside = assertThrows(DecodeException.class,
        () -> decoder.decode(new byte[] {(byte) 131, 82, 0}));
    assertTrue(outside.getMessage().contains("outside a distribution header"));
  }

  private static List<Integer> unsigned(byte[] bytes) {
    List<Integer> out = new ArrayList<>();
    for (byte b : bytes) {
      out.add(b & 0xFF);
    }
    return out;
  }
}
