package dev.arbor.dist.term;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Forged lengths, deep nesting and oversized inputs are refused before anything is allocated. */
class BoundedDecodingTest {
  private final TermDecoder decoder = new TermDecoder(new DecodeLimits(1 << 16, 50, 64),
      HandleMapper.IDENTITY);

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void forgedListLengthIsRefusedNotAllocated() {
    DecodeException e = assertThrows(DecodeException.class,
        () -> decoder.decode(bytes(131, 108, 0x7F, 0xFF, 0xFF, 0xFF, 106)));
    assertTrue(e.getMessage().contains("claims 2147483647 elements"), e.getMessage());
  }

  @Test
  void forgedBinaryLengthIsRefused() {
    DecodeException e = assertThrows(DecodeException.class,
        () -> decoder.decode(bytes(131, 109, 0xFF, 0xFF, 0xFF, 0xFF, 1)));
    assertTrue(e.getMessage().contains("a binary needs 4294967295 bytes"), e.getMessage());
  }

  @Test
  void tooDeepIsRefused() {
    Object term = ErlList.NIL;
    for (int i = 0; i < 60; i++) {
      term = Tuple.of(term);
    }
    byte[] encoded = new TermEncoder().encode(term);
    DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(encoded));
    assertTrue(e.getMessage().contains("deeper than the limit of 50"), e.getMessage());
  }

  @Test
  void tooLargeInputIsRefused() {
    byte[] encoded = new TermEncoder().encode(Binary.of(new byte[1 << 16]));
    DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(encoded));
    assertTrue(e.getMessage().contains("exceeds the limit of 65536"), e.getMessage());
  }

  @Test
  void tooBigIntegerIsRefused() {
    byte[] encoded = new TermEncoder().encode(BigInteger.ONE.shiftLeft(8 * 100));
    DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(encoded));
    assertTrue(e.getMessage().contains("integer of 101 bytes exceeds"), e.getMessage());
  }

  @Test
  void unknownTagAndTrailingBytesAreRefused() {
    assertThrows(DecodeException.class, () -> decoder.decode(bytes(131, 200)));
    assertThrows(DecodeException.class, () -> decoder.decode(bytes(131, 106, 106)));
    assertThrows(DecodeException.class, () -> decoder.decode(bytes(130, 106)));
    assertThrows(DecodeException.class, () -> decoder.decode(bytes(131, 116, 0, 0, 0, 2,
        97, 1, 97, 1, 97, 1, 97, 2)));
  }
}
