package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Binary;
import dev.arbor.dist.term.Tuple;
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
 * The generated client of a {@code @GenServer(remote = true)} server called from this JVM while the
 * server runs on another Arbor node (a child JVM), through {@code gen_server}'s protocol: the same
 * calls, casts, replies, exit reasons and timeouts as locally.
 */
class RemoteClientTest {
  private ErlangTools.Epmd epmd;
  private Node node;
  private ChildJvm child;
  private String childName;

  @BeforeEach
  void startTwoNodes() throws Exception {
    epmd = ErlangTools.Epmd.start();
    String cookie = ErlangTools.uniqueCookie();
    childName = ErlangTools.uniqueName("counter");
    node = Node.builder(ErlangTools.uniqueName("caller")).cookie(cookie).epmdPort(epmd.port).start();
    child = ChildJvm.start(CounterNode.class, childName, cookie, Integer.toString(epmd.port));
  }

  @AfterEach
  void stopAll() throws Exception {
    if (child != null) {
      child.close();
    }
    if (node != null) {
      node.stop();
    }
    if (epmd != null) {
      epmd.close();
    }
    Proc.release();
  }

  private CounterClient counter() {
    return CounterClient.of(Name.remote("counter", childName));
  }

  @Test
  void javaClientCallsArborServerOnAnotherNode() throws Exception {
    CounterClient counter = counter();
    assertEquals(5, counter.incrementBy(5));
    counter.increment(); // a cast, ordered before the next call from this process
    assertEquals(6, counter.get());
    assertEquals("hall is COOL", counter.configure(new Counter.Settings("hall", Counter.Mode.COOL)));
    Proc.send(Name.remote("counter", childName), "a note");
    assertEquals(new Counter.Snapshot(6, Counter.Mode.COOL, List.of("a note"), Optional.of("a note")),
        counter.snapshot());
    assertEquals(7, counter.incrementByAsync(1).get(15, TimeUnit.SECONDS));

    // A client bound to the server's pid reaches the same server.
    Pid pid = counter.serverPid();
    assertEquals(childName, pid.node());
    assertEquals(7, CounterClient.of(pid).get());
  }

  @Test
  void declaredExceptionIsRebuiltFromTheErrorTermAndTheServerGoesOn() {
    Counter.TooFewException e = assertThrows(Counter.TooFewException.class, () -> counter().withdraw(100));
    assertEquals("only 0, asked for 100", e.getMessage());
    assertEquals(1, counter().incrementBy(1));
  }

  @Test
  void remoteServerDeathIsExitException() {
    // A Java crash travels as {ClassName, <<"message">>}, as it would to a BEAM caller.
    ExitException crash = assertThrows(ExitException.class, () -> counter().crash());
    assertEquals(Tuple.of(Atom.of(IllegalStateException.class.getName()),
        Binary.ofUtf8("asked to crash")), crash.reason().term(), crash.toString());

    ExitException noproc = assertThrows(ExitException.class,
        () -> CounterClient.of(Name.remote("nobody", childName)).get());
    assertEquals(ExitReason.noproc(), noproc.reason());
    assertTrue(noproc.getMessage().startsWith("no process: "), noproc.getMessage());
  }

  @Test
  void remoteCallTimesOutAsLocallyAndItsLateReplyIsDropped() {
    CounterClient counter = counter();
    CallTimeoutException late = assertThrows(CallTimeoutException.class,
        () -> counter.withTimeout(Duration.ofMillis(200)).sleep(1_500));
    assertTrue(late.getMessage().contains("sleep"), late.getMessage());
    // The server answers this call after the late reply, on the same connection: by the time it
    // returns, the late reply has arrived here, and it must not be in the mailbox.
    counter.sleep(0);
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO));
  }

  @Test
  void lostNodeIsExitExceptionWithNoconnection() throws Exception {
    assertEquals(0, counter().get()); // connected
    var waiting = counter().withTimeout(Duration.ofSeconds(30)).sleepAsync(30_000);
    child.kill();
    ExecutionException lost = assertThrows(ExecutionException.class,
        () -> waiting.get(20, TimeUnit.SECONDS));
    ExitException exit = assertInstanceOf(ExitException.class, lost.getCause());
    assertEquals(ExitReason.noconnection(), exit.reason());
  }
}
