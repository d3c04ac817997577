package dev.arbor.sample.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.sample.desk.OrderDesk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's recording command: the sample app's scenario in a second JVM started with the
 * README's {@code -XX:StartFlightRecording} flag, which names the settings file the runtime jar ships,
 * extracted where the README's {@code jar xf} puts it.
 */
class JfrSettingsTest {
  private static final Pattern FLAG = Pattern.compile("(-XX:StartFlightRecording:\\S+)");
  private static final Pattern EXTRACT = Pattern.compile("jar xf \\S+ (\\S+\\.jfc)");
  private static final long BOUND_SECONDS = 90;

  private static String readme(Pattern pattern) throws IOException {
    Matcher m = pattern.matcher(Files.readString(Path.of("..", "README.md")));
    assertTrue(m.find(), "the README shows no " + pattern);
    return m.group(1);
  }

  @Test
  void shippedJfrSettingsRecordMailboxDepth(@TempDir Path dir) throws Exception {
    String flag = readme(FLAG);
    String jfc = readme(EXTRACT);
    // What `jar xf arbor-runtime-....jar dev/arbor/observe/arbor.jfc` extracts: the jar's own entry.
    try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(jfc)) {
      assertTrue(shipped != null, "the runtime jar ships no " + jfc);
      Files.createDirectories(dir.resolve(jfc).getParent());
      Files.copy(shipped, dir.resolve(jfc));
    }
    Path recording = dir.resolve(Pattern.compile("filename=([^,]+)").matcher(flag).results().findFirst()
        .orElseThrow(() -> new AssertionError("the README's flag writes no file: " + flag)).group(1));

    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), flag,
        "-cp", System.getProperty("java.class.path"), RecordedScenario.class.getName());
    Process java = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile()).start();
    try {
      assertTrue(java.waitFor(BOUND_SECONDS, TimeUnit.SECONDS), "the recorded scenario did not end within "
          + BOUND_SECONDS + " s");
      assertEquals(0, java.exitValue(), () -> "the recorded scenario failed:\n" + output(dir));
    } finally {
      java.destroyForcibly();
    }

    List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
    List<RecordedEvent> depths = byType(events, "dev.arbor.MailboxDepth");
    assertTrue(depths.stream().anyMatch(e -> RecordedScenario.SLOW.equals(e.getString("registeredName"))
        && e.getInt("depth") >= RecordedScenario.BACKLOG), () -> "mailbox depths: " + depths);
    List<RecordedEvent> spawns = byType(events, "dev.arbor.ProcessSpawn");
    assertTrue(spawns.stream().anyMatch(e -> OrderDesk.NAME.equals(e.getString("registeredName"))),
        () -> "no spawn event names the desk's supervisor " + OrderDesk.NAME + ": " + spawns.size() + " spawns");
    assertTrue(!byType(events, "dev.arbor.Call").isEmpty(), "the settings turn call events on");
    assertTrue(!byType(events, "dev.arbor.SupervisorRestart").isEmpty(), "the scenario's restart was recorded");
  }

  private static List<RecordedEvent> byType(List<RecordedEvent> events, String type) {
    List<RecordedEvent> found = new ArrayList<>();
    for (RecordedEvent e : events) {
      if (e.getEventType().getName().equals(type)) {
        found.add(e);
      }
    }
    return found;
  }

  private static String output(Path dir) {
    try {
      return Files.readString(dir.resolve("out.txt"));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
