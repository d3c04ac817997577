package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Tuple;
import dev.arbor.remote.RemoteReplyException;
import dev.arbor.server.CallTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Java calls an Elixir {@code GenServer} (Elixir 1.14 on OTP 25) through the client generated for
 * the {@code @RemoteServer} interface {@link PriceList}: replies decoded with the mapping, casts,
 * and the errors a BEAM caller would see, as Java exceptions.
 */
class RemoteServerClientTest {
  /** The Elixir server, one line per definition: the REPL evaluates a line at a time. */
  private static final String PRICES = String.join(" ",
      "defmodule Prices do use GenServer;",
      "def init(prices), do: {:ok, prices};",
      "def handle_call({:price, sku}, _from, prices), do: {:reply, Map.get(prices, sku, {:error, :unknown_sku}),"
          + " prices};",
      "def handle_call(:all, _from, prices), do: {:reply, for({sku, cents} <- prices, do: %{sku: sku, cents: cents}),"
          + " prices};",
      "def handle_call({:find_item, sku}, _from, prices), do: {:reply, (case Map.fetch(prices, sku) do"
          + " {:ok, cents} -> %{sku: sku, cents: cents}; :error -> nil end), prices};",
      "def handle_call(:flush, _from, prices), do: {:reply, :ok, prices};",
      "def handle_call(:owner, _from, prices), do: {:reply, self(), prices};",
      "def handle_call({:slow_price, sku, ms}, _from, prices), do: (Process.sleep(ms);"
          + " {:reply, Map.get(prices, sku), prices});",
      "def handle_call(:crash, _from, prices), do: {:stop, :meltdown, prices};",
      "def handle_cast({:set_price, sku, cents}, prices), do: {:noreply, Map.put(prices, sku, cents)}",
      "end");

  private ErlangTools.Epmd epmd;
  private ErlangTools.ErlNode elixir;
  private Node node;

  @BeforeEach
  void startElixirServerAndJavaNode() throws Exception {
    ErlangTools.command("elixir");
    epmd = ErlangTools.Epmd.start();
    String cookie = ErlangTools.uniqueCookie();
    elixir = ErlangTools.ErlNode.startElixir(ErlangTools.uniqueName("shop"), cookie, epmd);
    elixir.eval(PRICES, Duration.ofSeconds(60));
    // Not linked to the REPL's process, so that the crash test ends the server only.
    String started = elixir.eval("GenServer.start(Prices, %{\"a1\" => 250, \"b2\" => 990}, name: :prices)",
        Duration.ofSeconds(30));
    assertTrue(started.startsWith("{ok,"), started);
    node = Node.builder(ErlangTools.uniqueName("java")).cookie(cookie).epmdPort(epmd.port).start();
  }

  @AfterEach
  void stopAll() {
    if (node != null) {
      node.stop();
    }
    if (elixir != null) {
      elixir.close();
    }
    if (epmd != null) {
      epmd.close();
    }
    Proc.release();
  }

  private PriceList prices() {
    return PriceListClient.of(Name.remote("prices", elixir.name));
  }

  @Test
  void typedClientCallsElixirGenServer() throws Exception {
    PriceListClient prices = PriceListClient.of(Name.remote("prices", elixir.name));
    assertEquals(250, prices.price("a1"));                                   // {:price, "a1"}
    assertEquals(List.of(new PriceList.Item("a1", 250), new PriceList.Item("b2", 990)), prices.items()); // :all
    assertEquals(Optional.of(new PriceList.Item("b2", 990)), prices.findItem("b2"));
    assertEquals(Optional.empty(), prices.findItem("zz"));                   // nil
    assertFalse(prices.sells("zz"));                                          // the interface's default method
    prices.setPrice("a1", 300);                                               // {:set_price, "a1", 300}, a cast
    assertEquals(300, prices.price("a1"));                                    // sent after it, so it sees it
    prices.flush();                                                           // :ok for a void @Call
    assertEquals(990, prices.priceAsync("b2").get(15, TimeUnit.SECONDS));

    // A client bound to the server's pid reaches the same server.
    Pid owner = prices.owner();
    assertEquals(elixir.name, owner.node());
    assertEquals(300, PriceListClient.of(owner).price("a1"));
    assertEquals("PriceListClient[PriceList {prices," + elixir.name + "}]", prices.toString());
  }

  @Test
  void replyThatDoesNotFitTheReturnTypeIsRemoteReplyException() {
    RemoteReplyException e = assertThrows(RemoteReplyException.class, () -> prices().price("zz"));
    assertEquals(Tuple.of(Atom.of("error"), Atom.of("unknown_sku")), e.reply());
    assertEquals("PriceList {prices," + elixir.name + "} answered price with {error,unknown_sku}, which its reply"
        + " type does not hold: expected an integer, got {error,unknown_sku}", e.getMessage());
    assertEquals(250, prices().price("a1"), "the server lives on");
  }

  @Test
  void elixirServerCrashingDuringACallIsExitExceptionWithItsReason() throws Exception {
    ExitException crash = assertThrows(ExitException.class, () -> prices().crash());
    assertEquals(ExitReason.of("meltdown"), crash.reason());
    assertEquals("PriceList {prices," + elixir.name + "} exited with meltdown (crash)", crash.getMessage());
    // The server is gone now, so its name is free: a call finds no process.
    ExitException gone = assertThrows(ExitException.class, () -> prices().price("a1"));
    assertEquals(ExitReason.noproc(), gone.reason());
  }

  @Test
  void missingNameIsExitExceptionWithNoproc() throws Exception {
    ExitException noproc = assertThrows(ExitException.class,
        () -> PriceListClient.of(Name.remote("nobody", elixir.name)).price("a1"));
    assertEquals(ExitReason.noproc(), noproc.reason());
    assertEquals("no process: PriceList {nobody," + elixir.name + "} is not alive (price)", noproc.getMessage());
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> PriceListClient.of(Name.remote("nobody", elixir.name)).priceAsync("a1").get(15, TimeUnit.SECONDS));
    assertEquals(ExitReason.noproc(), ((ExitException) async.getCause()).reason());
  }

  @Test
  void slowElixirServerIsCallTimeoutExceptionAndItsLateReplyIsDropped() {
    PriceListClient prices = PriceListClient.of(Name.remote("prices", elixir.name));
    CallTimeoutException late = assertThrows(CallTimeoutException.class,
        () -> prices.withTimeout(Duration.ofMillis(200)).slowPrice("a1", 1_500));
    assertEquals("call to PriceList {prices," + elixir.name + "} handler slowPrice got no reply within 200 ms",
        late.getMessage());
    // The server answers this call after the late reply, on the same connection: when it returns,
    // the late reply has reached this node, and it must not be in the mailbox.
    assertEquals(250, prices.slowPrice("a1", 0));
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO));
  }

  @Test
  void clientRefusesALocalNameOrPid() {
    IllegalArgumentException local = assertThrows(IllegalArgumentException.class,
        () -> PriceListClient.of(Name.local("prices")));
    assertTrue(local.getMessage().contains("Name.remote(name, node)"), local.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PriceListClient.of(Proc.self()));
  }
}
