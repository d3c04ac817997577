package dev.arbor.userbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's first hour, replayed on every {@code mvn verify}: a fresh project made of exactly what
 * the README and the tutorial say to copy, and a project from the archetype, each built, tested and
 * (the README's) run by the Maven on the machine.
 */
class UserBuildsIT {
  @TempDir
  static Path work;
  private static UserMaven maven;
  private static Path root;

  @BeforeAll
  static void prepare() throws Exception {
    maven = UserMaven.prepare(work);
    root = Path.of(System.getProperty("arbor.root")).toAbsolutePath().normalize();
  }

  @Test
  void readmeSnippetsBuildAFreshProject() throws Exception {
    Map<String, String> readme = Snippets.files(root.resolve("README.md"));
    Map<String, String> tutorial = Snippets.files(root.resolve("docs/tutorial.md"));
    assertEquals(java.util.Set.of("pom.xml"), readme.keySet(), "the README gives the pom.xml");
    // The strict build is part of what this test shows: a pom without it would still pass.
    assertTrue(readme.get("pom.xml").contains("<arg>-Xlint:all</arg>")
        && readme.get("pom.xml").contains("<failOnWarning>true</failOnWarning>"),
        "the README's pom.xml compiles with -Xlint:all and failOnWarning");
    assertTrue(tutorial.keySet().stream().anyMatch(f -> f.startsWith("src/test/java/")), "the tutorial gives a test");
    String readmeCounter = Snippets.javaBlocks(root.resolve("README.md")).stream()
        .filter(b -> b.contains("public final class Counter {")).findFirst().orElseThrow();
    assertTrue(tutorial.get("src/main/java/com/example/Counter.java").contains(readmeCounter),
        "the tutorial's Counter is the README's example class, imports included, with its package");
    Path project = Files.createDirectories(work.resolve("fresh"));
    for (Map.Entry<String, String> file : readme.entrySet()) {
      write(project, file.getKey(), file.getValue());
    }
    for (Map.Entry<String, String> file : tutorial.entrySet()) {
      write(project, file.getKey(), file.getValue());
    }

    // The tutorial's own commands: build and test, then run the application.
    UserMaven.Run build = maven.run(project, "verify");
    assertEquals(0, build.status(), build.tail());
    assertTrue(build.output().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"),
        "the testkit test ran:\n" + build.tail());
    UserMaven.Run app = maven.run(project, "-q", "compile", "exec:java");
    assertEquals(0, app.status(), app.tail());
    String tutorialText = Files.readString(root.resolve("docs/tutorial.md"));
    String printed = tutorialText.substring(tutorialText.indexOf("## 10. Run it"))
        .replaceFirst("(?s)^.*?```text\\n(.*?)```.*$", "$1");
    int at = 0;
    for (String line : printed.lines().toList()) {
      at = app.output().indexOf(line, at);
      assertTrue(at >= 0, "the application should print, in order, what the tutorial says: " + line + "\n" + app.tail());
    }
  }

  @Test
  void archetypeProjectBuildsAndPassesItsTests() throws Exception {
    // The README's command, as a user copies it.
    List<String> command = Snippets.mvnArguments(root.resolve("README.md"), "-DarchetypeArtifactId=arbor-archetype");
    assertTrue(command.contains("-DarchetypeVersion=" + System.getProperty("arbor.version")),
        "the README's archetype command names this version: " + command);
    Path parent = Files.createDirectories(work.resolve("from-archetype"));
    UserMaven.Run generate = maven.run(parent, command.toArray(String[]::new));
    assertEquals(0, generate.status(), generate.tail());
    String groupId = property(command, "groupId").orElseThrow();
    Path project = parent.resolve(property(command, "artifactId").orElseThrow());
    String pkg = property(command, "package").orElse(groupId);
    assertTrue(Files.exists(project.resolve("src/main/java/" + pkg.replace('.', '/') + "/Counter.java")), generate.tail());

    UserMaven.Run build = maven.run(project, "verify");
    assertEquals(0, build.status(), build.tail());
    assertTrue(build.output().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"),
        "the generated test ran:\n" + build.tail());
  }

  /** The value of {@code -Dkey=value} among a command's arguments. */
  private static Optional<String> property(List<String> command, String key) {
    return command.stream().filter(a -> a.startsWith("-D" + key + "="))
        .map(a -> a.substring(key.length() + 3)).findFirst();
  }

  private static void write(Path project, String file, String content) throws Exception {
    Path target = project.resolve(file).normalize();
    assertTrue(target.startsWith(project), file + " is outside the project");
    Files.createDirectories(target.getParent());
    Files.writeString(target, content);
  }
}
