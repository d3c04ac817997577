package dev.arbor.application;

import dev.arbor.Arbor;
import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Proc;
import dev.arbor.Pid;
import dev.arbor.Ref;
import dev.arbor.observe.ArborEvents;
import dev.arbor.observe.RuntimeListener;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorEvent;
import dev.arbor.supervisor.SupervisorEvent.IntensityExceeded;
import dev.arbor.supervisor.SupervisorSpec;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Runs a supervision tree as a permanent application: the JVM lives as long as the tree does.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   Application.run(SupervisorSpec.oneForOne()
 *       .child(CounterClient.childSpec(StartOptions.named("counter"), 0)));
 * }
 * }</pre>
 *
 * <p>{@link #run} starts the tree, blocks, and then ends the JVM: with status 0 when the tree
 * stopped cleanly (its {@code stop}, {@link Arbor#shutdown()}, or auto-shutdown after its
 * significant children finished), and with status 1, the reason in the log, when the tree gave up
 * (its restart intensity was exceeded), exited abnormally, or could not start. On Ctrl-C or SIGTERM
 * Arbor's shutdown hook stops the tree and the JVM ends as the signal has it. Without it a {@code main} that started a tree goes on unaware after the tree is
 * gone, and its next calls fail with {@code noproc}.
 *
 * <p><b>Deviation</b>: OTP stops the node whenever a permanent application's top supervisor ends,
 * and does so with a failure; here a stop that was asked for, or an auto-shutdown, ends the JVM with
 * status 0, since that is how a Java program says it finished its work.
 */
public final class Application {
  /** The exit status after a clean stop. */
  public static final int CLEAN = 0;
  /** The exit status after the tree gave up, exited abnormally or failed to start. */
  public static final int FAILED = 1;

  private static final Logger LOG = System.getLogger("dev.arbor.application");

  private Application() {}

  /**
   * Starts the tree described by {@code spec}, installs Arbor's shutdown hook (unless turned off with
   * {@code -Darbor.shutdownHook=false}), blocks until the tree stops, and ends the JVM with
   * {@link #CLEAN} or {@link #FAILED} (see the class comment). Call it from {@code main}. When the
   * JVM is already shutting down (the hook stopped the tree), it returns instead, and the JVM ends
   * as it was going to.
   */
  public static void run(SupervisorSpec spec) {
    int status = runUntilStopped(spec);
    if (!shuttingDown()) {
      System.exit(status);
    }
  }

  /**
   * What {@link #run} does short of ending the JVM: starts the tree, blocks until it stops, and
   * returns the exit status {@code run} would use. For a {@code main} that has more to do before it
   * exits, and for tests.
   */
  public static int runUntilStopped(SupervisorSpec spec) {
    Objects.requireNonNull(spec, "spec");
    // A supervisor that gives up exits with shutdown, as OTP's does, like one that was asked to stop:
    // only its IntensityExceeded event tells them apart. Subscribing takes a call after the start,
    // when a child may already have crashed its way past the limit, so a listener covers the start
    // and is removed once the subscription stands (a listener makes every call pay for timing).
    Map<Pid, IntensityExceeded> gaveUp = new ConcurrentHashMap<>();
    Map<Pid, ExitReason> exitedDuringStart = new ConcurrentHashMap<>(); // a tree's reason if it ends before the monitor
    RuntimeListener duringStart = new RuntimeListener() {
      @Override
      public void supervisorGaveUp(Pid supervisor, String childId, int maxRestarts, Duration period) {
        gaveUp.put(supervisor, new IntensityExceeded(supervisor, childId, maxRestarts, period));
      }

      @Override
      public void exited(Pid pid, ExitReason reason) {
        exitedDuringStart.put(pid, reason);
      }
    };
    Supervisor tree;
    Ref ref;
    try (Registration listening = new Registration(ArborEvents.addListener(duringStart))) {
      try {
        tree = Supervisor.start(spec);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "[arbor.application] the supervision tree failed to start; exiting with status "
            + FAILED + ": " + e, e);
        return FAILED;
      }
      ref = Proc.monitor(tree.pid());
      try {
        tree.subscribe(Proc.self());
      } catch (ExitException goneAlready) {
        // It ended before the subscription: its Down (noproc) follows, and the listener saw a give-up.
      }
    }
    while (true) {
      // Every event of the tree is taken, so restarts do not pile up in this thread's mailbox.
      Object m = next(x -> x instanceof SupervisorEvent e && e.supervisor().equals(tree.pid())
          || x instanceof Down d && d.ref().equals(ref));
      if (m instanceof IntensityExceeded e) {
        gaveUp.put(tree.pid(), e); // the supervisor's Down follows it: a process's messages arrive in order
      } else if (m instanceof Down down) {
        ExitReason reason = down.reason().kind() == ExitReason.Kind.NOPROC
            ? exitedDuringStart.getOrDefault(tree.pid(), ExitReason.shutdown()) // ended before the monitor
            : down.reason();
        return stopped(tree, reason, gaveUp.get(tree.pid()));
      }
    }
  }

  /** Closes a listener registration, which declares a checked exception it does not throw. */
  private record Registration(AutoCloseable registration) implements AutoCloseable {
    @Override
    public void close() {
      try {
        registration.close();
      } catch (Exception e) {
        throw new IllegalStateException("removing a runtime listener failed", e);
      }
    }
  }

  private static int stopped(Supervisor tree, ExitReason reason, IntensityExceeded gaveUp) {
    if (gaveUp != null) {
      LOG.log(Level.ERROR, "[arbor.application] supervisor " + tree.pid() + " gave up: child " + gaveUp.id()
          + " exceeded the restart intensity (more than " + gaveUp.maxRestarts()
          + (gaveUp.maxRestarts() == 1 ? " restart" : " restarts") + " in " + gaveUp.period() + "); exiting with status " + FAILED);
      return FAILED;
    }
    if (!reason.isClean()) {
      LOG.log(Level.ERROR, "[arbor.application] supervisor " + tree.pid() + " exited: " + reason
          + "; exiting with status " + FAILED, reason.cause());
      return FAILED;
    }
    LOG.log(Level.INFO, "[arbor.application] supervisor " + tree.pid() + " stopped: " + reason);
    return CLEAN;
  }

  /** The next message {@code match} takes, however long the application runs. */
  private static Object next(Predicate<Object> match) {
    while (true) {
      Optional<Object> m = Proc.receive(match, Duration.ofHours(1));
      if (m.isPresent()) {
        return m.get();
      }
    }
  }

  /** System.exit while shutdown hooks run would block forever; a hook can only be added before then. */
  private static boolean shuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
