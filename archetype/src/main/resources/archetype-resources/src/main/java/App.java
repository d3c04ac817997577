package ${package};

import dev.arbor.Name;
import dev.arbor.application.Application;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.SupervisorSpec;
import java.time.Duration;

/**
 * Runs the application: a supervision tree with a counter, named so that clients find it again
 * after a restart. {@link Application#run} blocks until the tree stops: Ctrl-C stops it cleanly
 * (status 0); a tree that gives up ends the JVM with status 1 and the reason in the log.
 */
public final class App {
  private App() {}

  public static void main(String[] args) {
    Application.run(SupervisorSpec.oneForOne()
        .maxRestarts(3, Duration.ofSeconds(5))
        .child(CounterClient.childSpec(StartOptions.named("counter"), 0)));
  }

  /** How the rest of the program reaches the counter: by name, looked up at each call. */
  public static CounterClient counter() {
    return CounterClient.of(Name.local("counter"));
  }
}
