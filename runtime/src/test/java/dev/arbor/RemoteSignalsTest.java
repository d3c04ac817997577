package dev.arbor;

import static dev.arbor.Waits.WAIT;
import static dev.arbor.Waits.down;
import static dev.arbor.Waits.exitFrom;
import static dev.arbor.Waits.next;
import static dev.arbor.Waits.noMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.remote.Handles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Links, monitors, exit signals and node monitors between local processes and processes of another
 * node, through the runtime's distribution seam ({@code dev.arbor.remote}) and an in-memory peer
 * ({@link FakeNode}) instead of a wire: Erlang's rules, pinned without a network.
 */
@ExtendWith(WithIdentity.class)
class RemoteSignalsTest {
  private static final String PEER = "peer@127.0.0.1";
  private static final Duration QUIET = Duration.ofMillis(100);

  private FakeNode node;
  private FakeNode.Peer peer;
  /** Every process a test starts, killed after it, so that no test leaves a process behind. */
  private final List<Pid> started = new ArrayList<>();

  @BeforeEach
  void startNode() {
    node = new FakeNode("arbor@127.0.0.1", 7);
    peer = node.peer(PEER);
  }

  @AfterEach
  void stopNode() {
    node.close();
    for (Pid p : started) {
      Ref ref = Proc.monitor(p);
      Proc.exit(p, ExitReason.kill());
      down(ref);
    }
  }

  private Pid idle() {
    return idle(SpawnOptions.defaults());
  }

  private Pid idle(SpawnOptions options) {
    Pid p = Proc.spawn(options, () -> {
      for (; ; ) {
        Proc.receive();
      }
    });
    started.add(p);
    return p;
  }

  /** A process that traps exits and forwards every message to {@code to}. */
  private Pid forwarder(Pid to) {
    Pid p = Proc.spawn(SpawnOptions.defaults().trapExits(true), () -> {
      for (; ; ) {
        to.send(Proc.receive());
      }
    });
    started.add(p);
    return p;
  }

  private static Pid deadProcess() {
    Spawned s = Proc.spawnMonitor(() -> {});
    down(s);
    return s.pid();
  }

  // ---------------------------------------------------------------- messages

  @Test
  void sendsToRemotePidsAndNamesGoThroughTheConnection() {
    Pid r = peer.pid(10);
    Proc.send(r, "hi");
    FakeNode.Signal s = peer.next("send");
    assertEquals(Proc.self(), s.a());
    assertEquals(r, s.b());
    assertEquals("hi", s.c());
    r.send("again");
    assertEquals("again", peer.next("send").c());
    Proc.send(Name.remote("counter", PEER), "named");
    s = peer.next("sendNamed");
    assertEquals(Proc.self(), s.a());
    assertEquals("counter", s.b());
    assertEquals("named", s.c());
  }

  @Test
  void messagesFromThePeerReachLocalPidsAndNames() {
    Pid me = Proc.self();
    node.local.send(peer.pid(10), me, "to the pid");
    assertEquals("to the pid", next());
    Proc.register("remote-signals-inbox", me);
    try {
      node.local.sendNamed(peer.pid(10), "remote-signals-inbox", "to the name");
      assertEquals("to the name", next());
      node.local.sendNamed(peer.pid(10), "nobody-has-this-name", "dropped"); // as in Erlang: no error
      noMessage(m -> true, QUIET, "a send to a missing name is dropped");
    } finally {
      Proc.unregister("remote-signals-inbox");
    }
  }

  // ---------------------------------------------------------------- links

  @RepeatedTest(20)
  void remoteLinkPropagatesCrashBothWays() {
    // The remote process crashes: the local one dies with its reason.
    Pid r = peer.pid(10);
    Pid local = idle();
    Ref watching = Proc.monitor(local);
    node.local.link(peer, r, local);
    node.local.linkExit(peer, r, local, ExitReason.of("boom"));
    assertEquals(ExitReason.of("boom"), down(watching).reason());

    // The local process crashes: the remote one gets an exit signal with its reason.
    Pid r2 = peer.pid(11);
    IllegalStateException bang = new IllegalStateException("bang");
    Pid crasher = Proc.spawn(() -> {
      Proc.link(r2);
      Proc.receive();
      throw bang;
    });
    FakeNode.Signal link = peer.next("link");
    assertEquals(crasher, link.a());
    assertEquals(r2, link.b());
    crasher.send("go");
    FakeNode.Signal exit = peer.next("linkExit");
    assertEquals(crasher, exit.a());
    assertEquals(r2, exit.b());
    assertSame(bang, ((ExitReason) exit.c()).cause());
  }

