package dev.arbor.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Adopted;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.sample.tour.QuickTour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README true: its {@code java} blocks are verbatim parts of this module's sources (which
 * the build compiles with the real processor, and which {@link QuickTour} runs) or, for the Metrics
 * section, of the micrometer module's tests, and its {@code text} excerpts of generated code are
 * verbatim parts of what the processor generated.
 */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern BLOCK = Pattern.compile("```(java|text)\\n(.*?)```", Pattern.DOTALL);

  private static List<String> blocks(String kind) throws IOException {
    Matcher m = BLOCK.matcher(Files.readString(README));
    List<String> found = new ArrayList<>();
    while (m.find()) {
      if (m.group(1).equals(kind)) {
        found.add(m.group(2));
      }
    }
    return found;
  }

  /** Leading indentation is the only liberty a README block takes with its source. */
  private static String unindented(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
  }

  private static String allSources(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      StringBuilder all = new StringBuilder();
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        all.append(unindented(Files.readString(f))).append("\n\u0000\n");
      }
      return all.toString();
    }
  }

  @Test
  void everyJavaBlockOfTheReadmeIsPartOfTheSampleSources() throws IOException {
    // The Metrics section's binding runs in the micrometer module's tests (the sample app has no
    // registry), the Distribution section's example compiles in the dist module's, and its
    // Elixir interop example in examples/elixir-interop.
    String sources = allSources(Path.of("src", "main", "java")) + allSources(Path.of("src", "test", "java"))
        + allSources(Path.of("..", "micrometer", "src", "test", "java"))
        + allSources(Path.of("..", "dist", "src", "test", "java"))
        + allSources(Path.of("..", "examples", "elixir-interop", "src", "main", "java"));
    List<String> java = blocks("java");
    assertFalse(java.isEmpty(), "the README should show code");
    for (String block : java) {
      assertTrue(sources.contains(unindented(block)), "README java block not found verbatim in sample-app sources:\n" + block);
    }
  }

  @Test
  void everyGeneratedExcerptOfTheReadmeIsWhatTheProcessorGenerates() throws IOException {
    String generated = allSources(Path.of("target", "generated-sources", "annotations"));
    List<String> text = blocks("text");
    assertFalse(text.isEmpty(), "the README should show generated code");
    for (String block : text) {
      if (block.contains("// generated")) {
        String excerpt = block.lines().filter(l -> !l.contains("// generated") && !l.strip().equals("..."))
            .collect(Collectors.joining("\n"));
        for (String part : excerpt.split("\n\\s*\n")) {
          assertTrue(generated.contains(unindented(part)), "README excerpt not found in generated code:\n" + part);
        }
      }
    }
  }

  /** There is no Gradle here to run; what can be checked is that the snippet names real artifacts. */
  @Test
  void gradleAndMavenSnippetsNameTheArtifactsThePomsBuild() throws IOException {
    String readme = Files.readString(README);
    String version = tag(Files.readString(Path.of("..", "pom.xml")), "version");
    for (String module : List.of("runtime", "processor", "micrometer")) {
      String artifact = tag(Files.readString(Path.of("..", module, "pom.xml")).replaceFirst("(?s)<parent>.*?</parent>", ""),
          "artifactId");
      String groupId = "dev.arbor";
      assertTrue(readme.contains("'" + groupId + ":" + artifact + ":" + version + "'"),
          "the Gradle snippet should name " + groupId + ":" + artifact + ":" + version);
      assertTrue(readme.contains("<artifactId>" + artifact + "</artifactId>"), "the Maven snippet should name " + artifact);
    }
    assertTrue(readme.contains("<version>" + version + "</version>"), "the Maven snippet should use version " + version);
  }

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
    assertTrue(m.find(), "no <" + name + "> found");
    return m.group(1).strip();
  }

  @Test
  void readmeCounterExampleAnswersAsItsCommentsSay() throws Exception {
    try (Adopted me = Proc.adopt()) {
      assertEquals(List.of(6, 6, 6, 0), QuickTour.counter());
      assertTrue(me.pid().isAlive(), "the example leaves its caller alive");
    }
  }

  @Test
  void readmeSupervisionExampleFindsTheRestartedCounterByName() {
    try (Adopted me = Proc.adopt()) {
      List<Pid> pids = QuickTour.supervised();
      assertTrue(me.pid().isAlive(), "the example leaves its caller alive");
      assertNotEquals(pids.get(0), pids.get(1));
    }
  }
}
