package dev.arbor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arbor.annotation.GenServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the jar users put on {@code annotationProcessorPaths}. Runs in the {@code package} phase,
 * after the shade plugin, with the jar's path in {@code arbor.processorJar}; skipped elsewhere.
 */
class ShadedJarTest {
  private Path jar;

  @BeforeEach
  void findJar() {
    String path = System.getProperty("arbor.processorJar");
    assumeTrue(path != null && Files.exists(Path.of(path)), "runs only in the package phase");
    jar = Path.of(path);
  }

  private Set<String> entries() throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(e -> e.getName()).collect(Collectors.toSet());
    }
  }

  private String entry(String name) throws IOException {
    try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void jarRegistersTheProcessorForJavacAndGradle() throws IOException {
    assertEquals("dev.arbor.processor.ArborProcessor",
        entry("META-INF/services/javax.annotation.processing.Processor").strip());
    assertEquals("dev.arbor.processor.ArborProcessor,isolating",
        entry("META-INF/gradle/incremental.annotation.processors").strip());
  }

  @Test
  void javaPoetIsShadedAndNothingElseLeaks() throws IOException {
    Set<String> entries = entries();
    assertTrue(entries.contains("dev/arbor/processor/shaded/javapoet/JavaFile.class"), entries.toString());
    assertFalse(entries.stream().anyMatch(e -> e.startsWith("com/")), entries.toString());
    assertFalse(entries.stream().anyMatch(e -> e.endsWith("module-info.class")), entries.toString());
    assertFalse(entries.stream().anyMatch(e -> e.startsWith("dev/arbor/annotation/")), "the runtime is not bundled");
    assertTrue(entries.stream().filter(e -> e.endsWith(".class"))
        .allMatch(e -> e.startsWith("dev/arbor/processor/")), entries.toString());
  }

  /** What a user's build does: the jar on the processor path, the runtime on the class path. */
  @Test
  void javacFindsAndRunsTheProcessorFromTheJar() throws IOException, URISyntaxException {
    Path runtime = Path.of(GenServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path work = Files.createTempDirectory("arbor-shaded");
    Path sources = Files.createDirectories(work.resolve("src/test"));
    Path counter = sources.resolve("Counter.java");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("servers/test/Counter.java")) {
      Files.write(counter, in.readAllBytes());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(output, files, null,
          List.of("-classpath", runtime.toString(), "-processorpath", jar.toString(),
              "-d", work.resolve("classes").toString(), "-s", work.resolve("generated").toString(),
              "-Xlint:all,-processing", "-Werror"),
          null, files.getJavaFileObjects(counter)).call();
      assertTrue(ok, output.toString());
    }
    assertTrue(Files.exists(work.resolve("generated/test/CounterClient.java")), output.toString());
    assertTrue(Files.exists(work.resolve("classes/test/CounterClient.class")), output.toString());
  }
}
