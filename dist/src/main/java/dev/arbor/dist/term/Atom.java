package dev.arbor.dist.term;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An Erlang atom. At most 255 characters, as in Erlang.
 *
 * @param name the atom's text
 */
public record Atom(String name) {
  /** {@code true}. */
  public static final Atom TRUE = new Atom("true");

  /** {@code false}. */
  public static final Atom FALSE = new Atom("false");

  /** {@code undefined}. */
  public static final Atom UNDEFINED = new Atom("undefined");

  /** The empty atom {@code ''}, which fills unused fields of control messages. */
  public static final Atom EMPTY = new Atom("");

  /** Checks the length limit Erlang imposes. */
  public Atom {
    Objects.requireNonNull(name, "name");
    if (name.codePointCount(0, name.length()) > 255) {
      throw new IllegalArgumentException(
          "atom too long: " + name.codePointCount(0, name.length()) + " characters, at most 255");
    }
  }

  /** The atom named {@code name}. */
  public static Atom of(String name) {
    return new Atom(name);
  }

  byte[] utf8() {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  /** Erlang's notation, quoted when needed: {@code ok}, {@code 'Hello world'}. */
  @Override
  public String toString() {
    return bare() ? name : "'" + name.replace("'", "\\'") + "'";
  }

  /**
   * Whether Erlang writes this atom without quotes: a lower-case letter, then letters, digits, {@code
   * _} and {@code @}. A loop, as {@code String.matches} would compile a pattern on every call.
   */
  private boolean bare() {
    if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '@')) {
        return false;
      }
    }
    return true;
  }
}
