package dev.arbor.sample.tour;

import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.sample.counter.CounterClient;
import dev.arbor.sample.counter.Tick;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import dev.arbor.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The README's examples, kept here so that they compile and run with the sample app (a test checks
 * that every {@code java} block of the README appears verbatim in this module's sources).
 */
public final class QuickTour {
  private QuickTour() {}

  /** Runs the README's counter example; returns what its calls answered, in order. */
  public static List<Integer> counter() throws Exception {
    CounterClient counter = CounterClient.start(0);             // returns once the server is up
    counter.increment();                                        // cast: no reply
    int n = counter.incrementBy(5);                             // call: waits for the reply (5 s by default)
    int m = counter.withTimeout(Duration.ofMillis(100)).get();  // a call with another timeout
    CompletableFuture<Integer> f = counter.getAsync();          // a call that does not block
    counter.pid().send(new Tick());                             // any message: reaches @Info onTick
    int afterTick = counter.get();
    counter.stop();                                             // runs @Terminate, waits for the exit
    return List.of(n, m, f.get(), afterTick);
  }

  /** Runs the README's supervision example; returns the pids the name resolved to before and after a crash. */
  public static List<Pid> supervised() {
    Supervisor sup = Supervisor.start(SupervisorSpec.oneForOne()
        .maxRestarts(3, Duration.ofSeconds(5))
        .child(CounterClient.childSpec(StartOptions.named("counter"), 0)));
    CounterClient byName = CounterClient.of(Name.local("counter")); // looked up at each call
    sup.subscribe(Proc.self());                                     // restarts arrive as messages
    Pid before = byName.pid();
    Proc.exit(before, ExitReason.kill());
    ChildRestarted restarted = Proc.receive(ChildRestarted.class, Duration.ofSeconds(5)).orElseThrow();
    byName.incrementBy(1);                                          // reaches the new counter
    sup.stop();
    return List.of(before, restarted.newPid());
  }
}
