package dev.arbor.dist.term;

import java.util.Map;
import java.util.stream.Collectors;

/** Small helpers shared by the term classes. */
final class Terms {
  private Terms() {}

  static long checkU32(String what, long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(what + " must fit in 32 unsigned bits, got " + value);
    }
    return value;
  }

  /** Erlang-like text for any term, for messages and toString. */
  static String show(Object term) {
    if (term instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> show(e.getKey()) + "=>" + show(e.getValue()))
          .collect(Collectors.joining(",", "#{", "}"));
    }
    if (term instanceof String s) {
      return "<<\"" + s + "\">>";
    }
    return String.valueOf(term);
  }
}
