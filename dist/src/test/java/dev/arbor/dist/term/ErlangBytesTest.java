package dev.arbor.dist.term;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The codec against bytes that real {@code erl} (OTP 25) produced with {@code term_to_binary/2}:
 * src/test/resources/erl-terms.tsv holds one Erlang expression and its encoding per line, in the
 * order of {@link #expected()}.
 */
class ErlangBytesTest {
  private final TermDecoder decoder = new TermDecoder();
  private final TermEncoder encoder = new TermEncoder();

  private static List<Object> expected() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(Atom.of("a"), 1L);
    map.put(Binary.ofUtf8("k"), ErlList.of(Atom.of("x")));
    Object[] tuple300 = LongStream.rangeClosed(1, 300).boxed().toArray();
    return List.of(
        Atom.of("ok"), Atom.of("hello world"), Atom.of("h\u00e9llo"), Atom.TRUE, ErlList.NIL,
        0L, 255L, 256L, -1L, 2147483647L, -2147483648L, 2147483648L, Long.MAX_VALUE,
        Long.MIN_VALUE, BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(128).negate(),
        1.5, -0.0, Math.PI, Binary.of(new byte[0]), Binary.of(new byte[] {1, 2, 3}),
        Binary.ofUtf8("h\u00e9llo"), BitString.of(new byte[] {(byte) 0x80}, 1),
        BitString.of(new byte[] {(byte) 255, (byte) 0xE0}, 3), Tuple.of(),
        Tuple.of(Atom.of("a"), 1L, Binary.ofUtf8("x")), ErlList.ofString("abc"),
        ErlList.of(1L, 2L, 3L), ErlList.of(1000L, 2000L),
        new ImproperList(List.of(Atom.of("a")), Atom.of("b")),
        new ImproperList(List.of(1L, 2L), 3L), ErlList.of(ErlList.NIL), Map.of(), map,
        new ExportFun(Atom.of("lists"), Atom.of("map"), 2),
        Tuple.of(ErlList.of(Tuple.of(Atom.of("a"), ErlList.of(Atom.of("b")))),
            Map.of(1L, Tuple.of())),
        Tuple.of(tuple300), new ErlList(new ArrayList<>(LongStream.rangeClosed(1, 70000)
            .boxed().toList())));
  }

  private static List<String[]> lines() throws IOException {
    try (InputStream in = ErlangBytesTest.class.getResourceAsStream("/erl-terms.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(line -> line.split("\t")).toList();
    }
  }

  @Test
  void decodesWhatErlEncodesAndEncodesTheSameBytes() throws IOException {
    List<Object> expected = expected();
    List<String[]> lines = lines();
    for (int i = 0; i < expected.size(); i++) {
      String label = lines.get(i)[0];
      byte[] bytes = HexFormat.of().parseHex(lines.get(i)[1]);
      assertEquals(expected.get(i), decoder.decode(bytes), label);
      assertArrayEquals(bytes, encoder.encode(expected.get(i)), label);
    }
  }

  @Test
  void decodesPidsReferencesPortsAndLocalFunsFromErl() throws IOException {
    String[] line = lines().get(expected().size());
    byte[] bytes = HexFormat.of().parseHex(line[1]);
    Tuple tuple = (Tuple) decoder.decode(bytes);
    ErlPid pid = assertInstanceOf(ErlPid.class, tuple.get(0));
    assertEquals(Atom.of("x@127.0.0.1"), pid.node());
    ErlRef ref = assertInstanceOf(ErlRef.class, tuple.get(1));
    assertEquals(3, ref.ids().length);
    assertEquals(pid.creation(), ref.creation());
    assertInstanceOf(ErlPort.class, tuple.get(2));
    assertInstanceOf(LocalFun.class, tuple.get(3));
    // Erl writes node names with the Latin-1 ATOM_EXT; ours are UTF-8: the values survive.
    assertEquals(tuple, decoder.decode(encoder.encode(tuple)));
  }
}
