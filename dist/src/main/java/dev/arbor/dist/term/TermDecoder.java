package dev.arbor.dist.term;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes the external term format. Defensive: every length is checked against the bytes that
 * remain and against {@link DecodeLimits} before anything is allocated; any failure is a {@link
 * DecodeException} naming the offset. Thread-safe (it keeps no state between calls).
 */
public final class TermDecoder {
  private final DecodeLimits limits;
  private final HandleMapper pids;

  /** A decoder with the given limits that maps pids through {@code pids}. */
  public TermDecoder(DecodeLimits limits, HandleMapper pids) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.pids = Objects.requireNonNull(pids, "pids");
  }

  /** A decoder with {@link DecodeLimits#DEFAULT} that keeps pids as {@link ErlPid}s. */
  public TermDecoder() {
    this(DecodeLimits.DEFAULT, HandleMapper.IDENTITY);
  }

  /** A term and where the bytes after it start. */
  public record Decoded(Object term, int end) {}

  /** Decodes {@code bytes}, which must hold exactly one term starting with the version byte 131. */
  public Object decode(byte[] bytes) {
    Decoded decoded = decode(bytes, 0, bytes.length);
    if (decoded.end() != bytes.length) {
      throw new DecodeException(
          (bytes.length - decoded.end()) + " bytes left after the term", decoded.end());
    }
    return decoded.term();
  }

  /** Decodes one versioned term from {@code bytes[offset..end)}; bytes after it are left. */
  public Decoded decode(byte[] bytes, int offset, int end) {
    Reader in = reader(bytes, offset, end, null);
    int version = in.u8();
    if (version != Tag.VERSION) {
      throw new DecodeException("expected version byte 131, got " + version, offset);
    }
    Object term = in.term(0);
    return new Decoded(term, in.pos);
  }

  /**
   * Decodes one term that follows a distribution header, from {@code bytes[offset..end)}: it has
   * no version byte, and its atom cache references index {@code atoms}, the header's table (see
   * {@link AtomCache#read}). Bytes after it are left.
   */
  public Decoded decodeAfterHeader(byte[] bytes, int offset, int end, Atom[] atoms) {
    Reader in = reader(bytes, offset, end, Objects.requireNonNull(atoms, "atoms"));
    Object term = in.term(0);
    return new Decoded(term, in.pos);
  }

  /** A reader of {@code bytes[offset..end)}, refused before anything is read when over the limit. */
  private Reader reader(byte[] bytes, int offset, int end, Atom[] atoms) {
    Objects.checkFromToIndex(offset, end, bytes.length);
    if (end - offset > limits.maxBytes()) {
      throw new DecodeException("term of " + (end - offset) + " bytes exceeds the limit of "
          + limits.maxBytes(), offset);
    }
    return new Reader(bytes, offset, end, atoms);
  }

  private final class Reader {
    private final byte[] b;
    private final int end;
    /** The distribution header's atoms, or null for a term outside a frame. */
    private final Atom[] cached;
    private int pos;

    Reader(byte[] b, int pos, int end, Atom[] cached) {
      this.b = b;
      this.pos = pos;
      this.end = end;
      this.cached = cached;
    }

    private DecodeException fail(String message) {
      return new DecodeException(message, pos);
    }

    private void need(long n, String what) {
      if (n < 0 || n > end - pos) {
        throw fail(what + " needs " + n + " bytes but only " + (end - pos) + " remain");
      }
    }

    int u8() {
      need(1, "a byte");
      return b[pos++] & 0xFF;
    }

    int u16() {
      need(2, "a 16-bit length");
      int v = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
      pos += 2;
      return v;
    }

    int s32() {
      need(4, "a 32-bit value");
      int v = ((b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16)
          | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
      pos += 4;
      return v;
    }

    long u32() {
      return s32() & 0xFFFF_FFFFL;
    }

    long s64() {
      return (u32() << 32) | u32();
    }

    byte[] bytes(long n, String what) {
      need(n, what);
      byte[] out = Arrays.copyOfRange(b, pos, pos + (int) n);
      pos += (int) n;
      return out;
    }

    /** A count of items that each take at least {@code minBytes}: refused when it cannot fit. */
    int count(long n, int minBytes, String what) {
      if (n * minBytes > end - pos) {
        throw fail(what + " claims " + n + " elements but only " + (end - pos) + " bytes remain");
      }
      return (int) n;
    }

    Object term(int depth) {
      if (depth > limits.maxDepth()) {
        throw fail("term nests deeper than the limit of " + limits.maxDepth());
      }
      int tag = u8();
      return switch (tag) {
        case Tag.SMALL_INTEGER -> (long) u8();
        case Tag.INTEGER -> (long) s32();
        case Tag.NEW_FLOAT -> Double.longBitsToDouble(s64());
        case Tag.FLOAT -> oldFloat();
        case Tag.ATOM, Tag.ATOM_UTF8 -> atom(tag, u16());
        case Tag.SMALL_ATOM, Tag.SMALL_ATOM_UTF8 -> atom(tag, u8());
        case Tag.ATOM_CACHE_REF -> cachedAtom();
        case Tag.SMALL_TUPLE -> tuple(u8(), depth);
        case Tag.LARGE_TUPLE -> tuple(u32(), depth);
        case Tag.NIL -> ErlList.NIL;
        case Tag.STRING -> string(u16());
        case Tag.LIST -> list(u32(), depth);
        case Tag.BINARY -> Binary.wrap(bytes(u32(), "a binary"));
        case Tag.BIT_BINARY -> bitBinary();
        case Tag.SMALL_BIG -> big(u8());
        case Tag.LARGE_BIG -> big(u32());
        case Tag.MAP -> map(u32(), depth);
        case Tag.NEW_PID -> pids.fromWire(new ErlPid(atomTerm(), u32(), u32(), u32()));
        case Tag.PID -> pids.fromWire(new ErlPid(atomTerm(), u32(), u32(), u8()));
        case Tag.NEW_PORT -> new ErlPort(atomTerm(), u32(), u32());
        case Tag.V4_PORT -> new ErlPort(atomTerm(), s64(), u32());
        case Tag.NEWER_REFERENCE, Tag.NEW_REFERENCE -> pids.fromWire(reference(tag));
        case Tag.EXPORT -> export();
        case Tag.NEW_FUN -> localFun();
        default -> throw new DecodeException("unknown or unsupported term tag " + tag, pos - 1);
      };
    }

    private Object oldFloat() {
      String text = new String(bytes(31, "an old float"), StandardCharsets.ISO_8859_1).trim();
      try {
        return Double.parseDouble(text.replace("\0", ""));
      } catch (NumberFormatException e) {
        throw fail("old float is not a number: " + text);
      }
    }

    private Atom atom(int tag, int length) {
      byte[] raw = bytes(length, "an atom");
      boolean utf8 = tag == Tag.ATOM_UTF8 || tag == Tag.SMALL_ATOM_UTF8;
      String name = new String(raw, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      try {
        return new Atom(name);
      } catch (IllegalArgumentException e) {
        throw fail(e.getMessage());
      }
    }

    private Atom cachedAtom() {
      int at = pos - 1;
      int index = u8();
      if (cached == null) {
        throw new DecodeException("an atom cache reference outside a distribution header", at);
      }
      if (index >= cached.length) {
        throw new DecodeException("atom cache reference " + index + " beyond the header's "
            + cached.length + " atoms", at);
      }
      return cached[index];
    }

    private Atom atomTerm() {
      int tag = u8();
      return switch (tag) {
        case Tag.ATOM, Tag.ATOM_UTF8 -> atom(tag, u16());
        case Tag.SMALL_ATOM, Tag.SMALL_ATOM_UTF8 -> atom(tag, u8());
        case Tag.ATOM_CACHE_REF -> cachedAtom();
        default -> throw new DecodeException("expected an atom, got tag " + tag, pos - 1);
      };
    }

    private Tuple tuple(long arity, int depth) {
      int n = count(arity, 1, "tuple");
      Object[] elements = new Object[n];
      for (int i = 0; i < n; i++) {
        elements[i] = term(depth + 1);
      }
      return new Tuple(List.of(elements)); // one copy: Tuple keeps an immutable list as it is
    }

    private ErlList string(int length) {
      byte[] raw = bytes(length, "a string");
      List<Object> chars = new ArrayList<>(length);
      for (byte c : raw) {
        chars.add((long) (c & 0xFF));
      }
      return new ErlList(chars);
    }

    /** Lists nested through their tail ({@code [1|[2|x]]}) are read in a loop, not recursion. */
    private Object list(long length, int depth) {
      List<Object> elements = new ArrayList<>();
      while (true) {
        int n = count(length, 1, "list");
        for (int i = 0; i < n; i++) {
          elements.add(term(depth + 1));
        }
        need(1, "a list tail");
        int tailTag = b[pos] & 0xFF;
        if (tailTag == Tag.LIST) {
          pos++;
          length = u32();
          continue;
        }
        Object tail = term(depth + 1);
        if (tail instanceof ErlList rest) {
          elements.addAll(rest.elements());
          return new ErlList(elements);
        }
        if (elements.isEmpty()) {
          throw fail("list of no elements with the non-list tail " + Terms.show(tail));
        }
        return new ImproperList(elements, tail);
      }
    }

    private Object bitBinary() {
      long length = u32();
      int bits = u8();
      byte[] raw = bytes(length, "a bit string");
      if (bits == 8 || (bits == 0 && length == 0)) {
        return Binary.wrap(raw);
      }
      if (length == 0 || bits < 1 || bits > 8) {
        throw fail("bit string of " + length + " bytes cannot have " + bits + " bits in the last");
      }
      return BitString.wrap(raw, bits);
    }

    private Object big(long n) {
      if (n > limits.maxBigIntegerBytes()) {
        throw fail("integer of " + n + " bytes exceeds the limit of "
            + limits.maxBigIntegerBytes());
      }
      int sign = u8();
      if (sign > 1) {
        throw fail("big integer sign must be 0 or 1, got " + sign);
      }
      byte[] little = bytes(n, "a big integer");
      byte[] bigEndian = new byte[little.length];
      for (int i = 0; i < little.length; i++) {
        bigEndian[i] = little[little.length - 1 - i];
      }
      BigInteger value = new BigInteger(1, bigEndian);
      if (sign == 1) {
        value = value.negate();
      }
      return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private Map<Object, Object> map(long arity, int depth) {
      int n = count(arity, 2, "map");
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        int at = pos;
        Object key = term(depth + 1);
        if (map.put(key, term(depth + 1)) != null) {
          throw new DecodeException("map repeats the key " + Terms.show(key), at);
        }
      }
      return Collections.unmodifiableMap(map);
    }

    private ErlRef reference(int tag) {
      int length = u16();
      if (length < 1 || length > 5) {
        throw fail("reference must have 1 to 5 words, got " + length);
      }
      Atom node = atomTerm();
      long creation = tag == Tag.NEWER_REFERENCE ? u32() : u8();
      int[] ids = new int[count(length, 4, "reference")];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = s32();
      }
      return new ErlRef(node, creation, ids);
    }

    private ExportFun export() {
      Atom module = atomTerm();
      Atom function = atomTerm();
      int at = pos;
      int arityTag = u8();
      if (arityTag != Tag.SMALL_INTEGER) {
        throw new DecodeException("export fun arity must be a small integer, got tag "
            + arityTag, at);
      }
      return new ExportFun(module, function, u8());
    }

    private LocalFun localFun() {
      int start = pos - 1;
      long size = u32();
      if (size < 4) {
        throw fail("fun size " + size + " is smaller than its own size field");
      }
      need(size - 4, "a fun");
      pos += (int) (size - 4);
      return new LocalFun(Arrays.copyOfRange(b, start, pos));
    }
  }
}