  @Test
  void remoteLinkExitReachesATrappingProcessAsAnExitMessage() {
    Pid r = peer.pid(10);
    Pid trapper = forwarder(Proc.self());
    node.local.link(peer, r, trapper);
    node.local.linkExit(peer, r, trapper, ExitReason.of("boom"));
    assertEquals(ExitReason.of("boom"), exitFrom(r).reason());
    assertTrue(trapper.isAlive());
  }

  @Test
  void normalExitOfARemoteLinkLeavesANonTrappingProcessAlive() {
    Pid r = peer.pid(10);
    Pid local = idle();
    Ref watching = Proc.monitor(local);
    node.local.link(peer, r, local);
    node.local.linkExit(peer, r, local, ExitReason.normal());
    noMessage(m -> m instanceof Down, QUIET, "normal from a link is ignored");
    assertTrue(local.isAlive());
    // The signal ended the link (its sender is dead): the local exit owes the peer nothing.
    assertTrue(Proc.info(local).orElseThrow().links().isEmpty());
    Proc.exit(local, ExitReason.kill());
    assertEquals(ExitReason.killed(), down(watching).reason());
    peer.nothingMore(QUIET, "no exit signal for a link that is gone");
  }

  @Test
  void remoteLinkToADeadLocalProcessAnswersNoproc() {
    Pid dead = deadProcess();
    Pid r = peer.pid(10);
    node.local.link(peer, r, dead);
    FakeNode.Signal s = peer.next("linkExit");
    assertEquals(dead, s.a());
    assertEquals(r, s.b());
    assertEquals(ExitReason.noproc(), s.c());
  }

  @Test
  void linkToADeadRemoteProcessGivesNoprocWhenThePeerAnswers() {
    Proc.trapExits(true);
    Pid r = peer.pid(10);
    Proc.link(r);
    assertEquals(r, peer.next("link").b());
    node.local.linkExit(peer, r, Proc.self(), ExitReason.noproc());
    assertEquals(ExitReason.noproc(), exitFrom(r).reason());
    assertTrue(Proc.info(Proc.self()).orElseThrow().links().isEmpty());
  }

  @Test
  void remoteUnlinkStopsPropagation() {
    Pid r = peer.pid(10);
    Pid local = idle();
    Ref watching = Proc.monitor(local);
    node.local.link(peer, r, local);
    assertEquals(java.util.List.of(r), Proc.info(local).orElseThrow().links());
    node.local.unlink(peer, r, local);
    node.local.linkExit(peer, r, local, ExitReason.of("boom")); // no link left: ignored
    noMessage(m -> m instanceof Down, QUIET, "an unlinked process ignores the peer's exit");
    Proc.exit(local, ExitReason.kill());
    down(watching);
    peer.nothingMore(QUIET, "an unlinked process's exit is not sent to the peer");
  }

  @Test
  void localUnlinkTellsThePeerAndStopsPropagation() {
    Proc.trapExits(true);
    Pid r = peer.pid(10);
    Proc.link(r);
    peer.next("link");
    Proc.unlink(r);
    FakeNode.Signal s = peer.next("unlink");
    assertEquals(Proc.self(), s.a());
    assertEquals(r, s.b());
    node.local.linkExit(peer, r, Proc.self(), ExitReason.of("boom"));
    noMessage(m -> m instanceof Exit, QUIET, "an unlinked process ignores the peer's exit");
  }

  // ---------------------------------------------------------------- exit/2

  @Test
  void exitFromARemoteProcessFollowsExit2Rules() {
    Pid r = peer.pid(10);
    Pid trapper = forwarder(Proc.self());
    Ref trapperWatch = Proc.monitor(trapper);
    node.local.exit(peer, r, trapper, ExitReason.normal());
    assertEquals(ExitReason.normal(), exitFrom(r).reason()); // a trapping process sees even normal
    node.local.exit(peer, r, trapper, ExitReason.of("stop"));
    assertEquals(ExitReason.of("stop"), exitFrom(r).reason());
    node.local.exit(peer, r, trapper, ExitReason.kill()); // kill cannot be trapped
    assertEquals(ExitReason.killed(), down(trapperWatch).reason());

    Pid plain = idle();
    Ref plainWatch = Proc.monitor(plain);
    node.local.exit(peer, r, plain, ExitReason.normal()); // ignored by a non-trapping process
    noMessage(m -> m instanceof Down, QUIET, "exit(pid, normal) from another process is ignored");
    node.local.exit(peer, r, plain, ExitReason.of("stop"));
    assertEquals(ExitReason.of("stop"), down(plainWatch).reason());
  }

