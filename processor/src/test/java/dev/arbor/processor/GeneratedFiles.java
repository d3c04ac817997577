package dev.arbor.processor;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Which files the processor wrote, whether or not the compilation succeeded (compile-testing only
 * shows generated files of a successful one, but "a class with errors gets no file, the others
 * do" is about failed compilations).
 */
final class GeneratedFiles {
  private GeneratedFiles() {}

  /** Paths of the generated sources, relative to the source output: {@code test/CounterClient.java}. */
  static Set<String> of(Processor processor, JavaFileObject... sources) {
    try {
      Path root = Files.createTempDirectory("arbor-generated");
      Path generated = Files.createDirectories(root.resolve("sources"));
      Path classes = Files.createDirectories(root.resolve("classes"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), null, d -> {},
          List.of("-s", generated.toString(), "-d", classes.toString(), "-Xlint:all,-processing"), null,
          List.of(sources));
      task.setProcessors(List.of(processor));
      task.call();
      Set<String> result = new TreeSet<>();
      try (Stream<Path> files = Files.walk(generated)) {
        files.filter(Files::isRegularFile).forEach(f -> result.add(generated.relativize(f).toString().replace('\\', '/')));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
