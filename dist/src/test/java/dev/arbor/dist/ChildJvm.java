package dev.arbor.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A second Arbor JVM for a test: runs {@code main} with this JVM's class path, returns once it
 * printed {@code READY} (bounded), and ends it when closed: its stdin closes, which its main takes
 * as the signal to stop, and it is killed if it has not within a few seconds.
 */
final class ChildJvm implements AutoCloseable {
  final Process process;

  private ChildJvm(Process process) {
    this.process = process;
  }

  static ChildJvm start(Class<?> main, String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        main.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ChildJvm child = new ChildJvm(process);
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
        try {
          for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("READY")) {
              return true;
            }
          }
          return false;
        } catch (IOException e) {
          return false;
        }
      });
      if (!ready.get(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException(main.getSimpleName() + " ended before it was ready");
      }
      // Keep draining its output, so that a chatty child never blocks on a full pipe.
      Thread.ofVirtual().start(() -> {
        try {
          out.transferTo(Writer.nullWriter());
        } catch (IOException e) {
          // it ended
        }
      });
      return child;
    } catch (Exception | Error e) {
      child.close();
      throw e;
    }
  }

  /** Ends the JVM at once, as a crash or a pulled cable would. */
  void kill() {
    ErlangTools.kill(process);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // it is gone already
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
