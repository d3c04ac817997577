package dev.arbor.dist.term;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An improper list {@code [a, b | tail]}: at least one element, and a tail that is not a list.
 *
 * @param elements the elements before the bar, unmodifiable and not empty
 * @param tail what follows the bar
 */
public record ImproperList(List<Object> elements, Object tail) {
  /** Checks that this really is improper: elements present, tail not a list. */
  public ImproperList {
    elements = List.copyOf(elements);
    Objects.requireNonNull(tail, "tail");
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("an improper list needs at least one element");
    }
    if (tail instanceof ErlList || tail instanceof ImproperList || tail instanceof List<?>) {
      throw new IllegalArgumentException("tail is a list, so the list is not improper: " + tail);
    }
  }

  @Override
  public String toString() {
    return elements.stream().map(Terms::show).collect(Collectors.joining(",", "[", ""))
        + "|" + Terms.show(tail) + "]";
  }
}
