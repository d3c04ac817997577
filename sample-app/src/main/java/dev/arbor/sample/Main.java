package dev.arbor.sample;

import dev.arbor.application.Application;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.SupervisorSpec;
import dev.arbor.supervisor.SupervisorSpec.AutoShutdown;
import dev.arbor.task.Task;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sample app's entry point: runs the {@link Scenario} as a permanent application. The scenario is
 * the application's one significant child: when it finishes, the tree shuts itself down and the JVM
 * exits with status 0; if it fails, the tree gives up (no restarts allowed) and the JVM exits with
 * status 1, the reason in the log.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Application.run(SupervisorSpec.oneForOne()
        .maxRestarts(0, Duration.ofSeconds(1))
        .autoShutdown(AutoShutdown.ANY_SIGNIFICANT)
        .child(Task.childSpec("scenario", Main::runScript)
            .withRestart(ChildSpec.Restart.TRANSIENT)
            .withSignificant(true)));
  }

  /**
   * The script plays a user from outside the desk's tree (it kills processes it spawned, waits on
   * their signals as a plain thread does), so it runs on a plain thread of its own; its failure
   * fails this task.
   */
  private static void runScript() {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread script = Thread.ofPlatform().name("scenario").start(() -> {
      try {
        Scenario.run(System.out::println);
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    try {
      script.join();
    } catch (InterruptedException stopping) {
      return; // the tree is stopping this task: the JVM is on its way out
    }
    if (failure.get() != null) {
      throw new IllegalStateException("the scenario failed", failure.get());
    }
  }
}
