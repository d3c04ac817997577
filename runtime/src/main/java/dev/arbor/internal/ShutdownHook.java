package dev.arbor.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM shutdown hook that stops the top-level supervision trees, and whether it is on. {@code
 * dev.arbor.Arbor} owns the public switch and the stopping; the supervisor package installs the hook
 * when the first top-level supervisor starts. Both meet here, so that neither depends on the other
 * in that direction: the hook finds {@code Arbor.shutdown} through the action {@code Arbor}
 * registers when it is loaded, and loads {@code Arbor} by name if nothing has yet.
 */
public final class ShutdownHook {
  /** The system property that turns the hook off when set to {@code false}. */
  public static final String PROPERTY = "arbor.shutdownHook";
  private static final String OWNER = "dev.arbor.Arbor";

  private static volatile boolean enabled = !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim());
  private static volatile Runnable action;
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  private ShutdownHook() {}

  public static boolean enabled() {
    return enabled;
  }

  public static void enable(boolean on) {
    enabled = on;
  }

  /** What the hook runs: {@code Arbor.shutdown}, registered by {@code Arbor} as it is loaded. */
  public static void action(Runnable stopEverything) {
    action = stopEverything;
  }

  /**
   * Virtual threads do not keep the JVM alive, and nothing else would stop a tree when it exits; so
   * the first top-level supervisor installs a hook that stops them all, newest first (init:stop()).
   */
  public static void installOnce() {
    if (!enabled || !INSTALLED.compareAndSet(false, true)) {
      return;
    }
    try {
      Class.forName(OWNER, true, ShutdownHook.class.getClassLoader()); // registers the action
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
    Runnable stop = action;
    Thread hook = new Thread(() -> {
      if (enabled) {
        stop.run();
      }
    }, "arbor-shutdown-hook");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException shuttingDownAlready) {
      // The JVM is already exiting; the running hooks decide what happens.
    }
  }
}
