package dev.arbor.dist.term;

import java.util.Objects;

/**
 * A port identifier ({@code V4_PORT_EXT}): Arbor has no ports, it only carries them.
 *
 * @param node the node that owns the port
 * @param id the port number (64 bits on the wire)
 * @param creation the node incarnation, unsigned 32 bits
 */
public record ErlPort(Atom node, long id, long creation) {
  /** Checks the creation's range. */
  public ErlPort {
    Objects.requireNonNull(node, "node");
    Terms.checkU32("port creation", creation);
  }

  @Override
  public String toString() {
    return "#Port<" + node.name() + "." + Long.toUnsignedString(id) + ">";
  }
}
