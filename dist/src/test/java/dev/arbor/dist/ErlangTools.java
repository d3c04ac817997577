package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the real Erlang tools for interop tests, on loopback only: a private epmd per test class
 * (its own port, so runs never meet), and {@code erl} or {@code elixir} nodes with unique names
 * and cookies. Every OS process started here is killed by {@code close()}, also on failure.
 * A missing tool fails the test when {@code CI=true} and skips it otherwise.
 */
final class ErlangTools {
  private static final AtomicInteger UNIQUE = new AtomicInteger();
  static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

  private ErlangTools() {}

  /**
   * The folder the Erlang tools come from instead of the PATH, when set: {@code -Darbor.erlang.bin}
   * (the {@code otp27} Maven profile points it at scripts/otp27.sh's Debian 13 chroot wrappers).
   */
  static final String BIN_PROPERTY = "arbor.erlang.bin";

  /**
   * The OTP release the tools must be ({@code -Darbor.erlang.otp=27}), checked on each erl node
   * started, so a profile that meant to test OTP 27 cannot pass on another release by mistake.
   */
  static final String OTP_PROPERTY = "arbor.erlang.otp";

  /**
   * The command that runs {@code tool} ({@code erl}, {@code epmd}, {@code elixir}): its path in
   * {@code -Darbor.erlang.bin} when that is set, and there only (falling back to the PATH would
   * test another OTP release than the one asked for); otherwise its name, found on the PATH.
   * A missing tool skips the test, or fails it when {@code CI=true} or when the folder was given.
   */
  static String command(String tool) {
    String bin = System.getProperty(BIN_PROPERTY, "");
    if (!bin.isBlank()) {
      Path path = Path.of(bin, tool).toAbsolutePath().normalize();
      if (!Files.isExecutable(path)) {
        fail(tool + " is not in -D" + BIN_PROPERTY + "=" + bin + " (" + path
            + " is missing or not executable; scripts/otp27.sh writes it)");
      }
      return path.toString();
    }
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        found = true;
      }
    }
    if (!found && "true".equals(System.getenv("CI"))) {
      fail(tool + " is not installed but CI=true: install Erlang/OTP (scripts/test-tools.sh)");
    }
    assumeTrue(found, tool + " is not installed; skipping (set CI=true to fail instead)");
    return tool;
  }

  /** The OTP release {@code -Darbor.erlang.otp} asks for, or empty when any will do. */
  static String expectedOtp() {
    return System.getProperty(OTP_PROPERTY, "").strip();
  }

  /** A node name no other test run uses: {@code prefix_<jvm>_<n>@127.0.0.1}. */
  static String uniqueName(String prefix) {
    return prefix + "_" + RUN + "_" + UNIQUE.incrementAndGet() + "@127.0.0.1";
  }

  static String uniqueCookie() {
    return "cookie_" + RUN + "_" + UNIQUE.incrementAndGet() + "_" + System.nanoTime();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static void kill(Process process) {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A private epmd on 127.0.0.1 and a port of its own. */
  static final class Epmd implements AutoCloseable {
    final int port;
    private final Process process;

    private Epmd(int port, Process process) {
      this.port = port;
      this.process = process;
    }

    static Epmd start() throws Exception {
      String epmd = command("epmd");
      int port = freePort();
      ProcessBuilder builder = new ProcessBuilder(epmd, "-port", Integer.toString(port),
          "-address", "127.0.0.1").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      Process process = builder.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
          probe.shutdownOutput();
          return new Epmd(port, process);
        } catch (IOException notYet) {
          if (!process.isAlive() || System.nanoTime() > deadline) {
            kill(process);
            throw new IllegalStateException("epmd did not start on port " + port, notYet);
          }
          Thread.sleep(20); // polling a starting OS process: there is no event to wait on
        }
      }
    }

    @Override
    public void close() {
      kill(process);
    }
  }

  /**
   * An {@code erl} node that evaluates one Erlang expression per line of its stdin and prints
   * each result as {@code => Term} ({@code ~w}), keeping bindings between lines.
   */
  static final class ErlNode implements AutoCloseable {
    private static final String REPL = "Loop = fun Loop(B) -> case io:get_line('') of eof -> "
        + "halt(); Line -> {R, B2} = try {ok, T, _} = erl_scan:string(Line), {ok, Es} = "
        + "erl_parse:parse_exprs(T), {value, V, B1} = erl_eval:exprs(Es, B), {V, B1} catch "
        + "C:E -> {{error, C, E}, B} end, io:format(\"=> ~w~n\", [R]), Loop(B2) end end, "
        + "Loop(erl_eval:new_bindings()).";

    final String name;
    private final Process process;
    private final Writer stdin;
    private final LinkedBlockingQueue<String> results = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    private ErlNode(String name, Process process) {
      this.name = name;
      this.process = process;
      this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread.ofVirtual().start(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(
            process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = out.readLine()) != null; ) {
            synchronized (output) {
              output.add(line);
            }
            if (line.startsWith("=> ")) {
              results.add(line.substring(3));
            }
          }
        } catch (IOException ignored) {
          // the node is gone
        }
      });
    }

    static ErlNode start(String name, String cookie, Epmd epmd, String... extra)
        throws Exception {
      List<String> args = new ArrayList<>(List.of(command("erl"), "-name", name, "-setcookie",
          cookie, "-noshell", "-kernel", "inet_dist_use_interface", "{127,0,0,1}"));
      args.addAll(List.of(extra));
      args.addAll(List.of("-eval", REPL));
      ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
      builder.environment().put("ERL_EPMD_PORT", Integer.toString(epmd.port));
      builder.environment().put("ERL_EPMD_ADDRESS", "127.0.0.1");
      ErlNode node = new ErlNode(name, builder.start());
      try {
        String self = node.eval("node().", Duration.ofSeconds(30));
        if (!self.equals("'" + name + "'")) {
          throw new IllegalStateException("erl started as " + self + ", not " + name);
        }
        String otp = expectedOtp();
        if (!otp.isEmpty()) {
          String release = node.eval("list_to_integer(erlang:system_info(otp_release)).",
              Duration.ofSeconds(10));
          if (!release.equals(otp)) {
            throw new IllegalStateException("erl is OTP " + release + ", not the -D"
                + OTP_PROPERTY + "=" + otp + " asked for");
          }
        }
        return node;
      } catch (Exception | AssertionError e) {
        node.close();
        throw e;
      }
    }

    /** The same loop in Elixir, for {@link #startElixir}; {@code eventually} polls up to 5 s. */
    private static final String ELIXIR_REPL = """
        defmodule ArborRepl do
          def loop(binding) do
            case IO.gets("") do
              :eof -> System.halt(0)
              line ->
                {result, binding} =
                  try do
                    Code.eval_string(line, binding)
                  catch
                    kind, reason -> {{:error, kind, reason}, binding}
                  end
                :io.format("=> ~w~n", [result])
                loop(binding)
            end
          end

          def eventually(fun, tries \\\\ 500) do
            cond do
              fun.() -> true
              tries == 0 -> false
              true -> Process.sleep(10); eventually(fun, tries - 1)
            end
          end
        end
        ArborRepl.loop([])
        """;

    /**
     * An {@code elixir} node evaluating one Elixir expression per line (no final dot), each result
     * printed as Erlang's {@code ~w}, so the two kinds of node answer alike.
     */
    static ErlNode startElixir(String name, String cookie, Epmd epmd) throws Exception {
      ProcessBuilder builder = new ProcessBuilder(command("elixir"), "--name", name,
          "--cookie", cookie, "--erl", "-kernel inet_dist_use_interface {127,0,0,1}",
          "-e", ELIXIR_REPL).redirectErrorStream(true);
      builder.environment().put("ERL_EPMD_PORT", Integer.toString(epmd.port));
      builder.environment().put("ERL_EPMD_ADDRESS", "127.0.0.1");
      ErlNode node = new ErlNode(name, builder.start());
      try {
        String self = node.eval("node()", Duration.ofSeconds(60));
        if (!self.equals("'" + name + "'")) {
          throw new IllegalStateException("elixir started as " + self + ", not " + name);
        }
        return node;
      } catch (Exception | AssertionError e) {
        node.close();
        throw e;
      }
    }

    /** Evaluates {@code expression} (ending with a dot, on one line) and returns its {@code ~w}. */
    String eval(String expression, Duration timeout) throws Exception {
      stdin.write(expression.replace('\n', ' ') + "\n");
      stdin.flush();
      String result = results.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (result == null) {
        throw new AssertionError("erl " + name + " gave no result for `" + expression
            + "` within " + timeout + "; its output: " + output());
      }
      return result;
    }

    String output() {
      synchronized (output) {
        return String.join("\n", output);
      }
    }

    /** Kills the OS process at once, as a crash or `kill -9` would. */
    void kill() {
      ErlangTools.kill(process);
    }

    @Override
    public void close() {
      kill();
    }
  }
}