  @Test
  void exitToARemotePidGoesThroughTheConnection() {
    Pid r = peer.pid(10);
    Proc.exit(r, ExitReason.of("stop"));
    FakeNode.Signal s = peer.next("exit");
    assertEquals(Proc.self(), s.a());
    assertEquals(r, s.b());
    assertEquals(ExitReason.of("stop"), s.c());
  }

  // ---------------------------------------------------------------- monitors held here

  @RepeatedTest(20)
  void monitorOfARemoteProcessGetsTheDownThePeerSends() {
    Pid r = peer.pid(10);
    Ref ref = Proc.monitor(r);
    FakeNode.Signal s = peer.next("monitor");
    assertEquals(Proc.self(), s.a());
    assertEquals(r, s.b());
    assertEquals(ref, s.c());
    assertEquals(java.util.List.of(r), Proc.info(Proc.self()).orElseThrow().monitors());
    // The peer's Down carries the reference rebuilt from its number, as a decoder makes it.
    node.local.down(peer, Handles.ref(Handles.refNumber(ref)), ExitReason.of("gone"));
    Down d = down(ref);
    assertEquals(r, d.pid());
    assertEquals(ExitReason.of("gone"), d.reason());
    assertFalse(Proc.demonitor(ref));
  }

  @Test
  void demonitorOfARemoteProcessTellsThePeerAndNoDownFollows() {
    Pid r = peer.pid(10);
    Ref ref = Proc.monitor(r);
    peer.next("monitor");
    assertTrue(Proc.demonitor(ref));
    FakeNode.Signal s = peer.next("demonitor");
    assertEquals(r, s.b());
    assertEquals(ref, s.c());
    node.local.down(peer, ref, ExitReason.of("late"));
    noMessage(m -> m instanceof Down, QUIET, "no Down after demonitor");
  }

  @Test
  void aWatcherThatExitsTakesItsRemoteMonitorsAway() {
    Pid r = peer.pid(10);
    Spawned watcher = Proc.spawnMonitor(() -> {
      Proc.monitor(r);
      Proc.receive();
    });
    FakeNode.Signal monitor = peer.next("monitor");
    watcher.pid().send("stop");
    down(watcher);
    FakeNode.Signal demonitor = peer.next("demonitor");
    assertEquals(watcher.pid(), demonitor.a());
    assertEquals(monitor.c(), demonitor.c());
  }

  @Test
  void monitorOfARemoteNameGetsADownWithoutAPid() {
    Ref ref = Proc.monitor(Name.remote("counter", PEER));
    FakeNode.Signal s = peer.next("monitorName");
    assertEquals("counter", s.b());
    node.local.down(peer, ref, ExitReason.noproc());
    Down d = down(ref);
    assertNull(d.pid());
    assertEquals(ExitReason.noproc(), d.reason());
  }

  @Test
  void monitorOfAMissingLocalNameGivesNoprocAtOnce() {
    Ref ref = Proc.monitor(Name.local("nobody-has-this-name"));
    Down d = down(ref);
    assertNull(d.pid());
    assertEquals(ExitReason.noproc(), d.reason());
    Ref alsoLocal = Proc.monitor(Name.remote("nobody-has-this-name", Proc.node()));
    assertEquals(ExitReason.noproc(), down(alsoLocal).reason());
  }

  // ---------------------------------------------------------------- monitors held by the peer

  @RepeatedTest(20)
  void remoteMonitorOfALocalProcessGetsTheDownWhenItExits() {
    Pid r = peer.pid(10);
    Pid local = idle();
    node.local.monitor(peer, r, local, "ref-1");
    assertEquals(java.util.List.of(r), Proc.info(local).orElseThrow().monitoredBy());
    Proc.exit(local, ExitReason.kill());
    FakeNode.Signal s = peer.next("down");
    assertEquals(local, s.a());
    assertEquals(r, s.b());
    assertEquals("ref-1", s.c());
    assertEquals(ExitReason.killed(), s.d());
  }

  @Test
  void remoteMonitorOfMissingNameGivesNoproc() {
    Pid r = peer.pid(10);
    node.local.monitorName(peer, r, "nobody-has-this-name", "ref-2");
    FakeNode.Signal s = peer.next("downName");
    assertEquals("nobody-has-this-name", s.a());
    assertEquals(r, s.b());
    assertEquals("ref-2", s.c());
    assertEquals(ExitReason.noproc(), s.d());
  }

