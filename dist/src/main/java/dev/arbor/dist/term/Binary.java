package dev.arbor.dist.term;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** An Erlang binary: bytes with value equality. The array is copied in and out. */
public final class Binary {
  private final byte[] bytes;

  private Binary(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A binary holding a copy of {@code bytes}. */
  public static Binary of(byte[] bytes) {
    return new Binary(bytes.clone());
  }

  /** The UTF-8 bytes of {@code text}: what Elixir calls a string. */
  public static Binary ofUtf8(String text) {
    return new Binary(text.getBytes(StandardCharsets.UTF_8));
  }

  static Binary wrap(byte[] bytes) {
    return new Binary(bytes);
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes. */
  public int size() {
    return bytes.length;
  }

  /** The bytes read as UTF-8 (malformed sequences become U+FFFD). */
  public String asString() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  byte[] unsafeBytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Binary other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    if (bytes.length <= 64) {
      String text = asString();
      if (text.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD) && Arrays.equals(
          text.getBytes(StandardCharsets.UTF_8), bytes)) {
        return "<<\"" + text.replace("\"", "\\\"") + "\">>";
      }
    }
    StringBuilder out = new StringBuilder("<<");
    for (int i = 0; i < Math.min(bytes.length, 32); i++) {
      out.append(i == 0 ? "" : ",").append(bytes[i] & 0xFF);
    }
    return out.append(bytes.length > 32 ? ",...>>" : ">>").toString();
  }
}
