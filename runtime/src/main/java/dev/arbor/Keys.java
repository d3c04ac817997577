package dev.arbor;

/** How a name's key reads in a report: a string as a Java literal, so {@code "7"} and {@code 7} differ. */
final class Keys {
  private Keys() {}

  static String asJava(Object key) {
    if (!(key instanceof String s)) {
      return String.valueOf(key);
    }
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