  @Test
  void remoteMonitorOfADeadProcessGivesNoproc() {
    Pid dead = deadProcess();
    node.local.monitor(peer, peer.pid(10), dead, "ref-3");
    FakeNode.Signal s = peer.next("down");
    assertEquals(dead, s.a());
    assertEquals(ExitReason.noproc(), s.d());
  }

  @Test
  void remoteMonitorOfALocalNameReportsTheNameWhenItsProcessExits() {
    Pid local = idle(SpawnOptions.defaults().name("remote-signals-named"));
    node.local.monitorName(peer, peer.pid(10), "remote-signals-named", "ref-4");
    Proc.exit(local, ExitReason.of("bye"));
    FakeNode.Signal s = peer.next("downName");
    assertEquals("remote-signals-named", s.a());
    assertEquals("ref-4", s.c());
    assertEquals(ExitReason.of("bye"), s.d());
  }

  @Test
  void remoteDemonitorMeansNoDown() {
    Pid local = idle();
    Ref watching = Proc.monitor(local);
    node.local.monitor(peer, peer.pid(10), local, "ref-5");
    node.local.demonitor(peer, peer.pid(10), "ref-5");
    assertEquals(java.util.List.of(Proc.self()), Proc.info(local).orElseThrow().monitoredBy());
    Proc.exit(local, ExitReason.kill());
    down(watching);
    peer.nothingMore(QUIET, "a demonitored process's exit is not reported");
  }

  // ---------------------------------------------------------------- losing the connection

  @RepeatedTest(20)
  void droppedConnectionGivesNoconnectionToEveryLinkAndMonitorAcrossIt() {
    Pid me = Proc.self();
    Pid r1 = peer.pid(1);
    Pid r2 = peer.pid(2);
    Pid r3 = peer.pid(3);
    // Linked by the peer, trapping: gets an Exit message.
    Pid trapper = forwarder(me);
    node.local.link(peer, r1, trapper);
    // Linked by itself, not trapping: dies.
    CountDownLatch linked = new CountDownLatch(1);
    Spawned plain = Proc.spawnMonitor(() -> {
      Proc.link(r2);
      linked.countDown();
      Proc.receive();
    });
    Waits.await(linked, "the link to the remote process");
    // A monitor held here, a node monitor, and a monitor the peer holds on a local process.
    Ref monitor = Proc.monitor(r3);
    Proc.monitorNode(PEER);
    Pid watched = idle();
    node.local.monitor(peer, r1, watched, "peer-ref");

    node.drop(peer);

    assertEquals(ExitReason.noconnection(), exitFrom(r1).reason());
    assertEquals(ExitReason.noconnection(), down(plain).reason());
    Down d = down(monitor);
    assertEquals(r3, d.pid());
    assertEquals(ExitReason.noconnection(), d.reason());
    assertEquals(new NodeDown(PEER), next(NodeDown.class));
    assertTrue(Proc.info(watched).orElseThrow().monitoredBy().isEmpty());

    // The next signal to that node asks for a new connection; the old one hears nothing more.
    Proc.send(r1, "after");
    FakeNode.Peer again = node.peer(PEER);
    assertEquals("after", again.await(s -> s.op().equals("send"), "the send").c());
    Proc.exit(trapper, ExitReason.kill());
    Proc.exit(watched, ExitReason.kill());
    again.nothingMore(QUIET, "links and monitors of a lost connection are gone");
  }

  private record Linked(int id, int exits) {}

  @RepeatedTest(20)
  void linksRacingAConnectionLossEachEndExactlyOnce() {
    int count = 40;
    Pid me = Proc.self();
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch dropped = new CountDownLatch(1);
    for (int i = 0; i < count; i++) {
      int id = 100 + i;
      Pid r = peer.pid(id);
      started.add(Proc.spawn(SpawnOptions.defaults().trapExits(true), () -> {
        Waits.await(go, "the start");
        Proc.link(r);
        Waits.await(dropped, "the connection's loss");
        int exits = 0;
        while (Proc.receive(m -> m instanceof Exit e && e.from().equals(r), Duration.ZERO).isPresent()) {
          exits++;
        }
        me.send(new Linked(id, exits));
        Proc.receive();
      }));
    }
    go.countDown();
    node.drop(peer); // races the links: each lands on the lost connection or on a new one
    dropped.countDown();
    java.util.Map<Integer, Integer> exits = new java.util.HashMap<>();
    for (int i = 0; i < count; i++) {
      Linked l = next(Linked.class);
      exits.put(l.id(), l.exits());
    }
    // By now every link was made: on the new connection, its signal is already recorded.
    FakeNode.Peer again = node.peer(PEER);
    java.util.Set<Integer> relinked = new java.util.HashSet<>();
    for (FakeNode.Signal s; (s = again.poll(Duration.ZERO)) != null; ) {
      if (s.op().equals("link")) {
        relinked.add(Handles.number((Pid) s.b()));
      }
    }
    for (int i = 0; i < count; i++) {
      int id = 100 + i;
      int n = exits.get(id);
      assertTrue(n <= 1, id + " got " + n + " exit signals");
      assertEquals(n == 0, relinked.contains(id),
          id + ": a link either broke with the lost connection (one Exit) or went to the new one");
    }
  }

