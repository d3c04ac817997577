package dev.arbor.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.dist.pg.GroupChange;
import dev.arbor.dist.pg.ProcessGroups;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Binary;
import dev.arbor.dist.term.Tuple;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Process groups between an Arbor node and real BEAM nodes ({@code erl} and {@code elixir} on OTP
 * 25): both run {@code pg}'s protocol, and each sees the other's members.
 */
class ProcessGroupsInteropTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final Atom WORKERS = Atom.of("workers");
  static ErlangTools.Epmd epmd;

  String cookie;
  Node arbor;
  ProcessGroups pg;
  final List<ErlangTools.ErlNode> beams = new ArrayList<>();
  final List<Pid> spawned = new ArrayList<>();

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
  void startArbor() throws Exception {
    cookie = ErlangTools.uniqueCookie();
    arbor = Node.builder(ErlangTools.uniqueName("arbor")).cookie(cookie).epmdPort(epmd.port)
        .start();
  }

  @AfterEach
  void stopAll() {
    beams.forEach(ErlangTools.ErlNode::close);
    spawned.forEach(pid -> Proc.exit(pid, dev.arbor.ExitReason.kill()));
    if (pg != null) {
      try {
        pg.stop();
      } catch (RuntimeException alreadyGone) {
        // a test stopped it itself
      }
    }
    arbor.stop();
    Proc.release();
  }

  private ErlangTools.ErlNode erl() throws Exception {
    ErlangTools.ErlNode erl = ErlangTools.ErlNode.start(ErlangTools.uniqueName("erl"), cookie,
        epmd);
    beams.add(erl);
    // Until(F): F() polled every 10 ms for up to 5 s, as pg's views converge by messages.
    erl.eval("Until = fun U(F, 0) -> F(); U(F, N) -> case F() of true -> true; false -> "
        + "timer:sleep(10), U(F, N - 1) end end, ok.", WAIT);
    return erl;
  }

  /**
   * Starts pg on {@code erl} with a process {@code E} joined to each of {@code groups} (Erlang
   * syntax), then the Arbor scope; connects the two and returns {@code E} as Arbor sees it.
   */
  private Pid erlMember(ErlangTools.ErlNode erl, String... groups) throws Exception {
    StringBuilder joins = new StringBuilder();
    for (String group : groups) {
      joins.append(", ok = pg:join(").append(group).append(", E)");
    }
    erl.eval("{ok, _} = pg:start_link(), E = spawn(fun() -> receive stop -> ok end end)"
        + joins + ".", WAIT);
    pg = ProcessGroups.start(arbor);
    assertTrue(arbor.ping(erl.name, WAIT));
    return take(erl, "E");
  }

  /** A local process that lives until the test ends, to be a member. */
  private Pid member() {
    Pid pid = Proc.spawn(() -> Proc.receive(Duration.ofMinutes(5)));
    spawned.add(pid);
    return pid;
  }

  /** Hands {@code pid} to the BEAM node's shell, bound there as {@code variable}. */
  private void give(ErlangTools.ErlNode beam, String variable, Pid pid) throws Exception {
    beam.eval("register(arbor_test_box, self()).", WAIT);
    Proc.send(Name.remote("arbor_test_box", beam.name), Tuple.of(Atom.of("pid"), pid));
    assertEquals("ok", beam.eval(variable + " = receive {pid, P} -> P after 10000 -> timeout "
        + "end, unregister(arbor_test_box), ok.", WAIT));
  }

  /** A pid of the BEAM node's, bound there as {@code variable}, as Arbor sees it. */
  private Pid take(ErlangTools.ErlNode beam, String variable) throws Exception {
    Proc.register("arbor_test_inbox", Proc.self());
    try {
      beam.eval("{arbor_test_inbox, '" + arbor.name() + "'} ! {pid, " + variable + "}.", WAIT);
      return receivePid();
    } finally {
      Proc.unregister("arbor_test_inbox");
    }
  }

  /** The pid of the next {@code {pid, Pid}} message, leaving others (such as GroupChanges). */
  private static Pid receivePid() {
    Tuple message = (Tuple) Proc.receive(m -> m instanceof Tuple t && t.size() == 2
        && Atom.of("pid").equals(t.get(0)), WAIT).orElseThrow(
            () -> new AssertionError("no {pid, Pid} within " + WAIT));
    return assertInstanceOf(Pid.class, message.get(1));
  }

  /** Polls {@code condition} every 10 ms until it holds or {@code WAIT} has passed. */
  private static boolean eventually(Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10); // pg's views converge by messages; there is no event to wait for
    }
    return true;
  }

  private static List<Pid> sorted(List<Pid> pids) {
    List<Pid> copy = new ArrayList<>(pids);
    copy.sort(java.util.Comparator.comparing(Pid::toString));
    return copy;
  }

  // ------------------------------------------------------------------ the tests

  @Test
  void pgMembersSeenFromElixirAndArbor() throws Exception {
    pg = ProcessGroups.start(arbor); // before any connection: found by each side's nodeup
    Pid javaMember = member();
    pg.join(WORKERS, javaMember);
    ErlangTools.ErlNode elixir = ErlangTools.ErlNode.startElixir(
        ErlangTools.uniqueName("ex"), cookie, epmd);
    beams.add(elixir);
    assertEquals("ok", elixir.eval("{:ok, _} = :pg.start_link(); :ok", WAIT));
    assertEquals("ok", elixir.eval("me = self(); :pg.join(:workers, me)", WAIT));
    elixir.eval("Process.register(self(), :arbor_test_box)", WAIT);
    assertEquals("true", elixir.eval("Node.connect(:\"" + arbor.name() + "\")", WAIT));
    Proc.register("arbor_test_inbox", Proc.self());
    elixir.eval("send({:arbor_test_inbox, :\"" + arbor.name() + "\"}, {:pid, me})", WAIT);
    Pid elixirMember = receivePid();
    Proc.unregister("arbor_test_inbox");
    Proc.send(Name.remote("arbor_test_box", elixir.name), Tuple.of(Atom.of("pid"), javaMember));

    assertTrue(eventually(() -> pg.members(WORKERS).contains(elixirMember)),
        "Arbor sees the Elixir member: " + pg.members(WORKERS));
    assertEquals(sorted(List.of(javaMember, elixirMember)), sorted(pg.members(WORKERS)));
    assertEquals(List.of(javaMember), pg.localMembers(WORKERS));
    assertEquals("true", elixir.eval("java = receive do {:pid, p} -> p after 10_000 -> nil end; "
        + "is_pid(java)", WAIT));
    assertEquals("true", elixir.eval("ArborRepl.eventually(fn -> java in "
        + ":pg.get_members(:workers) end)", WAIT));
    assertEquals("true", elixir.eval("Enum.sort(:pg.get_members(:workers)) == "
        + "Enum.sort([me, java])", WAIT));
    assertEquals("[]", elixir.eval(":pg.get_local_members(:workers) -- [me]", WAIT));

    // Joins after the two scopes met travel as join messages, a string group as a binary.
    pg.join("chat", javaMember);
    assertEquals("true", elixir.eval("ArborRepl.eventually(fn -> :pg.get_members(\"chat\") == "
        + "[java] end)", WAIT));
    elixir.eval(":pg.join(\"chat\", me)", WAIT);
    assertTrue(eventually(() -> pg.members(Binary.ofUtf8("chat")).size() == 2),
        "Arbor sees Elixir join \"chat\": " + pg.members("chat"));
    assertEquals(sorted(List.of(javaMember, elixirMember)), sorted(pg.members("chat")));
    assertTrue(pg.whichGroups().containsAll(List.of(WORKERS, Binary.ofUtf8("chat"))));
  }

  @Test
  void pgMemberLeavesWhenItsNodeGoesAway() throws Exception {
    ErlangTools.ErlNode erl = erl();
    erl.eval("{ok, _} = pg:start_link(), Spawn = fun() -> spawn(fun() -> receive stop -> ok "
        + "end end) end, E1 = Spawn(), E2 = Spawn(), pg:join(workers, [E1, E2]).", WAIT);
    assertTrue(arbor.ping(erl.name, WAIT));
    pg = ProcessGroups.start(arbor); // after the connection: it discovers the connected node
    Pid dying = member();
    Pid staying = member();
    pg.join(WORKERS, List.of(dying, staying));
    Pid e1 = take(erl, "E1");
    assertTrue(eventually(() -> pg.members(WORKERS).size() == 4), "" + pg.members(WORKERS));
    assertTrue(pg.members(WORKERS).contains(e1));
    give(erl, "Dying", dying);
    assertEquals("true", erl.eval("Until(fun() -> length(pg:get_members(workers)) =:= 4 end, "
        + "500).", WAIT));

    // A dying Arbor member leaves, on the Erlang side too.
    Proc.exit(dying, dev.arbor.ExitReason.kill());
    assertEquals("true", erl.eval("Until(fun() -> not lists:member(Dying, "
        + "pg:get_members(workers)) end, 500).", WAIT));
    assertEquals("3", erl.eval("length(pg:get_members(workers)).", WAIT));
    assertEquals(List.of(staying), pg.members(WORKERS).stream().filter(Pid::isLocal).toList());

    // The erl node is killed: its members vanish from Arbor's view, Arbor's own stay.
    erl.kill();
    assertTrue(eventually(() -> pg.members(WORKERS).equals(List.of(staying))),
        "only the Arbor member is left: " + pg.members(WORKERS));
    assertEquals(List.of(WORKERS), pg.whichGroups());
  }

  @Test
  void pgMembersSeenBetweenTwoArborNodes() throws Exception {
    pg = ProcessGroups.start(arbor);
    Pid javaMember = member();
    pg.join(WORKERS, javaMember);
    String childName = ErlangTools.uniqueName("child");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        PgChildNode.class.getName(), childName, cookie, Integer.toString(epmd.port),
        arbor.name())).redirectErrorStream(true).start();
    try {
      LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread.ofVirtual().start(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(
            child.getInputStream(), StandardCharsets.UTF_8))) {
          out.lines().forEach(lines::add);
        } catch (IOException | java.io.UncheckedIOException gone) {
          // the child is gone
        }
      });
      assertEquals("READY", nextLine(lines, Duration.ofSeconds(60)));
      assertTrue(eventually(() -> pg.members(WORKERS).stream()
          .anyMatch(p -> p.node().equals(childName))), "" + pg.members(WORKERS));
      assertEquals("SEES_PARENT", nextLine(lines, WAIT));

      ErlangTools.kill(child);
      assertTrue(eventually(() -> pg.members(WORKERS).equals(List.of(javaMember))),
          "the child JVM's member left with it: " + pg.members(WORKERS));
    } finally {
      ErlangTools.kill(child);
    }
  }

  /** The child's next line of output that is ours (not a log line), waiting up to {@code wait}. */
  private static String nextLine(LinkedBlockingQueue<String> lines, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    for (String line; (line = lines.poll(Math.max(0, deadline - System.nanoTime()),
        TimeUnit.NANOSECONDS)) != null; ) {
      if (line.matches("[A-Z_]+")) {
        return line;
      }
    }
    throw new AssertionError("the child printed nothing of ours within " + wait);
  }

  // ------------------------------------------------------------------ Erlang's semantics

  @Test
  void joiningTwiceListsTwiceAndEachLeaveRemovesOne() throws Exception {
    ErlangTools.ErlNode erl = erl();
    erl.eval("{ok, _} = pg:start_link().", WAIT);
    pg = ProcessGroups.start(arbor);
    assertTrue(arbor.ping(erl.name, WAIT));
    Pid twice = member();
    give(erl, "Twice", twice);
    pg.join(WORKERS, twice);
    pg.join(WORKERS, List.of(twice));
    assertEquals(List.of(twice, twice), pg.members(WORKERS));
    String countOnErl = "length([P || P <- pg:get_members(workers), P =:= Twice])";
    assertEquals("true", erl.eval("Until(fun() -> " + countOnErl + " =:= 2 end, 500).", WAIT));

    assertTrue(pg.leave(WORKERS, twice));
    assertEquals(List.of(twice), pg.members(WORKERS));
    assertEquals("true", erl.eval("Until(fun() -> " + countOnErl + " =:= 1 end, 500).", WAIT));
    assertTrue(pg.leave(WORKERS, twice));
    assertFalse(pg.leave(WORKERS, twice), "not_joined");
    assertEquals(List.of(), pg.members(WORKERS));
    assertEquals(List.of(), pg.whichGroups(), "an empty group is no group");
    assertEquals("true", erl.eval("Until(fun() -> pg:which_groups() =:= [] end, 500).", WAIT));

    // The other way: an Erlang pid joined twice is listed twice here.
    erl.eval("E = spawn(fun() -> receive stop -> ok end end), ok = pg:join(workers, [E, E]).",
        WAIT);
    Pid e = take(erl, "E");
    assertTrue(eventually(() -> pg.members(WORKERS).equals(List.of(e, e))),
        "" + pg.members(WORKERS));
    erl.eval("ok = pg:leave(workers, E).", WAIT);
    assertTrue(eventually(() -> pg.members(WORKERS).equals(List.of(e))),
        "" + pg.members(WORKERS));
    assertEquals(List.of(), pg.localMembers(WORKERS));
  }

  @Test
  void groupsAreErlangTermsComparedAsPeersSeeThem() throws Exception {
    ErlangTools.ErlNode erl = erl();
    Pid e = erlMember(erl, "{room, 7, <<\"x\">>}", "\"abc\"");
    // An int is an integer, a String a binary, and a List of small ints is a string (charlist).
    Tuple room = Tuple.of(Atom.of("room"), 7, "x");
    assertTrue(eventually(() -> pg.members(room).equals(List.of(e))), "" + pg.whichGroups());
    // Each group's join is a message of its own: wait for the second one too.
    assertTrue(eventually(() -> pg.members(List.of(97, 98, 99)).equals(List.of(e))),
        "" + pg.whichGroups());
    assertEquals(List.of(), pg.members("abc"), "\"abc\" in Java is the binary <<\"abc\">>");

    Pid javaMember = member();
    give(erl, "J", javaMember);
    pg.join(Tuple.of(Atom.of("room"), 7L, Binary.ofUtf8("x")), javaMember);
    assertEquals("true", erl.eval("Until(fun() -> lists:sort(pg:get_members({room, 7, "
        + "<<\"x\">>})) =:= lists:sort([E, J]) end, 500).", WAIT));
  }

  @Test
  void scopesAreIndependentAndAStoppedScopeTakesItsMembersAway() throws Exception {
    ErlangTools.ErlNode erl = erl();
    erl.eval("{ok, _} = pg:start_link(), {ok, _} = pg:start_link(chat).", WAIT);
    assertTrue(arbor.ping(erl.name, WAIT));
    pg = ProcessGroups.start(arbor);
    ProcessGroups chat = ProcessGroups.start(arbor, "chat");
    try {
      Pid javaMember = member();
      give(erl, "J", javaMember);
      chat.join(WORKERS, javaMember);
      assertEquals("true", erl.eval("Until(fun() -> pg:get_members(chat, workers) =:= [J] "
          + "end, 500).", WAIT));
      assertEquals("[]", erl.eval("pg:get_members(workers).", WAIT));
      assertEquals(List.of(), pg.members(WORKERS));
      assertEquals(chat.pid(), ProcessGroups.of("chat").orElseThrow().pid());
      assertEquals(List.of(javaMember), ProcessGroups.of("chat").orElseThrow().members(WORKERS));

      chat.stop();
      assertEquals(List.of(), chat.members(WORKERS), "a stopped scope has no groups");
      assertEquals("true", erl.eval("Until(fun() -> pg:get_members(chat, workers) =:= [] "
          + "end, 500).", WAIT));
    } finally {
      if (Proc.whereis("chat").isPresent()) {
        chat.stop();
      }
    }
  }

  @Test
  void subscribersHearOfJoinsAndLeavesOnEveryNode() throws Exception {
    ErlangTools.ErlNode erl = erl();
    erl.eval("{ok, _} = pg:start_link().", WAIT);
    pg = ProcessGroups.start(arbor);
    Pid local = member();
    pg.join(Atom.of("other"), local);
    ProcessGroups.ScopeMonitor scope = pg.monitorScope();
    assertEquals(java.util.Map.of(Atom.of("other"), List.of(local)), scope.groups());
    ProcessGroups.GroupMonitor workers = pg.monitor(WORKERS);
    assertEquals(List.of(), workers.members());

    assertTrue(arbor.ping(erl.name, WAIT));
    erl.eval("E = spawn(fun() -> receive stop -> ok end end), ok = pg:join(workers, E).", WAIT);
    Pid e = take(erl, "E");
    for (var ref : List.of(scope.ref(), workers.ref())) {
      assertEquals(new GroupChange(ref, GroupChange.Kind.JOIN, WORKERS, List.of(e)),
          Proc.receive(m -> m instanceof GroupChange c && c.ref().equals(ref), WAIT)
              .orElseThrow());
    }
    pg.join(WORKERS, local);
    erl.eval("E ! stop.", WAIT);
    for (var kind : List.of(GroupChange.Kind.JOIN, GroupChange.Kind.LEAVE)) {
      Pid who = kind == GroupChange.Kind.JOIN ? local : e;
      for (var ref : List.of(scope.ref(), workers.ref())) {
        assertEquals(new GroupChange(ref, kind, WORKERS, List.of(who)),
            Proc.receive(m -> m instanceof GroupChange c && c.ref().equals(ref), WAIT)
                .orElseThrow());
      }
    }

    assertTrue(pg.demonitor(workers.ref()));
    assertFalse(pg.demonitor(workers.ref()));
    pg.leave(Atom.of("other"), local);
    assertEquals(new GroupChange(scope.ref(), GroupChange.Kind.LEAVE, Atom.of("other"),
        List.of(local)), Proc.receive(GroupChange.class, WAIT).orElseThrow());
    pg.leave(WORKERS, local); // told to the scope's subscriber only, flushed by demonitor
    assertTrue(pg.demonitor(scope.ref()));
    assertEquals(java.util.Optional.empty(), Proc.receive(GroupChange.class, Duration.ZERO));
  }

  @Test
  void malformedPeerMessagesAreIgnoredAndTheScopeLives() throws Exception {
    ErlangTools.ErlNode erl = erl();
    Pid e = erlMember(erl, "workers");
    assertTrue(eventually(() -> pg.members(WORKERS).equals(List.of(e))));
    // Shapes pg never sends; pg itself would crash on them. The scope logs and goes on.
    erl.eval("Pg = {pg, '" + arbor.name() + "'}, Pg ! {join, self(), workers, not_a_pid}, "
        + "Pg ! {leave, whereis(pg), [E], not_a_list}, Pg ! {'$gen_cast', {sync, self(), "
        + "[{workers, [1]}]}}, Pg ! {discover, 42}, Pg ! hello, ok.", WAIT);
    Pid javaMember = member();
    pg.join(WORKERS, javaMember); // a call: answered after the bad messages were handled
    assertTrue(pg.pid().isAlive());
    assertEquals(sorted(List.of(e, javaMember)), sorted(pg.members(WORKERS)));
  }

  @Test
  void onlyLocalProcessesJoin() throws Exception {
    ErlangTools.ErlNode erl = erl();
    pg = ProcessGroups.start(arbor);
    erl.eval("E = self(), ok.", WAIT);
    Pid remote = take(erl, "E");
    IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> pg.join(WORKERS, remote));
    assertTrue(refused.getMessage().contains(remote.toString()), refused.getMessage());
    IllegalArgumentException notATerm = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> pg.join(new Object(), Proc.self()));
    assertTrue(notATerm.getMessage().startsWith("a group must be an Erlang term"),
        notATerm.getMessage());
    assertEquals(Collections.emptyList(), pg.whichGroups());
  }
}
