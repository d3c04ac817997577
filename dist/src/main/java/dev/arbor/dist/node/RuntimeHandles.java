package dev.arbor.dist.node;

import dev.arbor.Pid;
import dev.arbor.Ref;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.ErlPid;
import dev.arbor.dist.term.ErlRef;
import dev.arbor.dist.term.HandleMapper;
import dev.arbor.remote.Handles;

/**
 * Wire pids and references as the runtime's {@link Pid}s and {@link Ref}s. Every wire pid becomes
 * a runtime pid (local or remote, equal by node, ID, Serial and Creation). References this node
 * made come back as the runtime's {@code Ref}s, so a {@code Down} from a peer carries the {@code
 * Ref} that {@code Proc.monitor} returned; references of other nodes stay {@link ErlRef}s.
 * Public for the other parts of {@code arbor-dist} that read terms as a peer would (process
 * groups compare groups that way); not API.
 */
public final class RuntimeHandles implements HandleMapper {
  /** Erlang keeps 18 bits in a reference's first word; the rest of the number goes in the next. */
  private static final int FIRST_WORD_BITS = 18;

  @Override
  public Object fromWire(ErlPid pid) {
    return Handles.pid(pid.node().name(), (int) pid.id(), (int) pid.serial(),
        (int) pid.creation());
  }

  @Override
  public ErlPid toWire(Object value) {
    if (!(value instanceof Pid pid)) {
      return null;
    }
    return new ErlPid(Atom.of(pid.node()), Integer.toUnsignedLong(Handles.number(pid)),
        Integer.toUnsignedLong(Handles.serial(pid)),
        Integer.toUnsignedLong(Handles.creation(pid)));
  }

  @Override
  public Object fromWire(ErlRef ref) {
    int[] ids = ref.ids();
    if (ids.length != 3 || !ref.node().name().equals(Handles.localNode())
        || ref.creation() != Integer.toUnsignedLong(Handles.localCreation())) {
      return ref;
    }
    long number = (ids[0] & ((1L << FIRST_WORD_BITS) - 1))
        | (Integer.toUnsignedLong(ids[1]) << FIRST_WORD_BITS)
        | (Integer.toUnsignedLong(ids[2]) << (FIRST_WORD_BITS + 32));
    return Handles.ref(number);
  }

  @Override
  public ErlRef refToWire(Object value) {
    if (!(value instanceof Ref ref)) {
      return null;
    }
    long number = Handles.refNumber(ref);
    return new ErlRef(Atom.of(Handles.localNode()),
        Integer.toUnsignedLong(Handles.localCreation()), new int[] {
            (int) (number & ((1L << FIRST_WORD_BITS) - 1)),
            (int) (number >>> FIRST_WORD_BITS),
            (int) (number >>> (FIRST_WORD_BITS + 32))});
  }
}