  @Test
  void unreachableNodeGivesNoconnectionAtOnce() {
    String far = "far@127.0.0.1";
    node.makeUnreachable(far);
    Pid r = Handles.pid(far, 1, 0, 1);
    Ref ref = Proc.monitor(r);
    assertEquals(ExitReason.noconnection(), down(ref).reason());
    Proc.monitorNode(far);
    assertEquals(new NodeDown(far), next(NodeDown.class));
    Proc.trapExits(true);
    Proc.link(r);
    assertEquals(ExitReason.noconnection(), exitFrom(r).reason());
    Proc.send(r, "dropped"); // no error
    Proc.exit(r, ExitReason.kill()); // no error
  }

  @Test
  void withoutAStartedNodeRemoteSignalsGiveNoconnection() {
    Pid r = peer.pid(10);
    node.close();
    assertEquals("nonode@nohost", Proc.node());
    Ref ref = Proc.monitor(r);
    assertEquals(ExitReason.noconnection(), down(ref).reason());
    Proc.monitorNode(PEER);
    assertEquals(new NodeDown(PEER), next(NodeDown.class));
    Proc.send(r, "dropped");
  }

  @Test
  void detachingTheNodeLosesEveryConnection() {
    Proc.monitorNode(PEER);
    Ref ref = Proc.monitor(peer.pid(10));
    node.close();
    assertEquals(new NodeDown(PEER), next(NodeDown.class));
    assertEquals(ExitReason.noconnection(), down(ref).reason());
  }

  @Test
  void demonitorNodeRemovesOneNodeMonitor() {
    Proc.monitorNode(PEER);
    Proc.monitorNode(PEER);
    assertTrue(Proc.demonitorNode(PEER));
    node.drop(peer);
    assertEquals(new NodeDown(PEER), next(NodeDown.class));
    noMessage(m -> m instanceof NodeDown, QUIET, "one NodeDown per node monitor left");
    assertFalse(Proc.demonitorNode(PEER));
  }

  @Test
  void aConnectionThatThrowsLosesTheSignalNotTheExit() {
    Pid local = idle();
    Ref watching = Proc.monitor(local);
    node.local.link(peer, peer.pid(10), local);
    node.local.monitor(peer, peer.pid(11), local, "ref-6");
    peer.broken = true;
    Proc.exit(local, ExitReason.of("bye")); // its linkExit and down both throw in the connection
    assertEquals(ExitReason.of("bye"), down(watching).reason());
    Proc.send(peer.pid(10), "lost"); // the sender goes on
  }

  // ---------------------------------------------------------------- pids of an earlier life

  @Test
  void pidsOfAnEarlierLifeOfThisNodeNameNoProcess() {
    Pid old = Handles.pid(Proc.node(), 1, 0, 6); // this node's name, an earlier creation
    assertFalse(old.isLocal());
    Ref ref = Proc.monitor(old);
    assertEquals(ExitReason.noproc(), down(ref).reason());
    Proc.trapExits(true);
    Proc.link(old);
    assertEquals(ExitReason.noproc(), exitFrom(old).reason());
    Proc.send(old, "dropped");
    peer.nothingMore(QUIET, "nothing goes to a peer for this node's own pids");
  }

  @Test
  void newCreationNeverMatchesOldPids() {
    Pid before = peer.pid(5);
    node.drop(peer);
    FakeNode.Peer restarted = node.reconnect(PEER, 2);
    Pid after = restarted.pid(5);
    assertFalse(before.equals(after));
    assertEquals(PEER, after.node());
    Ref ref = Proc.monitor(before); // goes to the new connection; the peer answers noproc for it
    FakeNode.Signal s = restarted.next("monitor");
    assertEquals(before, s.b());
    node.local.down(restarted, ref, ExitReason.noproc());
    assertEquals(ExitReason.noproc(), down(ref).reason());
  }
}
