package dev.arbor.dist.pg;

import dev.arbor.Pid;
import dev.arbor.dist.node.RuntimeHandles;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Binary;
import dev.arbor.dist.term.DecodeException;
import dev.arbor.dist.term.DecodeLimits;
import dev.arbor.dist.term.TermDecoder;
import dev.arbor.dist.term.TermEncoder;
import java.util.Objects;

/**
 * Groups as the Erlang terms they are. A group is compared as peers see it: the Java {@code
 * "chat"} is the binary Elixir writes {@code "chat"}, {@code 7} (an {@code int}) is the integer
 * {@code 7L}, a {@code java.util.List} is a list. So a group is taken through the term codec once,
 * and what comes back is the key, the same whether a Java caller or a peer's message named it.
 */
final class GroupTerms {
  private static final RuntimeHandles HANDLES = new RuntimeHandles();
  private static final TermEncoder ENCODER = new TermEncoder(HANDLES);
  private static final TermDecoder DECODER = new TermDecoder(DecodeLimits.DEFAULT, HANDLES);

  private GroupTerms() {}

  /**
   * {@code group} as it reads back from the wire.
   *
   * @throws IllegalArgumentException when {@code group} is no Erlang term, naming it
   */
  static Object canonical(Object group) {
    Objects.requireNonNull(group, "group");
    if (group instanceof Atom || group instanceof Long || group instanceof Binary
        || group instanceof Pid) {
      return group; // already what the decoder gives: the common cases skip the codec
    }
    try {
      return DECODER.decode(ENCODER.encode(group));
    } catch (IllegalArgumentException | DecodeException notATerm) {
      // Not a term (a Java object), or one beyond the limits a peer would accept (too deep).
      throw new IllegalArgumentException("a group must be an Erlang term, got " + group
          + ": " + notATerm.getMessage(), notATerm);
    }
  }
}
