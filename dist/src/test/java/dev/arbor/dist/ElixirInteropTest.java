package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Proc;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Binary;
import dev.arbor.Pid;
import dev.arbor.dist.term.Tuple;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An Elixir node pings an Arbor node and talks to its processes (Elixir 1.14 on OTP 25 from the
 * PATH by default; the chroot's Elixir 1.18 on OTP 27 with {@code -Potp27}).
 */
class ElixirInteropTest {
  @Test
  void elixirPingsAndSendsToRegisteredArborProcess() throws Exception {
    String elixirCommand = ErlangTools.command("elixir");
    try (ErlangTools.Epmd epmd = ErlangTools.Epmd.start()) {
      String cookie = ErlangTools.uniqueCookie();
      Node arbor = Node.builder(ErlangTools.uniqueName("arbor")).cookie(cookie)
          .epmdPort(epmd.port).start();
      Proc.register("inbox", Proc.self());
      String script = "IO.puts(\"OTP #{System.otp_release()}\")\n"
          + "target = :\"" + arbor.name() + "\"\n"
          + "IO.puts(\"PING #{Node.ping(target)}\")\n"
          + "send({:inbox, target}, {:from_elixir, self(), \"hi\", %{answer: 42}})\n"
          + "receive do\n  {:ack, x} -> IO.puts(\"ACK #{inspect(x)}\")\n"
          + "after 10_000 -> IO.puts(\"TIMEOUT\")\nend\n";
      ProcessBuilder builder = new ProcessBuilder(List.of(elixirCommand, "--name",
          ErlangTools.uniqueName("ex"), "--cookie", cookie, "--erl",
          "-kernel inet_dist_use_interface {127,0,0,1}", "-e", script))
          .redirectErrorStream(true);
      builder.environment().put("ERL_EPMD_PORT", Integer.toString(epmd.port));
      Process elixir = builder.start();
      try {
        Object first = Proc.receive(Duration.ofSeconds(30)).orElse(null);
        if (first == null) {
          throw new AssertionError("nothing from elixir: " + drain(elixir));
        }
        Tuple hello = (Tuple) first;
        assertEquals(Atom.of("from_elixir"), hello.get(0));
        assertEquals(Binary.ofUtf8("hi"), hello.get(2));
        assertEquals(Map.of(Atom.of("answer"), 42L), hello.get(3));
        Proc.send((Pid) hello.get(1), Tuple.of(Atom.of("ack"), Binary.ofUtf8("from Java")));
        assertTrue(elixir.waitFor(30, TimeUnit.SECONDS), "elixir did not finish");
        String output = drain(elixir);
        assertTrue(output.contains("PING pong"), output);
        assertTrue(output.contains("ACK \"from Java\""), output);
        String otp = ErlangTools.expectedOtp();
        assertTrue(otp.isEmpty() || output.contains("OTP " + otp + "\n"), output);
      } finally {
        ErlangTools.kill(elixir);
        arbor.stop();
        Proc.release();
      }
    }
  }

  private static String drain(Process process) throws IOException {
    if (process.isAlive()) {
      return "(still running)";
    }
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
