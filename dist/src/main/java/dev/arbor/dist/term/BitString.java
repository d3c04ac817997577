package dev.arbor.dist.term;

import java.util.Arrays;

/**
 * An Erlang bit string whose length is not a whole number of bytes: full bytes, then the high
 * {@code bitsInLastByte} bits of the last byte (the rest are zero).
 */
public final class BitString {
  private final byte[] bytes;
  private final int bitsInLastByte;

  private BitString(byte[] bytes, int bitsInLastByte) {
    if (bytes.length == 0 || bitsInLastByte < 1 || bitsInLastByte > 7) {
      throw new IllegalArgumentException("a bit string needs at least one byte and 1..7 bits in"
          + " the last, got " + bytes.length + " bytes and " + bitsInLastByte + " bits");
    }
    int unused = 8 - bitsInLastByte;
    bytes[bytes.length - 1] = (byte) ((bytes[bytes.length - 1] >> unused) << unused);
    this.bytes = bytes;
    this.bitsInLastByte = bitsInLastByte;
  }

  /** The bit string of {@code bytes} whose last byte holds only {@code bitsInLastByte} bits. */
  public static BitString of(byte[] bytes, int bitsInLastByte) {
    return new BitString(bytes.clone(), bitsInLastByte);
  }

  static BitString wrap(byte[] bytes, int bitsInLastByte) {
    return new BitString(bytes, bitsInLastByte);
  }

  /** A copy of the bytes, the last one padded with zero bits. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** How many bits of the last byte belong to the bit string (1 to 7). */
  public int bitsInLastByte() {
    return bitsInLastByte;
  }

  /** The length in bits. */
  public long bitLength() {
    return (bytes.length - 1) * 8L + bitsInLastByte;
  }

  byte[] unsafeBytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BitString other
        && bitsInLastByte == other.bitsInLastByte
        && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes) * 31 + bitsInLastByte;
  }

  @Override
  public String toString() {
    return "<<" + bitLength() + " bits>>";
  }
}
