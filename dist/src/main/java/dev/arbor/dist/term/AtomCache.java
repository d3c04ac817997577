package dev.arbor.dist.term;

import java.nio.charset.StandardCharsets;

/**
 * The atom caches of one connection and the distribution header that keeps them (erts's "External
 * Term Format", section "Distribution Header"): each side remembers, in 2,048 slots, the atoms the
 * other sent it, so a frame names an atom it sent before by its slot, and its terms refer to the
 * header's atoms by a one-byte index. A reply between two nodes then carries its node names in two
 * bytes each, and the peer finds them in an array rather than its atom table: BEAM nodes speak it
 * between themselves, and offer it to Arbor.
 *
 * <p>One instance per connection and direction of use: {@link #read} belongs to the thread
 * reading the connection, {@link #write} to whoever orders the frames sent, as the peer updates
 * its cache in the order frames arrive.
 */
public final class AtomCache {
  /** Slots per cache: a 3-bit segment and an 8-bit index. */
  static final int SLOTS = 2048;
  private static final Atom[] NONE = {};

  private final Atom[] received = new Atom[SLOTS];
  private final Atom[] sent = new Atom[SLOTS];

  /** Empty caches, as at the start of a connection. */
  public AtomCache() {}

  /**
   * A frame's distribution header, read.
   *
   * @param atoms the atoms its terms refer to, by index
   * @param end where the header ends and the control message starts
   */
  public record Header(Atom[] atoms, int end) {}

  /**
   * Reads the distribution header at the start of {@code frame} and remembers the atoms it
   * introduces. A frame without one, or with a header that refers to a slot nothing filled, is a
   * {@link DecodeException}: the peer broke the protocol, and the connection must close.
   */
  public Header read(byte[] frame) {
    if (frame.length < 3 || (frame[0] & 0xFF) != Tag.VERSION
        || (frame[1] & 0xFF) != Tag.DIST_HEADER) {
      String start = frame.length < 2 ? "a frame of " + frame.length + " bytes"
          : "a frame starting " + (frame[0] & 0xFF) + ", " + (frame[1] & 0xFF);
      throw new DecodeException(start + " where the distribution header 131, 68 was due"
          + ((frame.length > 1 && (frame[1] & 0xFF) == Tag.DIST_FRAG_HEADER)
              ? " (fragments were not negotiated)" : ""), 0);
    }
    int count = frame[2] & 0xFF;
    if (count == 0) {
      return new Header(NONE, 3);
    }
    int flags = 3;
    int pos = flags + count / 2 + 1;
    need(frame, pos, 0, "the header's flags");
    boolean longAtoms = (nibble(frame, flags, count) & 1) != 0;
    Atom[] atoms = new Atom[count];
    for (int i = 0; i < count; i++) {
      int flag = nibble(frame, flags, i);
      need(frame, pos, 1, "an atom cache reference");
      int slot = (flag & 7) << 8 | (frame[pos++] & 0xFF);
      if ((flag & 8) != 0) {
        int length;
        if (longAtoms) {
          need(frame, pos, 2, "an atom's length");
          length = (frame[pos] & 0xFF) << 8 | (frame[pos + 1] & 0xFF);
          pos += 2;
        } else {
          need(frame, pos, 1, "an atom's length");
          length = frame[pos++] & 0xFF;
        }
        need(frame, pos, length, "an atom");
        try {
          received[slot] = new Atom(new String(frame, pos, length, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw new DecodeException(e.getMessage(), pos);
        }
        pos += length;
      } else if (received[slot] == null) {
        throw new DecodeException("reference to atom cache slot " + slot
            + ", which no earlier frame filled", pos - 1);
      }
      atoms[i] = received[slot];
    }
    return new Header(atoms, pos);
  }

  /**
   * Appends the distribution header that names {@code atoms}, and remembers those it introduces.
   * The frames must reach the peer in the order of these calls, each with the terms encoded
   * against its own {@code atoms}.
   */
  public void write(TermEncoder.Output out, FrameAtoms atoms) {
    int count = atoms.size();
    out.u8(Tag.VERSION).u8(Tag.DIST_HEADER).u8(count);
    if (count == 0) {
      return;
    }
    int[] slots = new int[count];
    byte[][] texts = new byte[count][]; // the text of each atom new to the peer's slot
    boolean longAtoms = false;
    for (int i = 0; i < count; i++) {
      Atom atom = atoms.get(i);
      int slot = slot(atom);
      slots[i] = slot;
      if (!atom.equals(sent[slot])) {
        sent[slot] = atom; // read in the same order, the peer's slot changes as this one
        texts[i] = atom.utf8();
        longAtoms |= texts[i].length > 255;
      }
    }
    int flags = out.size();
    for (int i = count / 2 + 1; i > 0; i--) {
      out.u8(0);
    }
    byte[] buf = out.array();
    for (int i = 0; i < count; i++) {
      buf[flags + i / 2] |= (byte) (((texts[i] != null ? 8 : 0) | slots[i] >>> 8) << (i % 2) * 4);
    }
    if (longAtoms) {
      buf[flags + count / 2] |= (byte) (1 << (count % 2) * 4);
    }
    for (int i = 0; i < count; i++) {
      out.u8(slots[i]);
      if (texts[i] != null) {
        if (longAtoms) {
          out.u16(texts[i].length);
        } else {
          out.u8(texts[i].length);
        }
        out.bytes(texts[i]);
      }
    }
  }

  /**
   * At least as many bytes as {@link #write} can append for {@code atoms}, whatever the cache
   * holds: every atom new, with a two-byte length, and at most three bytes of UTF-8 per {@code
   * char} of its name.
   */
  public static int maxHeaderBytes(FrameAtoms atoms) {
    int bytes = 3 + atoms.size() / 2 + 1;
    for (int i = 0; i < atoms.size(); i++) {
      bytes += 3 + 3 * atoms.get(i).name().length();
    }
    return bytes;
  }

  /** The slot an atom takes in this side's cache of what it sent. */
  static int slot(Atom atom) {
    int h = atom.hashCode();
    return (h ^ h >>> 11 ^ h >>> 22) & (SLOTS - 1);
  }

  /** Flag {@code index}'s half byte: even indexes in the low half, odd in the high. */
  private static int nibble(byte[] frame, int flags, int index) {
    return (frame[flags + index / 2] & 0xFF) >>> (index % 2) * 4 & 0xF;
  }

  private static void need(byte[] frame, int pos, int n, String what) {
    if (pos + n > frame.length) {
      throw new DecodeException("the distribution header ends within " + what, frame.length);
    }
  }
}
