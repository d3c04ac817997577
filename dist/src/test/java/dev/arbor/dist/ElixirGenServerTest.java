package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Name;
import dev.arbor.Proc;
import dev.arbor.server.StartOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Elixir (1.14 on OTP 25) calls a {@code @GenServer(remote = true)} Arbor server with {@code
 * GenServer.call}, {@code GenServer.cast} and {@code send}, as it would call one of its own.
 */
class ElixirGenServerTest {
  private ErlangTools.Epmd epmd;
  private Node arbor;
  private String cookie;
  private CounterClient counter;
  private String elixirCommand;

  @BeforeEach
  void startNodeAndCounter() throws Exception {
    elixirCommand = ErlangTools.command("elixir");
    epmd = ErlangTools.Epmd.start();
    cookie = ErlangTools.uniqueCookie();
    arbor = Node.builder(ErlangTools.uniqueName("arbor")).cookie(cookie).epmdPort(epmd.port).start();
    counter = CounterClient.start(StartOptions.named(Name.local("counter")));
  }

  @AfterEach
  void stopAll() {
    if (counter != null && counter.pid().isAlive()) {
      counter.stop();
    }
    if (arbor != null) {
      arbor.stop();
    }
    if (epmd != null) {
      epmd.close();
    }
    Proc.release();
  }

  @Test
  void elixirCallsArborGenServer() throws Exception {
    String out = elixir("""
        IO.puts("GET " <> inspect(GenServer.call(t, :get)))
        IO.puts("INC " <> inspect(GenServer.call(t, {:increment_by, 5})))
        IO.puts("TAKE " <> inspect(GenServer.call(t, {:take, 100})))
        IO.puts("CONFIGURE " <> inspect(GenServer.call(t, {:configure, %{name: "hall", mode: :cool}})))
        IO.puts("MODES " <> inspect(GenServer.call(t, {:distinct_modes, MapSet.new([:heat, :cool, :heat])})))
        send(t, "a note")
        IO.puts("SNAPSHOT " <> inspect(Enum.sort(GenServer.call(t, :snapshot)))) # a map prints its keys in an order that differs between versions
        """);
    assertTrue(out.contains("GET 0\n"), out);
    assertTrue(out.contains("INC 5\n"), out);
    assertTrue(out.contains("TAKE {:error, {:\"dev.arbor.dist.Counter$TooFewException\", \"only 5, asked for 100\"}}\n"),
        out);
    assertTrue(out.contains("CONFIGURE \"hall is COOL\"\n"), out);
    assertTrue(out.contains("MODES 2\n"), out);
    assertTrue(out.contains("SNAPSHOT [count: 5, last_note: \"a note\", mode: :cool, notes: [\"a note\"]]\n"), out);
  }

  @Test
  void elixirCastReachesArborCast() throws Exception {
    String out = elixir("""
        GenServer.cast(t, :increment)
        GenServer.cast(t, :increment)
        IO.puts("GET " <> inspect(GenServer.call(t, :get)))
        """);
    assertTrue(out.contains("GET 2\n"), out);
    assertEquals(2, counter.get());
  }

  @Test
  void badRemoteRequestGetsErrorReplyAndServerLives() throws Exception {
    var pid = counter.pid();
    String out = elixir("""
        IO.puts("BAD " <> inspect(GenServer.call(t, {:increment_by, "five"})))
        IO.puts("RANGE " <> inspect(GenServer.call(t, {:increment_by, 9_999_999_999})))
        IO.puts("UNKNOWN " <> inspect(GenServer.call(t, :nope)))
        GenServer.cast(t, {:increment, 1})
        IO.puts("INC " <> inspect(GenServer.call(t, {:increment_by, 1})))
        """);
    assertTrue(out.contains("BAD {:error, {:badarg, \"increment_by argument 1: expected an integer, got"
        + " <<\\\"five\\\">>\"}}\n"), out);
    assertTrue(out.contains("RANGE {:error, {:badarg, \"increment_by argument 1: expected an integer that fits in"
        + " 32 bits, got 9999999999\"}}\n"), out);
    assertTrue(out.contains("UNKNOWN {:error, {:badarg, \"no @Call takes nope with 0 arguments (nope); it takes"
        + " get/0, increment_by/1, take/1, configure/1, snapshot/0, sleep/1, distinct_modes/1,"
        + " server_pid/0, crash/0\"}}\n"), out);
    assertTrue(out.contains("INC 1\n"), out); // the bad cast was dropped, not applied
    assertTrue(pid.isAlive(), "the server survived");
    assertEquals(pid, counter.pid());
    assertEquals(1, counter.get());
  }

