package dev.arbor.dist.term;

import java.util.Arrays;

/**
 * A local fun ({@code NEW_FUN_EXT}), kept as its encoded bytes: Java cannot run it, but it can hold
 * it and send it back unchanged.
 */
public final class LocalFun {
  private final byte[] encoded;

  LocalFun(byte[] encoded) {
    this.encoded = encoded;
  }

  /** A copy of the fun's encoding, from its tag byte (112) on. */
  public byte[] encoded() {
    return encoded.clone();
  }

  byte[] unsafeEncoded() {
    return encoded;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocalFun other && Arrays.equals(encoded, other.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "#Fun<" + encoded.length + " bytes>";
  }
}
