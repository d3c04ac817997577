package dev.arbor.sample;

import dev.arbor.Down;
import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.sample.counter.CounterClient;
import dev.arbor.sample.counter.Tick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a short scripted scenario and prints what happens. {@link #run(Consumer)} returns the story
 * so a test can check it; {@link #main} only prints it.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    run(System.out::println);
  }

  /** Runs the scenario, passing each line to {@code out} as it happens, and returns every line. */
  public static List<String> run(Consumer<String> out) {
    List<String> story = new ArrayList<>();
    Consumer<String> say = line -> {
      story.add(line);
      out.accept(line);
    };
    try (var identity = Proc.adopt()) {
      say.accept("main: running as process " + identity.pid());
      counter(say);
      processes(say);
    }
    return story;
  }

  private static void counter(Consumer<String> say) {
    CounterClient counter = CounterClient.start(0);
    counter.increment();
    say.accept("counter: incrementBy(5) -> " + counter.incrementBy(5));
    counter.pid().send(new Tick());
    say.accept("counter: after a Tick, get() -> " + counter.get());
    counter.stop();
  }

  private static void processes(Consumer<String> say) {
    Proc.trapExits(true);
    Pid worker = Proc.spawnLink(() -> {
      Object job = Proc.receive();
      throw new IllegalStateException("cannot handle " + job);
    });
    var monitored = Proc.spawnMonitor(() -> Proc.receive(Duration.ofMillis(10)));
    say.accept("processes: spawned linked worker " + worker + " and monitored " + monitored.pid());
    worker.send("job-1");
    Exit exit = Proc.receive(Exit.class, Duration.ofSeconds(5)).orElseThrow();
    say.accept("processes: linked worker exited, trapped as Exit: " + summary(exit.reason()));
    Down down = Proc.receive(Down.class, Duration.ofSeconds(5)).orElseThrow();
    say.accept("processes: monitored process went down with " + down.reason());
    Proc.trapExits(false);
  }

  private static String summary(ExitReason reason) {
    return reason.cause() != null ? "crash (" + reason.cause().getMessage() + ")" : reason.toString();
  }
}
