package dev.arbor.dist.term;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An Erlang tuple: fixed size, value equality.
 *
 * @param elements the elements, unmodifiable
 */
public record Tuple(List<Object> elements) {
  /** Copies {@code elements} into an unmodifiable list; null elements are refused. */
  public Tuple {
    elements = List.copyOf(elements);
  }

  /**
   * A tuple of the given elements. {@code List.of} copies them once, into a list the constructor
   * keeps as it is; a list wrapping the array would be copied twice ({@code toArray}, then {@code
   * List.of}).
   */
  public static Tuple of(Object... elements) {
    return new Tuple(List.of(elements));
  }

  /** The number of elements. */
  public int size() {
    return elements.size();
  }

  /** The element at {@code index}, counted from 0 (Erlang's {@code element(index + 1, T)}). */
  public Object get(int index) {
    return elements.get(index);
  }

  @Override
  public String toString() {
    return elements.stream().map(Terms::show).collect(Collectors.joining(",", "{", "}"));
  }
}
