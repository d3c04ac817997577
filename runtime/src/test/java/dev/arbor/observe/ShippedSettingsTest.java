package dev.arbor.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Event;
import jdk.jfr.Name;
import org.junit.jupiter.api.Test;

/**
 * The settings file shipped beside {@link ArborEvents} turns every Arbor event on, including one added
 * later: the events are found among the compiled classes, not listed here.
 */
class ShippedSettingsTest {
  @Test
  void shippedSettingsEnableEveryArborEvent() throws Exception {
    Map<String, String> settings;
    try (Reader jfc =
        new InputStreamReader(ArborEvents.class.getResourceAsStream("arbor.jfc"), StandardCharsets.UTF_8)) {
      settings = Configuration.create(jfc).getSettings();
    }
    List<String> events = arborEventNames();
    assertFalse(events.isEmpty(), "no event classes found beside ArborEvents");
    for (String event : events) {
      assertEquals("true", settings.get(event + "#enabled"), "arbor.jfc does not turn on " + event);
    }
  }

  /** The {@code @Name}s of the JFR event classes compiled into ArborEvents' package. */
  private static List<String> arborEventNames() throws Exception {
    Path root = Path.of(ArborEvents.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String pkg = ArborEvents.class.getPackageName();
    try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
      return files.map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".class") && !f.contains("$"))
          .map(f -> load(pkg + "." + f.substring(0, f.length() - ".class".length())))
          .filter(c -> Event.class.isAssignableFrom(c))
          .map(c -> c.getAnnotation(Name.class).value())
          .sorted()
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ArborEvents.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
