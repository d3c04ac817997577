package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.SpawnOptions;
import dev.arbor.dist.handshake.WrongCookieException;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Binary;
import dev.arbor.dist.term.ErlList;
import dev.arbor.Down;
import dev.arbor.Name;
import dev.arbor.NodeDown;
import dev.arbor.dist.term.Tuple;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Arbor node and a real {@code erl} node on loopback: OTP 25 from the PATH (Debian 12) by
 * default, OTP 27 from a Debian 13 chroot with {@code -Potp27} (see {@link ErlangTools#command}).
 */
class ErlangInteropTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static ErlangTools.Epmd epmd;

  String cookie;
  Node arbor;
  ErlangTools.ErlNode erl;

  @BeforeAll
  static void startEpmd() throws Exception {
    epmd = ErlangTools.Epmd.start();
  }

  @AfterAll
  static void stopEpmd() {
    if (epmd != null) {
      epmd.close();
    }
  }

  @BeforeEach
  void startNodes() throws Exception {
    cookie = ErlangTools.uniqueCookie();
    arbor = Node.builder(ErlangTools.uniqueName("arbor")).cookie(cookie).epmdPort(epmd.port)
        .start();
    erl = ErlangTools.ErlNode.start(ErlangTools.uniqueName("erl"), cookie, epmd);
  }

  @AfterEach
  void stopNodes() {
    if (erl != null) {
      erl.close();
    }
    if (arbor != null) {
      arbor.stop();
    }
    Proc.release();
  }

  private String atom(String name) {
    return "'" + name + "'";
  }

  private Object receive() {
    return Proc.receive(WAIT).orElseThrow(() -> new AssertionError("no message within " + WAIT));
  }

  @Test
  void pingsErlangNodeBothWays() throws Exception {
    assertEquals("pong", erl.eval("net_adm:ping(" + atom(arbor.name()) + ").", WAIT));
    assertTrue(arbor.ping(erl.name, WAIT));
    arbor.disconnect(erl.name);
    assertTrue(arbor.ping(erl.name, WAIT), "Arbor dials again after a disconnect");
    assertEquals("[" + atom(arbor.name()) + "]", erl.eval("nodes().", WAIT));
  }

  @Test
  void simultaneousConnectsSettleOnOneConnection() throws Exception {
    // erl dials Arbor while Arbor dials erl; whichever name is greater wins, both pings succeed.
    erl.eval("Me = self(), spawn(fun() -> Me ! {pinged, net_adm:ping(" + atom(arbor.name())
        + ")} end), ok.", WAIT);
    assertTrue(arbor.ping(erl.name, WAIT));
    assertEquals("pong", erl.eval("receive {pinged, R} -> R after 10000 -> timeout end.", WAIT));
    assertEquals(java.util.Set.of(erl.name), arbor.connectedNodes());
    assertEquals("[" + atom(arbor.name()) + "]", erl.eval("nodes().", WAIT));
  }

  @Test
  void erlangSendsToRegisteredArborProcess() throws Exception {
    Proc.register("inbox", Proc.self());
    erl.eval("{inbox, " + atom(arbor.name()) + "} ! {hello, self(), \"abc\", <<\"bin\">>, "
        + "#{a => 1.5}, 1 bsl 70, [a|b]}.", WAIT);
    Tuple hello = assertInstanceOf(Tuple.class, receive());
    assertEquals(Atom.of("hello"), hello.get(0));
    Pid shell = assertInstanceOf(Pid.class, hello.get(1));
    assertEquals(erl.name, shell.node());
    assertEquals(ErlList.ofString("abc"), hello.get(2));
    assertEquals(Binary.ofUtf8("bin"), hello.get(3));
    assertEquals(Map.of(Atom.of("a"), 1.5), hello.get(4));
    assertEquals(java.math.BigInteger.ONE.shiftLeft(70), hello.get(5));
    Proc.send(shell, Tuple.of(Atom.of("reply"), Proc.self()));
    String reply = erl.eval("receive {reply, P} -> {node(P), P =:= {inbox, "
        + atom(arbor.name()) + "}} after 5000 -> timeout end.", WAIT);
    assertEquals("{" + atom(arbor.name()) + ",false}", reply);
  }

  @Test
  void arborSendsToRegisteredErlangProcess() throws Exception {
    erl.eval("register(box, self()).", WAIT);
    Proc.send(Name.remote("box", erl.name), Tuple.of(Atom.of("hi"), Proc.self(), "text", 42));
    assertEquals("ok", erl.eval("receive {hi, From, <<\"text\">>, 42} -> "
        + "From ! {back, node()}, ok after 5000 -> timeout end.", WAIT));
    assertEquals(Tuple.of(Atom.of("back"), Atom.of(erl.name)), receive());
  }

  /**
   * A process that finds a burst of requests waiting holds the writes of its replies until its
   * mailbox is empty ({@code LocalNode.holdWrite}), so they leave together: every reply still
   * reaches Erlang, in the order sent.
   */
  @Test
  void busyProcessAnswersABurstFromErlangInOrder() throws Exception {
    int burst = 500;
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    Pid echo = Proc.spawn(SpawnOptions.defaults().name("burst"), () -> {
      try {
        go.await(); // until the whole burst is queued
      } catch (InterruptedException e) {
        return;
      }
      while (true) {
        if (Proc.receive() instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Pid from) {
          Proc.send(from, Tuple.of(Atom.of("echoed"), t.get(1)));
        }
      }
    });
    try {
      erl.eval("[{burst, " + atom(arbor.name()) + "} ! {self(), N} || N <- lists:seq(1, " + burst
          + ")], ok.", WAIT);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (Proc.info(echo).orElseThrow().mailboxLength() < burst) { // nothing announces it
        assertTrue(System.nanoTime() < deadline, "the burst did not arrive within " + WAIT);
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
      go.countDown();
      assertEquals("true", erl.eval("[receive {echoed, X} -> X after 10000 -> timeout end "
          + "|| _ <- lists:seq(1, " + burst + ")] =:= lists:seq(1, " + burst + ").", WAIT));
    } finally {
      go.countDown();
      Proc.exit(echo, ExitReason.kill());
    }
  }

  /**
   * The connection's reader runs the process a frame woke; one that then computes for long must not
   * keep the frames behind it from the other processes of its node.
   */
  @Test
  void aProcessThatKeepsTheReaderComputingDoesNotHoldUpItsConnection() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.CountDownLatch computing = new java.util.concurrent.CountDownLatch(1);
    Pid hog = Proc.spawn(SpawnOptions.defaults().name("hog"), () -> {
      Proc.receive();
      computing.countDown();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!release.get() && System.nanoTime() - deadline < 0) {
        Thread.onSpinWait(); // never waits, so whichever thread runs it is kept
      }
    });
    Pid quick = Proc.spawn(SpawnOptions.defaults().name("quick"), () -> {
      if (Proc.receive() instanceof Tuple t && t.get(0) instanceof Pid from) {
        Proc.send(from, Atom.of("pong"));
      }
    });
    try {
      erl.eval("{hog, " + atom(arbor.name()) + "} ! compute, ok.", WAIT);
      assertTrue(computing.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
      assertEquals("pong", erl.eval("{quick, " + atom(arbor.name()) + "} ! {self(), ping}, "
          + "receive pong -> pong after 5000 -> timeout end.", WAIT), "the hog still computes");
      assertTrue(Proc.info(hog).isPresent(), "the hog still computes");
    } finally {
      release.set(true);
      Proc.exit(hog, ExitReason.kill());
      Proc.exit(quick, ExitReason.kill());
    }
  }

  @Test
  void remoteMonitorOfMissingNameGivesNoproc() throws Exception {
    var ref = Proc.monitor(Name.remote("nobody", erl.name));
    Down down = assertInstanceOf(Down.class, receive());
    assertEquals(ref, down.ref());
    assertEquals(ExitReason.noproc(), down.reason());
    assertEquals(null, down.pid(), "a name on another node: Erlang reports {Name, Node}");
    assertEquals("noproc", erl.eval("begin erlang:monitor(process, {nobody, "
        + atom(arbor.name()) + "}), receive {'DOWN', _, process, _, R} -> R after 5000 -> "
        + "timeout end end.", WAIT));
  }

  @Test
  void remoteMonitorsSeeTheRealExitReasonBothWays() throws Exception {
    Pid worker = Proc.spawn(() -> {
      Proc.register("worker", Proc.self());
      Proc.receive();
      Proc.exit(ExitReason.of("tired"));
    });
    awaitRegistered("worker");
    assertEquals("tired", erl.eval("begin Ref = erlang:monitor(process, {worker, "
        + atom(arbor.name()) + "}), {worker, " + atom(arbor.name()) + "} ! stop, "
        + "receive {'DOWN', Ref, process, _, R} -> R after 5000 -> timeout end end.", WAIT));
    assertFalse(worker.isAlive());
    erl.eval("V = spawn(fun() -> receive stop -> exit(weary) end end), register(v, V).", WAIT);
    Proc.send(Name.remote("box_unused", erl.name), "warm up the connection");
    erl.eval("{inbox2, " + atom(arbor.name()) + "} ! {v, V}.", WAIT);
    Proc.register("inbox2", Proc.self());
    // the message may have arrived before the name: ask again if it was dropped
    Object got = Proc.receive(Duration.ofSeconds(2)).orElse(null);
    if (got == null) {
      erl.eval("{inbox2, " + atom(arbor.name()) + "} ! {v, V}.", WAIT);
      got = receive();
    }
    Pid v = (Pid) ((Tuple) got).get(1);
    var ref = Proc.monitor(v);
    Proc.send(v, Atom.of("stop"));
    Down down = assertInstanceOf(Down.class, receive());
    assertEquals(ref, down.ref());
    assertEquals(ExitReason.of("weary"), down.reason());
  }

  private static void awaitRegistered(String name) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (Proc.whereis(name).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " was not registered within " + WAIT);
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void remoteLinkPropagatesCrashBothWays() throws Exception {
    // An Erlang process links to an Arbor process that then crashes.
    Proc.register("inbox", Proc.self());
    erl.eval("register(box, self()).", WAIT);
    Pid crasher = Proc.spawn(() -> {
      Proc.send(Name.remote("box", erl.name), Tuple.of(Atom.of("pid_is"), Proc.self()));
      Proc.receive();
      Proc.exit(ExitReason.of("boom"));
    });
    assertEquals("boom", erl.eval("receive {pid_is, P} -> process_flag(trap_exit, true), "
        + "link(P), P ! crash, receive {'EXIT', P, R} -> R after 5000 -> timeout end "
        + "after 5000 -> no_pid end.", WAIT));
    assertFalse(crasher.isAlive());

    // An Arbor process (trapping exits) links to an Erlang process that then crashes.
    erl.eval("process_flag(trap_exit, false), V = spawn(fun() -> receive crash -> "
        + "exit(kaboom) end end), {inbox, " + atom(arbor.name()) + "} ! {victim, V}.", WAIT);
    Pid victim = (Pid) ((Tuple) receive()).get(1);
    Proc.trapExits(true);
    Proc.link(victim);
    Proc.send(victim, Atom.of("crash"));
    Exit exit = assertInstanceOf(Exit.class, receive());
    assertEquals(ExitReason.of("kaboom"), exit.reason());
    assertEquals(victim, exit.from());

    // A non-trapping Arbor process dies of a linked Erlang process's crash.
    erl.eval("W = spawn(fun() -> receive crash -> exit(bang) end end), {inbox, "
        + atom(arbor.name()) + "} ! {w, W}.", WAIT);
    Pid w = (Pid) ((Tuple) receive()).get(1);
    var watcher = Proc.spawnMonitor(() -> {
      Proc.link(w);
      Proc.send(w, Atom.of("crash"));
      Proc.receive();
    });
    Object down = receive();
    assertEquals(ExitReason.of("bang"), ((Down) down).reason());
    assertFalse(watcher.pid().isAlive());
  }

  @Test
  void exitSignalsAcrossTheWireFollowErlangRules() throws Exception {
    Proc.register("inbox", Proc.self());
    erl.eval("register(box, self()).", WAIT);
    // erl's exit(Pid, normal) is ignored by a process that does not trap exits; kill kills even
    // a trapping one, and its monitor then says killed.
    Pid plain = Proc.spawn(() -> Proc.receive());
    Pid trapping = Proc.spawn(SpawnOptions.defaults().trapExits(true), () -> {
      while (true) {
        Proc.receive();
      }
    });
    var plainRef = Proc.monitor(plain);
    var trappingRef = Proc.monitor(trapping);
    Proc.send(Name.remote("box", erl.name), Tuple.of(plain, trapping));
    erl.eval("receive {Plain, Trapping} -> exit(Plain, normal), exit(Trapping, kill), "
        + "exit(Plain, shutdown) after 5000 -> timeout end.", WAIT);
    boolean plainDown = false;
    boolean trappingDown = false;
    while (!(plainDown && trappingDown)) {
      Down down = assertInstanceOf(Down.class, receive());
      if (down.ref().equals(plainRef)) {
        assertEquals(ExitReason.shutdown(), down.reason(), "normal was ignored, shutdown was not");
        plainDown = true;
      } else {
        assertEquals(trappingRef, down.ref());
        assertEquals(ExitReason.killed(), down.reason());
        trappingDown = true;
      }
    }
    // Arbor's Proc.exit(remotePid, reason) kills an Erlang process that does not trap exits.
    erl.eval("T = spawn(fun() -> receive _ -> ok end end), MT = erlang:monitor(process, T), "
        + "{inbox, " + atom(arbor.name()) + "} ! {t, T}.", WAIT);
    Pid target = (Pid) ((Tuple) receive()).get(1);
    Proc.exit(target, ExitReason.of("from_java"));
    assertEquals("from_java", erl.eval("receive {'DOWN', MT, process, T, R} -> R after 5000 -> "
        + "timeout end.", WAIT));
  }

  @Test
  void unlinkAcrossTheWireStopsTheCrashFromArriving() throws Exception {
    Proc.register("inbox", Proc.self());
    erl.eval("U = spawn(fun() -> receive crash -> exit(bad) end end), {inbox, "
        + atom(arbor.name()) + "} ! {u, U}.", WAIT);
    Pid u = (Pid) ((Tuple) receive()).get(1);
    Proc.trapExits(true);
    Proc.link(u);
    Proc.unlink(u);
    var ref = Proc.monitor(u);
    Proc.send(u, Atom.of("crash"));
    Down down = assertInstanceOf(Down.class, receive(), "the monitor fires, no Exit before it");
    assertEquals(ref, down.ref());
    assertEquals(ExitReason.of("bad"), down.reason());
    assertEquals(java.util.Optional.empty(), Proc.receive(Duration.ofMillis(300)),
        "no exit signal from an unlinked process");
  }

  @Test
  void killedErlangNodeGivesNoconnection() throws Exception {
    Proc.register("inbox", Proc.self());
    erl.eval("L = spawn(fun() -> receive _ -> ok end end), M = spawn(fun() -> receive _ -> ok "
        + "end end), {inbox, " + atom(arbor.name()) + "} ! {L, M}.", WAIT);
    Tuple pids = (Tuple) receive();
    Proc.trapExits(true);
    Proc.link((Pid) pids.get(0));
    var ref = Proc.monitor((Pid) pids.get(1));
    Proc.monitorNode(erl.name);
    var linkedOnly = Proc.spawnMonitor(() -> {
      Proc.link((Pid) pids.get(0));
      Proc.receive();
    });
    assertTrue(arbor.ping(erl.name, WAIT)); // everything above has reached erl
    erl.kill();
    boolean exit = false;
    boolean down = false;
    boolean nodeDown = false;
    boolean linkedDied = false;
    while (!(exit && down && nodeDown && linkedDied)) {
      Object message = receive();
      if (message instanceof Exit e) {
        assertEquals(ExitReason.noconnection(), e.reason());
        assertEquals(pids.get(0), e.from(), "the exit comes from the remote pid itself");
        exit = true;
      } else if (message instanceof Down d && d.ref().equals(ref)) {
        assertEquals(ExitReason.noconnection(), d.reason());
        assertEquals(pids.get(1), d.pid());
        down = true;
      } else if (message instanceof NodeDown n) {
        assertEquals(erl.name, n.node());
        nodeDown = true;
      } else if (message instanceof Down d) {
        assertEquals(linkedOnly.ref(), d.ref());
        assertEquals(ExitReason.noconnection(), d.reason());
        linkedDied = true;
      }
    }
    assertFalse(arbor.connectedNodes().contains(erl.name));
  }

  @Test
  void stoppingTheNodeGivesNoconnectionToLinksAndMonitorsAcrossIt() throws Exception {
    Proc.register("inbox", Proc.self());
    erl.eval("P = spawn(fun() -> receive _ -> ok end end), {inbox, " + atom(arbor.name())
        + "} ! {p, P}.", WAIT);
    Pid p = (Pid) ((Tuple) receive()).get(1);
    Proc.trapExits(true);
    Proc.link(p);
    var ref = Proc.monitor(p);
    assertTrue(arbor.ping(erl.name, WAIT));
    arbor.stop();
    boolean exit = false;
    boolean down = false;
    while (!(exit && down)) {
      Object message = receive();
      if (message instanceof Exit e) {
        assertEquals(new Exit(p, ExitReason.noconnection()), e);
        exit = true;
      } else if (message instanceof Down d) {
        assertEquals(ref, d.ref());
        assertEquals(ExitReason.noconnection(), d.reason());
        down = true;
      }
    }
    assertEquals("pang", erl.eval("net_adm:ping(" + atom(arbor.name()) + ").", WAIT));
  }

  @Test
  void restartedErlangNodeNeverMatchesOldPids() throws Exception {
    Proc.register("inbox", Proc.self());
    erl.eval("register(box, self()), {inbox, " + atom(arbor.name()) + "} ! {old, self()}.", WAIT);
    Pid old = (Pid) ((Tuple) receive()).get(1);
    Proc.monitorNode(erl.name);
    erl.kill();
    assertEquals(new NodeDown(erl.name), receive());
    erl = ErlangTools.ErlNode.start(erl.name, cookie, epmd);
    erl.eval("register(box, self()), {inbox, " + atom(arbor.name()) + "} ! {new, self()}.", WAIT);
    Pid fresh = (Pid) ((Tuple) receive()).get(1);
    assertEquals(old.node(), fresh.node());
    assertFalse(old.equals(fresh), "a new creation makes a different pid");
    var ref = Proc.monitor(old);
    Down down = assertInstanceOf(Down.class, receive());
    assertEquals(ref, down.ref());
    assertEquals(ExitReason.noproc(), down.reason(), "the old pid names no process any more");
  }

  @Test
  void wrongCookieIsRefusedBothWays() throws Exception {
    ErlangTools.ErlNode stranger = ErlangTools.ErlNode.start(ErlangTools.uniqueName("stranger"),
        ErlangTools.uniqueCookie(), epmd);
    try {
      WrongCookieException e = assertThrows(WrongCookieException.class,
          () -> arbor.connect(stranger.name, WAIT));
      assertEquals(stranger.name, e.peer());
      Proc.send(Name.remote("box", stranger.name), "a send to an unreachable node is dropped");
      assertFalse(arbor.ping(stranger.name, WAIT));
      assertEquals("pang", stranger.eval("net_adm:ping(" + atom(arbor.name()) + ").", WAIT));
      assertEquals(java.util.Set.of(), arbor.connectedNodes());
      assertEquals("[]", stranger.eval("nodes().", WAIT));
      assertTrue(arbor.ping(erl.name, WAIT), "the right cookie still connects");
    } finally {
      stranger.close();
    }
  }

  @Test
  void malformedFramesCloseOnlyThatConnection() throws Exception {
    Proc.register("inbox", Proc.self());
    assertTrue(arbor.ping(erl.name, WAIT));
    byte[][] bad = {
        {1, 2, 3},                                   // not the pass-through byte
        {112, (byte) 131, 108, 0x7F, 0, 0, 0},       // a list that claims 2 billion elements
        {112, (byte) 131, 104},                      // a truncated tuple
        {112, (byte) 131, 100, 0, 2, 'o', 'k'},      // control is an atom, not a tuple
        {112, (byte) 131, 104, 2, 97, 22, 106},      // SEND_SENDER of the wrong arity
    };
    for (byte[] frame : bad) {
      try (FakePeer peer = FakePeer.connect(arbor, ErlangTools.uniqueName("evil"), cookie)) {
        peer.frame(frame);
        assertTrue(peer.closedByNodeWithin(WAIT), "frame " + java.util.Arrays.toString(frame));
      }
    }
    byte[][] badHeaders = {
        {112, (byte) 131, 104, 1, 97, 6},            // no distribution header, though negotiated
        {(byte) 131, 68, 1, 0, 5, 82, 0},            // a reference to a slot no frame filled
        {(byte) 131, 68, 2, 8},                      // a header cut short
        {(byte) 131, 69, 0, 0, 0, 0, 0, 0, 0, 1},    // a fragment, never negotiated
    };
    for (byte[] frame : badHeaders) {
      try (FakePeer peer = FakePeer.connectWithAtomCache(arbor,
          ErlangTools.uniqueName("evil"), cookie)) {
        peer.frame(frame);
        assertTrue(peer.closedByNodeWithin(WAIT), "frame " + java.util.Arrays.toString(frame));
      }
    }
    try (FakePeer peer = FakePeer.connect(arbor, ErlangTools.uniqueName("evil"), cookie)) {
      peer.raw(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0});
      assertTrue(peer.closedByNodeWithin(WAIT), "a frame beyond the size limit");
    }
    try (FakePeer peer = FakePeer.connect(arbor, ErlangTools.uniqueName("odd"), cookie)) {
      byte[] control = new dev.arbor.dist.term.TermEncoder().encode(Tuple.of(99L));
      byte[] unknownOp = new byte[1 + control.length];
      unknownOp[0] = 112;
      System.arraycopy(control, 0, unknownOp, 1, control.length);
      peer.frame(unknownOp);
      assertFalse(peer.closedByNodeWithin(Duration.ofMillis(500)),
          "an unknown control message is logged and ignored");
    }
    assertTrue(arbor.connectedNodes().contains(erl.name));
    erl.eval("{inbox, " + atom(arbor.name()) + "} ! still_here.", WAIT);
    assertEquals(Atom.of("still_here"), receive());
    assertTrue(arbor.ping(erl.name, WAIT));
  }

  @Test
  void severalMegabyteMessagesCrossBothWays() throws Exception {
    Proc.register("inbox", Proc.self());
    byte[] big = new byte[8 << 20];
    new java.util.Random(7).nextBytes(big);
    erl.eval("register(box, self()).", WAIT);
    Proc.send(Name.remote("box", erl.name), Tuple.of(Atom.of("big"), Binary.of(big), Proc.self()));
    assertEquals("{8388608," + (Byte.toUnsignedInt(big[12345])) + "}",
        erl.eval("receive {big, B, From} -> From ! {echo, B, binary:copy(<<1>>, 5000000)}, "
            + "{byte_size(B), binary:at(B, 12345)} after 10000 -> timeout end.", WAIT));
    Tuple echo = (Tuple) receive();
    assertEquals(Binary.of(big), echo.get(1));
    assertEquals(5_000_000, ((Binary) echo.get(2)).size());
  }

  /**
   * BEAM offers Arbor the atom cache of the distribution header, so every frame both ways names
   * its atoms there. This sends what stretches it, twice (the second time the atoms are cached):
   * more atoms than one header can name (255), and an atom of 400 bytes of UTF-8, which needs the
   * header's two-byte lengths.
   */
  @Test
  void atomsCrossTheAtomCacheBothWays() throws Exception {
    Proc.register("inbox", Proc.self());
    erl.eval("register(box, self()), Atoms = [list_to_atom(\"erl_\" ++ integer_to_list(I)) "
        + "|| I <- lists:seq(1, 300)] ++ [list_to_atom(lists:duplicate(200, 252))].", WAIT);
    java.util.List<Object> fromErl = new java.util.ArrayList<>();
    java.util.List<Object> fromArbor = new java.util.ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      fromErl.add(Atom.of("erl_" + i));
      fromArbor.add(Atom.of("arbor_" + i));
    }
    Atom wide = Atom.of("\u00fc".repeat(200));
    fromErl.add(wide);
    fromArbor.add(wide);
    for (int round = 1; round <= 2; round++) {
      erl.eval("{inbox, " + atom(arbor.name()) + "} ! {atoms, self(), Atoms}.", WAIT);
      Tuple got = assertInstanceOf(Tuple.class, receive());
      assertEquals(new ErlList(fromErl), got.get(2), "round " + round);
      Proc.send(Name.remote("box", erl.name), Tuple.of(Atom.of("atoms"), new ErlList(fromArbor)));
      assertEquals("true", erl.eval("receive {atoms, L} -> L =:= [list_to_atom(\"arbor_\" ++ "
          + "integer_to_list(I)) || I <- lists:seq(1, 300)] ++ [lists:last(Atoms)] "
          + "after 5000 -> timeout end.", WAIT), "round " + round);
    }
  }

  /**
   * Once both sides have seen an atom, it crosses as a slot of the atom cache, not as its text:
   * counted on the Erlang side's socket, a tuple of a hundred 50-byte atoms there and back costs
   * over 5 KB each way the first time and a few hundred bytes after.
   */
  @Test
  void atomsSentAgainTravelAsCacheReferences() throws Exception {
    Proc.register("inbox", Proc.self());
    assertEquals("ok", erl.eval("register(box, self()), T = list_to_tuple([list_to_atom(lists:flatten("
        + "io_lib:format(\"an_atom_with_a_name_long_enough_to_be_noticed_~3..0b\", [I]))) "
        + "|| I <- lists:seq(1, 100)]), pong = net_adm:ping(" + atom(arbor.name()) + "), "
        + "{_, Port} = lists:keyfind(" + atom(arbor.name()) + ", 1, "
        + "erlang:system_info(dist_ctrl)), Oct = fun() -> {ok, [{send_oct, S}, {recv_oct, R}]} "
        + "= inet:getstat(Port, [send_oct, recv_oct]), {S, R} end, ok.", WAIT));
    String[] bytes = new String[2];
    for (int round = 0; round < 2; round++) {
      String before = "{S" + round + ", R" + round + "}"; // the shell's bindings stay bound
      String after = "{S" + round + "b, R" + round + "b}";
      erl.eval(before + " = Oct(), {inbox, " + atom(arbor.name()) + "} ! T, ok.", WAIT);
      Object tuple = receive();
      Proc.send(Name.remote("box", erl.name), tuple);
      bytes[round] = erl.eval("receive T -> " + after + " = Oct(), [S" + round + "b - S" + round
          + ", R" + round + "b - R" + round + "] after 5000 -> timeout end.", WAIT);
    }
    for (int round = 0; round < 2; round++) {
      String[] sentAndReceived = bytes[round].replaceAll("[\\[\\]]", "").split(",");
      for (String count : sentAndReceived) {
        int n = Integer.parseInt(count.trim());
        assertTrue(round == 0 ? n > 5_000 : n < 1_000, "round " + round + ": " + bytes[round]
            + " bytes sent and received by erl");
      }
    }
  }

  /**
   * Senders write to the socket themselves when no other thread is, and the writer thread takes
   * over when the socket is full; a sender killed mid-stream (its thread interrupted) must leave no
   * torn frame. Eight processes send 32 KB messages at once, four of them (up to 1,000 each) until they are killed;
   * Erlang checks that every message is whole and each sender's arrive in order, without gaps.
   */
  @Test
  void concurrentAndKilledSendersNeverTearOrReorderFrames() throws Exception {
    erl.eval("register(sink, spawn(fun() -> L = fun L(Last, Bad) -> receive "
        + "{m, S, N, B} when byte_size(B) =:= 32768 -> "
        + "L(Last#{S => N}, case N =:= maps:get(S, Last, 0) + 1 of true -> Bad; false -> Bad + 1 end); "
        + "{report, To} -> To ! {report, Bad, [maps:get(S, Last, 0) || S <- [0, 1, 2, 3]]}, L(Last, Bad); "
        + "_ -> L(Last, Bad + 1) end end, L(#{}, 0) end)).", WAIT);
    assertTrue(arbor.ping(erl.name, WAIT));
    Proc.monitorNode(erl.name);
    Name sink = Name.remote("sink", erl.name);
    Binary chunk = Binary.of(new byte[32 * 1024]);
    Pid test = Proc.self();
    // A steady sender may finish before the test could monitor it: monitor each at spawn.
    java.util.List<dev.arbor.Ref> steadyRefs = new java.util.ArrayList<>();
    java.util.List<Pid> doomed = new java.util.ArrayList<>();
    for (long s = 0; s < 8; s++) {
      long sender = s;
      dev.arbor.Spawned p = Proc.spawnMonitor(() -> {
        for (long n = 1; n <= (sender < 4 ? 200 : 1_000); n++) {
          Proc.send(sink, Tuple.of(Atom.of("m"), sender, n, chunk));
          if (n == 50) {
            test.send("sending " + sender);
          }
          Thread.yield(); // virtual threads are not preempted: let every sender get going
        }
      });
      if (s < 4) {
        steadyRefs.add(p.ref());
      } else {
        doomed.add(p.pid());
      }
    }
    for (int i = 0; i < 8; i++) {
      Proc.receive(m -> m instanceof String t && t.startsWith("sending "), WAIT)
          .orElseThrow(() -> new AssertionError("a sender did not get going within " + WAIT));
    }
    doomed.forEach(p -> Proc.exit(p, ExitReason.kill()));
    for (dev.arbor.Ref ref : steadyRefs) {
      Object down = Proc.receive(m -> m instanceof Down d && d.ref().equals(ref), WAIT)
          .orElseThrow(() -> new AssertionError("a sender did not finish within " + WAIT));
      assertEquals(ExitReason.normal(), ((Down) down).reason());
    }
    // One connection is one ordered stream: the report request arrives after every frame above.
    Proc.send(sink, Tuple.of(Atom.of("report"), Proc.self()));
    Object report = Proc.receive(m -> m instanceof Tuple t && Atom.of("report").equals(t.get(0)), WAIT)
        .orElseThrow(() -> new AssertionError("no report from the sink within " + WAIT));
    assertEquals(Tuple.of(Atom.of("report"), 0L, ErlList.of(200L, 200L, 200L, 200L)), report);
    assertTrue(Proc.receive(m -> m instanceof NodeDown, Duration.ZERO).isEmpty(),
        "the connection went down");
  }
}
