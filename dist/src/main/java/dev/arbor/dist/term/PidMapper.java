package dev.arbor.dist.term;

/**
 * Turns wire pids into the objects the application sees, and back. The node installs one that
 * maps pids of its own processes to runtime pids; the default keeps {@link ErlPid}s.
 */
public interface PidMapper {
  /** Keeps every pid as an {@link ErlPid}. */
  PidMapper IDENTITY = new PidMapper() {
    @Override
    public Object fromWire(ErlPid pid) {
      return pid;
    }

    @Override
    public ErlPid toWire(Object pid) {
      return pid instanceof ErlPid p ? p : null;
    }
  };

  /** The object that stands for {@code pid} in decoded terms. */
  Object fromWire(ErlPid pid);

  /** The wire form of {@code value}, or null when it is not a pid this mapper knows. */
  ErlPid toWire(Object value);
}
