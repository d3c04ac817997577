package dev.arbor.dist.term;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes Java values in the external term format, choosing the encodings {@code erl} itself
 * produces (UTF-8 atoms, {@code NEW_FLOAT_EXT}, {@code STRING_EXT} for short lists of bytes, V4
 * pids and ports). Thread-safe. See the package documentation for the Java types it accepts.
 */
public final class TermEncoder {
  private final HandleMapper pids;

  /** An encoder that turns runtime pids into wire pids through {@code pids}. */
  public TermEncoder(HandleMapper pids) {
    this.pids = Objects.requireNonNull(pids, "pids");
  }

  /** An encoder that knows only {@link ErlPid}s. */
  public TermEncoder() {
    this(HandleMapper.IDENTITY);
  }

  /** {@code term} with the version byte, as {@code term_to_binary/1} would give it. */
  public byte[] encode(Object term) {
    Output out = new Output(64);
    encodeTo(out, term);
    return out.toByteArray();
  }

  /** Appends the version byte and {@code term} to {@code out}. */
  public void encodeTo(Output out, Object term) {
    out.u8(Tag.VERSION);
    write(out, term);
  }

  /**
   * Appends {@code term} as it follows a distribution header: without the version byte, which the
   * header implies, and with its atoms as references into {@code out}'s {@linkplain
   * Output#Output(int, FrameAtoms) frame atoms}, which the header then names.
   */
  public void encodeAfterHeader(Output out, Object term) {
    if (out.atoms == null) {
      throw new IllegalArgumentException("an output made for a distribution header, with its atoms");
    }
    write(out, term);
  }

  private void write(Output out, Object term) {
    switch (term) {
      case null -> throw new IllegalArgumentException("null is not an Erlang term");
      case Atom atom -> atom(out, atom);
      case Boolean bool -> atom(out, bool ? Atom.TRUE : Atom.FALSE);
      case Long n -> integer(out, n);
      case Integer n -> integer(out, n);
      case Short n -> integer(out, n);
      case Byte n -> integer(out, n);
      case BigInteger n -> big(out, n);
      case Double d -> out.u8(Tag.NEW_FLOAT).u64(Double.doubleToRawLongBits(d));
      case Float f -> out.u8(Tag.NEW_FLOAT).u64(Double.doubleToRawLongBits(f));
      case Binary bin -> binary(out, bin.unsafeBytes());
      case byte[] bytes -> binary(out, bytes);
      case String s -> binary(out, s.getBytes(StandardCharsets.UTF_8));
      case BitString bits -> out.u8(Tag.BIT_BINARY).u32(bits.unsafeBytes().length)
          .u8(bits.bitsInLastByte()).bytes(bits.unsafeBytes());
      case Tuple tuple -> tuple(out, tuple.elements());
      case ErlList list -> list(out, list.elements(), null);
      case ImproperList list -> list(out, list.elements(), list.tail());
      case List<?> list -> list(out, list, null);
      case Map<?, ?> map -> map(out, map);
      case ErlPid pid -> pid(out, pid);
      case ErlRef ref -> ref(out, ref);
      case ErlPort port -> out.u8(Tag.V4_PORT).also(o -> atom(o, port.node()))
          .u64(port.id()).u32(port.creation());
      case ExportFun fun -> out.u8(Tag.EXPORT).also(o -> atom(o, fun.module()))
          .also(o -> atom(o, fun.function())).u8(Tag.SMALL_INTEGER).u8(fun.arity());
      case LocalFun fun -> out.bytes(fun.unsafeEncoded());
      default -> {
        ErlPid pid = pids.toWire(term);
        ErlRef ref = pid == null ? pids.refToWire(term) : null;
        if (pid != null) {
          pid(out, pid);
        } else if (ref != null) {
          ref(out, ref);
        } else {
          throw new IllegalArgumentException("cannot encode a " + term.getClass().getName()
              + " as an Erlang term: " + term);
        }
      }
    }
  }

  private static void atom(Output out, Atom atom) {
    int ref = out.atoms == null ? -1 : out.atoms.indexOf(atom);
    if (ref >= 0) {
      out.u8(Tag.ATOM_CACHE_REF).u8(ref);
      return;
    }
    byte[] utf8 = atom.utf8();
    if (utf8.length < 256) {
      out.u8(Tag.SMALL_ATOM_UTF8).u8(utf8.length);
    } else {
      out.u8(Tag.ATOM_UTF8).u16(utf8.length);
    }
    out.bytes(utf8);
  }

