package dev.arbor.dist.term;

import java.util.Objects;

/**
 * A process identifier as it travels between nodes ({@code NEW_PID_EXT}): the node, the process
 * number and serial, and the node's creation, which tells apart two lives of a node of the same
 * name. All three numbers are unsigned 32-bit values.
 *
 * @param node the node the process lives on
 * @param id the process number
 * @param serial the serial
 * @param creation the node incarnation
 */
public record ErlPid(Atom node, long id, long serial, long creation) {
  /** Checks that the numbers fit in 32 unsigned bits. */
  public ErlPid {
    Objects.requireNonNull(node, "node");
    Terms.checkU32("pid id", id);
    Terms.checkU32("pid serial", serial);
    Terms.checkU32("pid creation", creation);
  }

  @Override
  public String toString() {
    return "<" + node.name() + "." + id + "." + serial + ">";
  }
}
