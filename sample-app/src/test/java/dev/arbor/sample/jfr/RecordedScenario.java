package dev.arbor.sample.jfr;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.SpawnOptions;
import dev.arbor.sample.Scenario;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.EventStream;

/**
 * The sample app's scenario in a JVM that {@link JfrSettingsTest} starts with the README's recording
 * flag, beside a named process that falls behind: its mailbox holds {@value #BACKLOG} messages until
 * JFR's periodic sampler (once a second with the shipped settings) has recorded it. It watches its own
 * recording through the disk repository, so it waits for that event, never for a fixed time.
 */
public final class RecordedScenario {
  static final String SLOW = "slow-consumer";
  static final int BACKLOG = 5;
  private static final Duration BOUND = Duration.ofSeconds(30);

  private RecordedScenario() {}

  public static void main(String[] args) throws InterruptedException, java.io.IOException {
    Proc.adopt(); // the main thread sends and waits as a process
    try {
      Pid slow = Proc.spawn(SpawnOptions.defaults().name(SLOW), () -> Proc.receive(m -> m.equals("drain"), BOUND));
      for (int i = 0; i < BACKLOG; i++) {
        slow.send("job " + i);
      }
      Scenario.run(System.out::println);
      CountDownLatch sampled = new CountDownLatch(1);
      try (EventStream own = EventStream.openRepository()) {
        own.onEvent("dev.arbor.MailboxDepth", e -> {
          if (SLOW.equals(e.getString("registeredName"))) {
            sampled.countDown();
          }
        });
        own.startAsync();
        if (!sampled.await(BOUND.toSeconds(), TimeUnit.SECONDS)) {
          System.err.println("no dev.arbor.MailboxDepth event for " + SLOW + " within " + BOUND.toSeconds() + " s");
          System.exit(2);
        }
      }
      slow.send("drain");
    } finally {
      Proc.release();
    }
  }
}
