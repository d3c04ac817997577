package dev.arbor.dist.term;

/**
 * Turns wire pids and references into the objects the application sees, and back. The node
 * installs one that maps them to the runtime's {@code Pid} and {@code Ref}; {@link #IDENTITY}
 * keeps {@link ErlPid}s and {@link ErlRef}s.
 */
public interface HandleMapper {
  /** Keeps every pid and reference in its wire form. */
  HandleMapper IDENTITY = new HandleMapper() {
    @Override
    public Object fromWire(ErlPid pid) {
      return pid;
    }

    @Override
    public ErlPid toWire(Object pid) {
      return null;
    }
  };

  /** The object that stands for {@code pid} in decoded terms. */
  Object fromWire(ErlPid pid);

  /** The wire form of {@code value}, or null when it is not a pid this mapper knows. */
  ErlPid toWire(Object value);

  /** The object that stands for {@code ref} in decoded terms; the reference itself by default. */
  default Object fromWire(ErlRef ref) {
    return ref;
  }

  /** The wire form of {@code value}, or null when it is not a reference this mapper knows. */
  default ErlRef refToWire(Object value) {
    return null;
  }
}
