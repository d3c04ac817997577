package dev.arbor.userbuild;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's {@code mvn}, run as a user runs it on their own project: with a JDK 21+ as
 * JAVA_HOME (the one running this test), against a temporary local repository that holds this
 * build's Arbor artifacts as {@code mvn install} would put them. Everything else comes from the
 * host's local repository, read through a {@code file:} URL (which keeps no checksums, hence
 * {@code ignore} for it alone), or from Maven Central.
 */
final class UserMaven {
  /** The longest one Maven run may take; the child Maven is killed then. */
  private static final long RUN_SECONDS = 300;
  private static final List<String> MODULES = List.of("runtime", "processor", "testkit", "archetype");

  private final Path settings;
  private final Path repository;
  private final String mvn;

  private UserMaven(Path settings, Path repository, String mvn) {
    this.settings = settings;
    this.repository = repository;
    this.mvn = mvn;
  }

  /** Lays out the temporary repository and settings under {@code work}. */
  static UserMaven prepare(Path work) throws IOException {
    String mvn = findMvn().orElse(null);
    if (mvn == null) {
      String missing = "no mvn on the PATH: cannot build a user's project";
      if ("true".equals(System.getenv("CI"))) {
        fail(missing);
      }
      Assumptions.abort(missing);
    }
    Path repository = work.resolve("repository");
    Path root = Path.of(System.getProperty("arbor.root")).toAbsolutePath().normalize();
    String version = System.getProperty("arbor.version");
    install(repository, "arbor-parent", version, root.resolve("pom.xml"), null);
    for (String module : MODULES) {
      Path dir = root.resolve(module);
      String artifact = "arbor-" + module;
      Path reduced = dir.resolve("target/dependency-reduced-pom.xml"); // the processor shades its dependencies
      install(repository, artifact, version, Files.exists(reduced) ? reduced : dir.resolve("pom.xml"),
          dir.resolve("target/" + artifact + "-" + version + ".jar"));
    }
    Path host = Path.of(System.getProperty("arbor.hostRepository"));
    Path settings = work.resolve("settings.xml");
    Files.writeString(settings, """
        <settings>
          <localRepository>%s</localRepository>
          <profiles>
            <profile>
              <id>host-repository</id>
              <repositories>
                <repository>
                  <id>host-repository</id>
                  <url>%s</url>
                  <releases><checksumPolicy>ignore</checksumPolicy></releases>
                  <snapshots><enabled>false</enabled></snapshots>
                </repository>
              </repositories>
              <pluginRepositories>
                <pluginRepository>
                  <id>host-repository</id>
                  <url>%s</url>
                  <releases><checksumPolicy>ignore</checksumPolicy></releases>
                  <snapshots><enabled>false</enabled></snapshots>
                </pluginRepository>
              </pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles>
            <activeProfile>host-repository</activeProfile>
          </activeProfiles>
        </settings>
        """.formatted(repository, host.toUri(), host.toUri()));
    return new UserMaven(settings, repository, mvn);
  }

  /** What {@code mvn install} leaves in a local repository: the jar and its pom, under the coordinates. */
  private static void install(Path repository, String artifact, String version, Path pom, Path jar) throws IOException {
    Path dir = repository.resolve("dev/arbor").resolve(artifact).resolve(version);
    Files.createDirectories(dir);
    Files.copy(pom, dir.resolve(artifact + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      if (!Files.exists(jar)) {
        fail(jar + " is missing: these tests run in `mvn verify`, after the modules are packaged");
      }
      Files.copy(jar, dir.resolve(artifact + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Optional<String> findMvn() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, "mvn"))
        .filter(Files::isExecutable).map(Path::toString).findFirst();
  }

  /** What one run printed and how it ended. */
  record Run(int status, String output) {
    /** The end of the output, for a failure message. */
    String tail() {
      List<String> lines = output.lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
  }

  /** Runs {@code mvn -B <args>} in {@code dir}, bounded; kills it and its children on timeout. */
  Run run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(mvn, "-B", "-ntp", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repository));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir.getParent(), "mvn", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("MAVEN_ARGS");
    Process maven = builder.start();
    try {
      if (!maven.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
        fail("mvn " + String.join(" ", args) + " still running after " + RUN_SECONDS + " s:\n"
            + new Run(-1, Files.readString(log, StandardCharsets.UTF_8)).tail());
      }
      return new Run(maven.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      maven.descendants().forEach(ProcessHandle::destroyForcibly);
      maven.destroyForcibly();
    }
  }
}
