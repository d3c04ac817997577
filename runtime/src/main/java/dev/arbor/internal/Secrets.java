package dev.arbor.internal;

import dev.arbor.Pid;
import dev.arbor.Ref;

/**
 * Lets the internal package create and open the public handles ({@link Pid}, {@link Ref}) whose
 * constructors are hidden from users. The public package's {@code Internals} installs the
 * implementation when it is initialized, which {@link #access()} triggers by name (the JDK's own
 * "shared secrets" pattern), so that {@code Pid} itself never refers to this class.
 */
public final class Secrets {
  private static final String INSTALLER = "dev.arbor.Internals";

  /** What {@code dev.arbor} lets this package do with its handles. */
  public interface Access {
    Pid newPid(long id, Endpoint target);

    Endpoint endpoint(Pid pid);

    Ref newRef(Object handle);

    /** The reference numbered {@code id}, equal to the one first made with that number; no handle. */
    Ref ref(long id);

    long id(Ref ref);

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
        Class.forName(INSTALLER, true, Secrets.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
      a = access;
    }
    return a;
  }
}
