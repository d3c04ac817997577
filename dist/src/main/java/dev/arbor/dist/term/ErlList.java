package dev.arbor.dist.term;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A proper Erlang list ({@code []} when empty). Erlang strings are lists of code points: {@link
 * #ofString} and {@link #asString} convert.
 *
 * @param elements the elements, unmodifiable
 */
public record ErlList(List<Object> elements) {
  /** The empty list, {@code []}. */
  public static final ErlList NIL = new ErlList(List.of());

  /** Copies {@code elements}; null elements are refused. */
  public ErlList {
    elements = List.copyOf(elements);
  }

  /** A proper list of the given elements, copied once (as {@link Tuple#of}). */
  public static ErlList of(Object... elements) {
    return new ErlList(List.of(elements));
  }

  /** The charlist Erlang writes as {@code "text"}: one integer per code point. */
  public static ErlList ofString(String text) {
    return new ErlList(text.codePoints().mapToObj(c -> (Object) (long) c).toList());
  }

  /** The number of elements. */
  public int size() {
    return elements.size();
  }

  /** The element at {@code index}, counted from 0. */
  public Object get(int index) {
    return elements.get(index);
  }

  /**
   * This list read as a charlist.
   *
   * @throws IllegalStateException naming the first element that is not a code point
   */
  public String asString() {
    StringBuilder text = new StringBuilder();
    for (Object element : elements) {
      if (!(element instanceof Long c) || c < 0 || c > Character.MAX_CODE_POINT) {
        throw new IllegalStateException("not a charlist: element " + Terms.show(element));
      }
      text.appendCodePoint(c.intValue());
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return elements.stream().map(Terms::show).collect(Collectors.joining(",", "[", "]"));
  }
}