  private static void integer(Output out, long n) {
    if (n >= 0 && n <= 255) {
      out.u8(Tag.SMALL_INTEGER).u8((int) n);
    } else if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
      out.u8(Tag.INTEGER).u32((int) n);
    } else {
      big(out, BigInteger.valueOf(n));
    }
  }

  private static void big(Output out, BigInteger n) {
    if (n.bitLength() < 32) {
      integer(out, n.intValue());
      return;
    }
    byte[] magnitude = n.abs().toByteArray();
    int skip = magnitude[0] == 0 ? 1 : 0;
    int length = magnitude.length - skip;
    if (length < 256) {
      out.u8(Tag.SMALL_BIG).u8(length);
    } else {
      out.u8(Tag.LARGE_BIG).u32(length);
    }
    out.u8(n.signum() < 0 ? 1 : 0);
    for (int i = magnitude.length - 1; i >= skip; i--) {
      out.u8(magnitude[i]);
    }
  }

  private static void binary(Output out, byte[] bytes) {
    out.u8(Tag.BINARY).u32(bytes.length).bytes(bytes);
  }

  private void tuple(Output out, List<?> elements) {
    if (elements.size() < 256) {
      out.u8(Tag.SMALL_TUPLE).u8(elements.size());
    } else {
      out.u8(Tag.LARGE_TUPLE).u32(elements.size());
    }
    for (Object element : elements) {
      write(out, element);
    }
  }

  private void list(Output out, List<?> elements, Object tail) {
    if (elements.isEmpty()) {
      out.u8(Tag.NIL);
      return;
    }
    if (tail == null && elements.size() < 65536 && allBytes(elements)) {
      out.u8(Tag.STRING).u16(elements.size());
      for (Object element : elements) {
        out.u8(((Number) element).intValue());
      }
      return;
    }
    out.u8(Tag.LIST).u32(elements.size());
    for (Object element : elements) {
      write(out, element);
    }
    if (tail == null) {
      out.u8(Tag.NIL);
    } else {
      write(out, tail);
    }
  }

  private static boolean allBytes(List<?> elements) {
    for (Object element : elements) {
      if (!(element instanceof Long || element instanceof Integer)
          || ((Number) element).longValue() < 0 || ((Number) element).longValue() > 255) {
        return false;
      }
    }
    return true;
  }

  private void map(Output out, Map<?, ?> map) {
    out.u8(Tag.MAP).u32(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      write(out, entry.getKey());
      write(out, entry.getValue());
    }
  }

  private static void pid(Output out, ErlPid pid) {
    out.u8(Tag.NEW_PID);
    atom(out, pid.node());
    out.u32(pid.id()).u32(pid.serial()).u32(pid.creation());
  }

  private static void ref(Output out, ErlRef ref) {
    int[] ids = ref.unsafeIds();
    out.u8(Tag.NEWER_REFERENCE).u16(ids.length);
    atom(out, ref.node());
    out.u32(ref.creation());
    for (int id : ids) {
      out.u32(id);
    }
  }

  /** A growable byte buffer the encoder appends to; framing code reserves room before terms. */
  public static final class Output {
    private byte[] buf;
    private int size;
    /** The frame's atom table, when this output holds terms that follow a distribution header. */
    final FrameAtoms atoms;

    /** An empty buffer with room for {@code capacity} bytes. */
    public Output(int capacity) {
      this(capacity, null);
    }

    /**
     * An empty buffer for the terms of a frame with a distribution header: {@link
     * TermEncoder#encodeAfterHeader} writes their atoms as references into {@code atoms}.
     */
    public Output(int capacity, FrameAtoms atoms) {
      buf = new byte[Math.max(16, capacity)];
      this.atoms = atoms;
    }

    private void room(int n) {
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
      }
    }

    /** Appends one byte. */
    public Output u8(int v) {
      room(1);
      buf[size++] = (byte) v;
      return this;
    }

    /** Appends a big-endian 16-bit value. */
    public Output u16(int v) {
      return u8(v >>> 8).u8(v);
    }

    /** Appends a big-endian 32-bit value. */
    public Output u32(long v) {
      return u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF);
    }

    /** Appends a big-endian 64-bit value. */
    public Output u64(long v) {
      return u32(v >>> 32).u32(v & 0xFFFF_FFFFL);
    }

    /** Leaves {@code n} bytes to be filled in later (framing written in front of the terms). */
    public Output skip(int n) {
      room(n);
      size += n;
      return this;
    }

    /** Appends {@code bytes}. */
    public Output bytes(byte[] bytes) {
      room(bytes.length);
      System.arraycopy(bytes, 0, buf, size, bytes.length);
      size += bytes.length;
      return this;
    }

    Output also(java.util.function.Consumer<Output> step) {
      step.accept(this);
      return this;
    }

    /** Overwrites the big-endian 32-bit value at {@code index} (a length written last). */
    public void putU32(int index, long v) {
      buf[index] = (byte) (v >>> 24);
      buf[index + 1] = (byte) (v >>> 16);
      buf[index + 2] = (byte) (v >>> 8);
      buf[index + 3] = (byte) v;
    }

    /** The number of bytes written. */
    public int size() {
      return size;
    }

    /** The internal array; only the first {@link #size()} bytes are meaningful. */
    public byte[] array() {
      return buf;
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }
  }
}
