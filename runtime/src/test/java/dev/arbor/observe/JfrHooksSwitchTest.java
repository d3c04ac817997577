package dev.arbor.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Proc;
import dev.arbor.Spawned;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Darbor.jfr.hooks=false} takes Arbor's hooks out: a recording then sees none of its events.
 * The property is read once, when the hooks' class loads, so each case runs in a JVM of its own.
 */
class JfrHooksSwitchTest {
  @TempDir Path dir;

  @Test
  void hooksRecordSpawnAndExitByDefault() throws Exception {
    assertEquals(2, arborEventsInChildJvm(List.of()), "one spawn and one exit");
  }

  @Test
  void hooksPropertyFalseEmitsNoEvents() throws Exception {
    assertEquals(0, arborEventsInChildJvm(List.of("-Darbor.jfr.hooks=false")));
  }

  /** Runs {@link Probe} in a new JVM with {@code flags} and returns the count of Arbor events it recorded. */
  private long arborEventsInChildJvm(List<String> flags) throws IOException, InterruptedException {
    Path out = dir.resolve("probe.out");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(flags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(),
        dir.resolve("probe.jfr").toString()));
    Process java = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(java.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish within 60 s");
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, java.exitValue(), output);
    String last = output.strip().lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("arbor events: "), output);
    return Long.parseLong(last.substring("arbor events: ".length()));
  }

  /** Records one process's spawn and exit to a file, then prints how many Arbor events name that process. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      Path file = Path.of(args[0]);
      Spawned child;
      try (Recording recording = new Recording()) {
        recording.enable("dev.arbor.ProcessSpawn");
        recording.enable("dev.arbor.ProcessExit");
        recording.start();
        Proc.adopt();
        child = Proc.spawnMonitor(() -> {});
        Proc.receive(dev.arbor.Down.class, Duration.ofSeconds(10)).orElseThrow();
        Proc.release();
        recording.stop();
        recording.dump(file);
      }
      String pid = child.pid().toString();
      long count = RecordingFile.readAllEvents(file).stream()
          .filter(e -> e.getEventType().getName().startsWith("dev.arbor.") && pid.equals(e.getString("pid")))
          .count();
      System.out.println("arbor events: " + count);
    }
  }
}
