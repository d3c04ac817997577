package dev.arbor.dist.term;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Property: every term the model can express decodes to itself after encoding (seeded). */
class RoundTripTest {
  static final long SEED = Long.getLong("arbor.seed", 20261205L);

  /** A random term of the model, at most {@code depth} levels deep. */
  static Object randomTerm(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth <= 0 ? 9 : 14);
    return switch (kind) {
      case 0 -> Atom.of(randomText(random, random.nextInt(0, 20)));
      case 1 -> (long) random.nextInt(256);
      case 2 -> random.nextLong();
      case 3 -> {
        BigInteger big = new BigInteger(random.nextInt(65, 900), new java.util.Random(
            random.nextLong())).setBit(64);
        yield random.nextBoolean() ? big : big.negate();
      }
      case 4 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-300, 300));
      case 5 -> Binary.of(randomBytes(random, random.nextInt(0, 40)));
      case 6 -> BitString.of(randomBytes(random, random.nextInt(1, 6)), random.nextInt(1, 8));
      case 7 -> new ErlPid(Atom.of("n" + random.nextInt(3) + "@127.0.0.1"),
          random.nextLong(0, 1L << 32), random.nextLong(0, 1L << 32), random.nextLong(0, 1L << 32));
      case 8 -> new ErlRef(Atom.of("r@host"), random.nextLong(0, 1L << 32),
          new int[] {random.nextInt(), random.nextInt(), random.nextInt()});
      case 9 -> new Tuple(children(random, depth));
      case 10 -> new ErlList(children(random, depth));
      case 11 -> new ImproperList(List.of(randomTerm(random, depth - 1)),
          random.nextBoolean() ? Atom.of("tail") : Tuple.of(1L));
      case 12 -> {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Object key : children(random, depth)) {
          map.put(key, randomTerm(random, depth - 1));
        }
        yield map;
      }
      default -> new ExportFun(Atom.of("m"), Atom.of("f"), random.nextInt(256));
    };
  }

  private static List<Object> children(SplittableRandom random, int depth) {
    List<Object> out = new ArrayList<>();
    for (int i = random.nextInt(0, 6); i > 0; i--) {
      out.add(randomTerm(random, depth - 1));
    }
    return out;
  }

  private static String randomText(SplittableRandom random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(random.nextBoolean() ? random.nextInt('a', 'z' + 1)
          : random.nextInt(0xA0, 0x3000));
    }
    return text.toString();
  }

  static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  @Test
  void everyModelTermSurvivesEncodeThenDecode() {
    SplittableRandom random = new SplittableRandom(SEED);
    TermEncoder encoder = new TermEncoder();
    TermDecoder decoder = new TermDecoder();
    for (int i = 0; i < 5_000; i++) {
      Object term = randomTerm(random, 4);
      assertEquals(term, decoder.decode(encoder.encode(term)), "seed " + SEED + ", term " + i);
    }
  }

  @Test
  void javaConveniencesEncodeAsTheirErlangCounterparts() {
    TermDecoder decoder = new TermDecoder();
    TermEncoder encoder = new TermEncoder();
    assertEquals(Binary.ofUtf8("h\u00e9"), decoder.decode(encoder.encode("h\u00e9")));
    assertEquals(Atom.FALSE, decoder.decode(encoder.encode(false)));
    assertEquals(ErlList.of(1L, Atom.of("a")), decoder.decode(encoder.encode(
        List.of(1, Atom.of("a")))));
    assertEquals(7L, decoder.decode(encoder.encode(BigInteger.valueOf(7))));
  }
}
