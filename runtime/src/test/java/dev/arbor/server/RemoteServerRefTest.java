package dev.arbor.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.internal.Remote;
import dev.arbor.mapping.ServerTerms;
import dev.arbor.mapping.TermType;
import dev.arbor.remote.Distribution;
import dev.arbor.remote.LocalNode;
import dev.arbor.remote.NodeConnection;
import dev.arbor.remote.RemoteCalls;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@code @RemoteServer} client's engine hands to the node's {@link RemoteCalls}, and how it
 * refuses what cannot be a remote request; {@code RemoteServerClientTest} in arbor-dist runs the
 * generated client against a real Elixir server.
 */
class RemoteServerRefTest {
  /** The messages a generated client would build. */
  sealed interface Msg {}

  record Price(String sku) implements Msg {}

  record Reload() implements Msg {}

  record NotARequest() implements Msg {}

  /** The shop's price list from the README, as the processor would describe it. */
  interface PriceList {}

  private static final ServerTerms TERMS = ServerTerms.builder()
      .call("price", "price", TermType.INT, Price.class, a -> new Price((String) a[0]), m -> new Object[] {m.sku()},
          TermType.STRING)
      .cast("reload", "reload", Reload.class, a -> new Reload(), m -> new Object[0])
      .build();

  private static final Name PRICES = Name.remote("prices", "shop@127.0.0.1");

  /** One request that reached the node's {@link RemoteCalls}. */
  record Sent(Object server, ServerTerms.Request request, List<Object> arguments, Duration timeout,
      String describe, Pid caller) {}

  /** A started node whose calls are recorded and answered with {@code answer}. */
  private static final class RecordingNode implements Distribution, RemoteCalls {
    final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
    volatile Object answer = 250;
    final LocalNode local = LocalNode.attach(this);

    @Override
    public String nodeName() {
      return "java@127.0.0.1";
    }

    @Override
    public int creation() {
      return 7;
    }

    @Override
    public NodeConnection connect(String node) {
      return null;
    }

    @Override
    public RemoteCalls calls() {
      return this;
    }

    @Override
    public Object call(Object server, ServerTerms.Request request, Object[] arguments, Duration timeout,
        String describe) {
      sent.add(new Sent(server, request, List.of(arguments), timeout, describe, Proc.self()));
      if (answer instanceof RuntimeException e) {
        throw e;
      }
      return answer;
    }

    @Override
    public void cast(Object server, ServerTerms.Request request, Object[] arguments) {
      sent.add(new Sent(server, request, List.of(arguments), null, null, Proc.self()));
    }
  }

  private RecordingNode node;

  @AfterEach
  void detach() {
    if (node != null) {
      node.local.detach();
    }
    Proc.release();
  }

  private static RemoteServerRef<Msg> prices() {
    return RemoteServerRef.of(PriceList.class, TERMS, 5_000, PRICES);
  }

  @Test
  void callSendsTheRequestWithItsArgumentsAndReturnsTheDecodedReply() throws Exception {
    node = new RecordingNode();
    int cents = prices().withTimeout(Duration.ofMillis(700)).call("price", new Price("a1"));
    assertEquals(250, cents);
    Sent s = node.sent.poll(5, TimeUnit.SECONDS);
    assertSame(PRICES, s.server());
    assertEquals("price", s.request().atom());
    assertEquals(List.of("a1"), s.arguments());
    assertEquals(Duration.ofMillis(700), s.timeout());
    assertEquals("PriceList {prices,shop@127.0.0.1}", s.describe());
  }

  @Test
  void castSendsTheBareAtomRequest() throws Exception {
    node = new RecordingNode();
    prices().cast(new Reload());
    Sent s = node.sent.poll(5, TimeUnit.SECONDS);
    assertEquals("reload", s.request().atom());
    assertEquals(List.of(), s.arguments());
  }

  @Test
  void callAsyncWaitsInAProcessOfItsOwnAndFailsAsCallWouldThrow() throws Exception {
    node = new RecordingNode();
    assertEquals(250, prices().<Integer>callAsync("price", new Price("a1")).get(5, TimeUnit.SECONDS));
    assertNotEquals(Proc.self(), node.sent.poll(5, TimeUnit.SECONDS).caller());

    node.answer = new ExitException(ExitReason.noproc(), "no process: PriceList {prices,shop@127.0.0.1}");
    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> prices().callAsync("price", new Price("a1")).get(5, TimeUnit.SECONDS));
    assertEquals(ExitReason.noproc(), ((ExitException) failed.getCause()).reason());
  }

  @Test
  void callWithoutAStartedNodeIsIllegalStateNamingTheServer() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> prices().call("price", new Price("a1")));
    assertEquals("no node is started here, so PriceList {prices,shop@127.0.0.1} cannot be reached; start one with"
        + " dev.arbor.dist.Node", e.getMessage());
    assertThrows(IllegalStateException.class, () -> prices().cast(new Reload()));
  }

  @Test
  void requestTheInterfaceDoesNotDeclareIsRefusedBeforeAnythingIsSent() throws Exception {
    node = new RecordingNode();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> prices().call("price", new NotARequest()));
    assertEquals(NotARequest.class.getName() + " is not a request of PriceList", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> prices().callAsync("price", new NotARequest()));
    assertThrows(NullPointerException.class, () -> prices().cast(null));
    assertEquals(null, node.sent.poll());
  }

  @Test
  void localNameOrPidAndNonPositiveTimeoutsAreRefused() {
    IllegalArgumentException local = assertThrows(IllegalArgumentException.class,
        () -> RemoteServerRef.of(PriceList.class, TERMS, 5_000, Name.local("prices")));
    assertEquals("PriceList describes a gen_server on another node: name it with Name.remote(name, node) or give"
        + " its pid; got prices", local.getMessage());
    Pid self = Proc.self();
    IllegalArgumentException localPid = assertThrows(IllegalArgumentException.class,
        () -> RemoteServerRef.of(PriceList.class, TERMS, 5_000, self));
    assertEquals("PriceList describes a gen_server on another node, but " + self + " is a process of this one;"
        + " use its own client", localPid.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RemoteServerRef.of(PriceList.class, TERMS, 0, PRICES));
    assertThrows(IllegalArgumentException.class, () -> prices().withTimeout(Duration.ofMillis(-1)));
  }

  @Test
  void refsToOneServerWithOneTimeoutAreEqual() {
    Pid remote = Remote.pid("shop@127.0.0.1", 80, 0, 3);
    assertEquals(RemoteServerRef.of(PriceList.class, TERMS, 5_000, remote),
        RemoteServerRef.of(PriceList.class, TERMS, 5_000, remote));
    assertNotEquals(prices(), prices().withTimeout(Duration.ofSeconds(1)));
    assertEquals("PriceList " + remote, RemoteServerRef.of(PriceList.class, TERMS, 5_000, remote).toString());
  }
}