  @Test
  void lateReplyIsDroppedAndCrashIsAnExitInElixir() throws Exception {
    String out = elixir("""
        late = try do
          GenServer.call(t, {:sleep, 500}, 50)
        catch
          :exit, {reason, _} -> {:exited, reason}
        end
        IO.puts("TIMEOUT " <> inspect(late))
        # The server answers in order, so the late reply was sent before this one arrives.
        IO.puts("GET " <> inspect(GenServer.call(t, :get)))
        IO.puts("MAILBOX " <> inspect(Process.info(self(), :messages)))
        crash = try do
          GenServer.call(t, :crash)
        catch
          :exit, {reason, _} -> {:exited, reason}
        end
        IO.puts("CRASH " <> inspect(crash))
        """);
    assertTrue(out.contains("TIMEOUT {:exited, :timeout}\n"), out);
    assertTrue(out.contains("GET 0\n"), out);
    assertTrue(out.contains("MAILBOX {:messages, []}\n"), out);
    assertTrue(out.contains("CRASH {:exited, {:\"java.lang.IllegalStateException\", \"asked to crash\"}}\n"), out);
  }

  /** Runs {@code body} in a fresh Elixir node, with {@code t} bound to the counter; returns its output. */
  /**
   * {@code :sys.get_state} and {@code :sys.get_status} answer as they do for an Elixir GenServer
   * (the state as its description; {@code get_state} in the shape of OTP 26.1 on, which OTP 25's
   * {@code sys} returns whole), and a {@code sys} request Arbor does not serve is answered at once
   * with {@code sys}'s own error, not left to time out; the server carries on.
   */
  @Test
  void sysRequestsFromElixirAreAnswered() throws Exception {
    counter.incrementBy(3);
    String out = elixir("""
        IO.puts("OTP " <> List.to_string(:erlang.system_info(:otp_release)))
        IO.puts("STATE " <> inspect(:sys.get_state(t)))
        {:status, pid, {:module, :gen_server}, [[], :running, parent, [], misc]} = :sys.get_status(t)
        IO.puts("PID " <> inspect(node(pid) == elem(t, 1) and parent == pid))
        [header: header, data: data, data: [{state_label, state}]] = misc
        # labels are charlists, which Elixir versions print differently: print them as strings
        IO.puts("HEADER " <> to_string(header))
        IO.puts("DATA " <> inspect(Enum.map(data, fn {k, v} -> {to_string(k), v == pid || v} end)))
        IO.puts("STATUS STATE " <> to_string(state_label) <> " " <> inspect(state))
        IO.puts("SUSPEND " <> inspect(:sys.suspend(t, 5000)))
        IO.puts("GET " <> inspect(GenServer.call(t, :get)))
        """);
    String state = "\"Counter[count=3, mode=HEAT, notes=[]]\"";
    assertTrue(out.contains(out.contains("OTP 25\n") ? "STATE {:ok, " + state + "}\n" : "STATE " + state + "\n"), out);
    assertTrue(out.contains("PID true\n"), out);
    assertTrue(out.contains("HEADER Status for generic server counter\n"), out);
    assertTrue(out.contains("DATA [{\"Status\", :running}, {\"Parent\", true}, {\"Logged events\", []}]\n"), out);
    assertTrue(out.contains("STATUS STATE State \"Counter[count=3, mode=HEAT, notes=[]]\"\n"), out);
    assertTrue(out.contains("SUSPEND {:error, {:unknown_system_msg, :suspend}}\n"), out);
    assertTrue(out.contains("GET 3\n"), out);
  }

  private String elixir(String body) throws IOException, InterruptedException {
    String script = "t = {:counter, :\"" + arbor.name() + "\"}\n" + body;
    ProcessBuilder builder = new ProcessBuilder(List.of(elixirCommand, "--name", ErlangTools.uniqueName("ex"),
        "--cookie", cookie, "--erl", "-kernel inet_dist_use_interface {127,0,0,1}", "-e", script))
        .redirectErrorStream(true);
    builder.environment().put("ERL_EPMD_PORT", Integer.toString(epmd.port));
    Process elixir = builder.start();
    try {
      boolean finished = elixir.waitFor(60, TimeUnit.SECONDS);
      String out = finished
          ? new String(elixir.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          : "(elixir still running after 60 s)";
      assertTrue(finished && elixir.exitValue() == 0, "elixir failed: " + out);
      return out;
    } finally {
      ErlangTools.kill(elixir);
    }
  }
}
