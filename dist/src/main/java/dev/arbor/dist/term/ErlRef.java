package dev.arbor.dist.term;

import java.util.Arrays;
import java.util.Objects;

/**
 * A reference ({@code NEWER_REFERENCE_EXT}): a node, its creation and up to five 32-bit words.
 * Unique per node incarnation; used for monitors, calls and aliases.
 */
public final class ErlRef {
  private final Atom node;
  private final long creation;
  private final int[] ids;

  /**
   * A reference of {@code node}.
   *
   * @param node the node that made it
   * @param creation the node incarnation, unsigned 32 bits
   * @param ids 1 to 5 words, as Erlang allows
   */
  public ErlRef(Atom node, long creation, int[] ids) {
    this.node = Objects.requireNonNull(node, "node");
    this.creation = Terms.checkU32("reference creation", creation);
    if (ids.length < 1 || ids.length > 5) {
      throw new IllegalArgumentException("a reference has 1 to 5 words, got " + ids.length);
    }
    this.ids = ids.clone();
  }

  /** The node that made this reference. */
  public Atom node() {
    return node;
  }

  /** The node incarnation that made this reference. */
  public long creation() {
    return creation;
  }

  /** A copy of the reference's words. */
  public int[] ids() {
    return ids.clone();
  }

  int[] unsafeIds() {
    return ids;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ErlRef other
        && node.equals(other.node)
        && creation == other.creation
        && Arrays.equals(ids, other.ids);
  }

  @Override
  public int hashCode() {
    return Objects.hash(node, creation) * 31 + Arrays.hashCode(ids);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("#Ref<").append(node.name());
    for (int i = ids.length - 1; i >= 0; i--) {
      out.append('.').append(Integer.toUnsignedString(ids[i]));
    }
    return out.append('>').toString();
  }
}
