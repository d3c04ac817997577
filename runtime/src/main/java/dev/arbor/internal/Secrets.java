package dev.arbor.internal;

import dev.arbor.Pid;
import dev.arbor.Ref;

/**
 * Lets the internal package create and open the public handles ({@link Pid}, {@link Ref}) whose
 * constructors are hidden from users. The public package installs the implementation when {@code
 * Pid} is initialized (the JDK's own "shared secrets" pattern).
 */
public final class Secrets {
  /** What {@code dev.arbor} lets this package do with its handles. */
  public interface Access {
    Pid newPid(long id, Process process);

    Process process(Pid pid);

    Ref newRef(Object handle);

    Object handle(Ref ref);
  }

  private static volatile Access access;

  private Secrets() {}

  public static void install(Access implementation) {
    access = implementation;
  }

  public static Access access() {
    Access a = access;
    if (a == null) {
      try {
        Class.forName(Pid.class.getName(), true, Secrets.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
      a = access;
    }
    return a;
  }
}
