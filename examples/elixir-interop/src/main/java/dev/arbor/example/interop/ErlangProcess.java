package dev.arbor.example.interop;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An OS process of the Erlang tools the demo starts (its own {@code epmd}, the {@code elixir}
 * node), on loopback. {@link #close()} ends it and every process it started, waiting at most a
 * few seconds: the demo leaves nothing running, also when a step fails.
 */
final class ErlangProcess implements AutoCloseable {
  private final Process process;
  /** Whether {@link #close()} first lets it end by itself (the shop script), or kills it (epmd). */
  private final boolean endsOnEof;

  private ErlangProcess(Process process, boolean endsOnEof) {
    this.process = process;
    this.endsOnEof = endsOnEof;
  }

  /** The tool's path on the PATH, if installed. */
  static Optional<Path> find(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path path = Path.of(dir, tool);
      if (!dir.isEmpty() && Files.isExecutable(path)) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  /**
   * A private epmd on 127.0.0.1 and a free port of its own, so the demo's node names meet no
   * other node on the machine; returns once it accepts connections.
   */
  static ErlangProcess startEpmd(Path epmd, int port) throws IOException, InterruptedException {
    ErlangProcess started = new ErlangProcess(new ProcessBuilder(epmd.toString(), "-port",
        Integer.toString(port), "-address", "127.0.0.1")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start(), false);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        probe.shutdownOutput();
        return started;
      } catch (IOException notYet) {
        if (!started.process.isAlive() || System.nanoTime() > deadline) {
          started.close();
          throw new IOException("epmd did not start on port " + port, notYet);
        }
        Thread.sleep(20); // a starting OS process sends no event to wait on
      }
    }
  }

  /**
   * Starts {@code command} with {@code ERL_EPMD_PORT} set to {@code epmdPort}; each line of its
   * output (stdout and stderr) goes to {@code output} as it comes.
   */
  static ErlangProcess start(List<String> command, int epmdPort, Consumer<String> output)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
    builder.environment().put("ERL_CRASH_DUMP_SECONDS", "0"); // a killed node leaves no erl_crash.dump
    Process process = builder.start();
    Thread.ofVirtual().name("output of " + command.get(0)).start(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          output.accept(line);
        }
      } catch (IOException gone) {
        // the process ended
      }
    });
    return new ErlangProcess(process, true);
  }

  /** A free TCP port on loopback, for the private epmd. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Writes one line to the process's stdin. */
  void writeLine(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Kills it at once, as {@code kill -9} or a crash of its machine would. */
  void kill() {
    // Parents before children: a BEAM that outlives its erl_child_setup writes a crash dump.
    List<ProcessHandle> tree = new ArrayList<>(List.of(process.toHandle()));
    for (int i = 0; i < tree.size(); i++) {
      tree.get(i).children().forEach(tree::add);
    }
    tree.forEach(ProcessHandle::destroyForcibly);
    awaitExit(10);
  }

  /**
   * Closes its stdin, which ends the shop script, and kills it if it still runs 10 s later; kills
   * epmd at once.
   */
  @Override
  public void close() {
    if (!endsOnEof) {
      kill();
      return;
    }
    try {
      process.getOutputStream().close();
    } catch (IOException alreadyGone) {
      // nothing to close
    }
    if (!awaitExit(10)) {
      kill();
    }
  }

  private boolean awaitExit(int seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
