package dev.arbor.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.annotation.GenServer;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** A server in a named module that reads only dev.arbor: its client must compile there too. */
class ModularCompilationTest {

  @Test
  void clientCompilesInAModuleThatDoesNotReadJavaCompiler() throws Exception {
    Path runtime = Path.of(GenServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path work = Files.createTempDirectory("arbor-module");
    Path src = work.resolve("src");
    Files.createDirectories(src.resolve("app/servers"));
    Files.writeString(src.resolve("module-info.java"), "module app {\n  requires dev.arbor;\n}\n");
    Path counter = src.resolve("app/servers/Counter.java");
    Files.writeString(counter, """
        package app.servers;

        import dev.arbor.annotation.Call;
        import dev.arbor.annotation.GenServer;

        @GenServer
        public final class Counter {
          @Call public int get() { return 0; }
        }
        """);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(output, files, null,
          List.of("--module-path", runtime.toString(), "-d", work.resolve("classes").toString(),
              "-s", work.resolve("generated").toString(), "-Xlint:all,-processing,-requires-automatic", "-Werror"),
          null, files.getJavaFileObjects(src.resolve("module-info.java"), counter));
      task.setProcessors(List.of(new ArborProcessor()));
      assertTrue(task.call(), output.toString());
    }
    String client = Files.readString(work.resolve("generated/app/servers/CounterClient.java"));
    assertFalse(client.contains("@Generated"), client);
  }
}
