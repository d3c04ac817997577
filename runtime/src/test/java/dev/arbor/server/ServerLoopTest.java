package dev.arbor.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Adopted;
import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.ProcessInfo;
import dev.arbor.server.TestServer.Msg;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ServerLoopTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private Adopted me;

  @BeforeEach
  void adopt() {
    me = Proc.adopt();
  }

  @AfterEach
  void release() {
    me.close();
  }

  private ServerRef<Msg> startCounter(int initial) {
    Pid self = Proc.self();
    return ServerRef.start(TestServer.TYPE, StartOptions.defaults(), () -> new TestServer(self, initial));
  }

  private static Object expectMessage() {
    return Proc.receive(WAIT).orElseThrow(() -> new AssertionError("no message within " + WAIT));
  }

  private static void expect(Object expected) {
    assertEquals(expected, expectMessage());
  }

  @RepeatedTest(20)
  void callsAndCastsAreHandledInOrder() {
    ServerRef<Msg> counter = startCounter(10);
    counter.cast(new Msg.Increment());
    assertEquals(16, (int) counter.call("add", new Msg.Add(5)));
    assertEquals(16, (int) counter.call("get", new Msg.Get()));
    counter.stop();
  }

  @RepeatedTest(20)
  void lateReplyNeverReachesCallerMailbox() throws Exception {
    ServerRef<Msg> counter = startCounter(0);
    CountDownLatch release = new CountDownLatch(1);
    CallTimeoutException timeout = assertThrows(CallTimeoutException.class,
        () -> counter.withTimeout(Duration.ofMillis(50)).call("block", new Msg.Block(release)));
    assertEquals("block", timeout.handler());
    assertTrue(timeout.getMessage().contains("50 ms"), timeout.getMessage());
    expect("blocked");
    release.countDown();
    // The server answers after the caller gave up; a later call proves that answer was handled.
    assertEquals(0, (int) counter.call("get", new Msg.Get()));
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO), "the late reply must not be in the mailbox");
    counter.stop();
  }

  @RepeatedTest(20)
  void checkedExceptionReachesCallerAndServerLives() {
    ServerRef<Msg> counter = startCounter(3);
    IOException e = assertThrows(IOException.class, () -> counter.call("load", new Msg.Load("")));
    assertEquals("empty key", e.getMessage());
    assertEquals("ABC", counter.call("load", new Msg.Load("abc")));
    assertEquals(3, (int) counter.call("get", new Msg.Get()));
    counter.stop();
  }

  @RepeatedTest(20)
  void uncheckedExceptionCrashesServer() {
    ServerRef<Msg> counter = startCounter(0);
    Pid pid = counter.pid();
    dev.arbor.Ref ref = Proc.monitor(pid);
    IllegalStateException boom = new IllegalStateException("boom");
    ExitException e = assertThrows(ExitException.class, () -> counter.call("fail", new Msg.Fail(boom)));
    assertSame(boom, e.reason().cause());
    expect("terminate:" + ExitReason.crash(boom));
    Down down = Proc.receive(Down.class, WAIT).orElseThrow();
    assertEquals(ref, down.ref());
    assertSame(boom, down.reason().cause());
    assertFalse(pid.isAlive());
  }

  @RepeatedTest(20)
  void callToDeadServerThrowsNoproc() {
    ServerRef<Msg> counter = startCounter(0);
    counter.stop();
    ExitException e = assertThrows(ExitException.class, () -> counter.call("get", new Msg.Get()));
    assertEquals(ExitReason.noproc(), e.reason());
    ExitException byName = assertThrows(ExitException.class,
        () -> ServerRef.of(TestServer.TYPE, Name.local("nobody-" + System.nanoTime())).call("get", new Msg.Get()));
    assertEquals(ExitReason.noproc(), byName.reason());
  }

  @RepeatedTest(20)
  void serverDyingDuringCallThrowsItsReason() throws Exception {
    ServerRef<Msg> counter = startCounter(0);
    CountDownLatch never = new CountDownLatch(1);
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    Proc.spawn(() -> {
      try {
        counter.call("block", new Msg.Block(never));
        outcome.complete("replied");
      } catch (ExitException e) {
        outcome.complete(e.reason());
      }
    });
    expect("blocked");
    Proc.exit(counter.pid(), ExitReason.of("went-away"));
    assertEquals(ExitReason.of("went-away"), outcome.get(5, TimeUnit.SECONDS));
  }

  @RepeatedTest(20)
  void callToSelfIsRejected() {
    ServerRef<Msg> counter = startCounter(0);
    ExitException e = assertThrows(ExitException.class, () -> counter.call("callSelf", new Msg.CallSelf()));
    assertInstanceOf(IllegalStateException.class, e.reason().cause());
  }

  @RepeatedTest(20)
  void deferredReplyFromAnotherProcess() throws Exception {
    ServerRef<Msg> counter = startCounter(0);
    CompletableFuture<Object> answer = new CompletableFuture<>();
    Pid caller = Proc.spawn(() -> answer.complete(counter.call("deferred", new Msg.Deferred())));
    @SuppressWarnings("unchecked")
    Reply<Object> reply = (Reply<Object>) expectMessage();
    assertEquals(caller, reply.caller());
    Proc.spawn(() -> reply.send("later"));
    assertEquals("later", answer.get(5, TimeUnit.SECONDS));
    assertThrows(IllegalStateException.class, () -> reply.send("twice"));
    counter.stop();
  }

  @Test
  void deferredFailureRethrowsDeclaredAndWrapsUndeclaredChecked() throws Exception {
    ServerRef<Msg> counter = startCounter(0);
    CompletableFuture<Object> declared = counter.callAsync("deferred", new Msg.Deferred());
    @SuppressWarnings("unchecked")
    Reply<Object> first = (Reply<Object>) expectMessage();
    first.fail(new IOException("disk"));
    ExecutionException e1 = assertThrows(ExecutionException.class, () -> declared.get(5, TimeUnit.SECONDS));
    assertInstanceOf(IOException.class, e1.getCause());
    CompletableFuture<Object> undeclared = counter.callAsync("deferred", new Msg.Deferred());
    @SuppressWarnings("unchecked")
    Reply<Object> second = (Reply<Object>) expectMessage();
    second.fail(new java.util.concurrent.TimeoutException("slow"));
    ExecutionException e2 = assertThrows(ExecutionException.class, () -> undeclared.get(5, TimeUnit.SECONDS));
    assertInstanceOf(CallFailedException.class, e2.getCause());
    counter.stop();
  }

  @RepeatedTest(20)
  void infoPicksMostSpecificType() {
    ServerRef<Msg> counter = startCounter(0);
    counter.pid().send(new TestServer.Special());
    expect("info:special");
    counter.pid().send(new TestServer.Tick());
    expect("info:tick");
    counter.pid().send(new TestServer.Event() {});
    expect("info:event");
    counter.pid().send(42); // no handler: logged and dropped, the server goes on
    assertEquals(0, (int) counter.call("get", new Msg.Get()));
    counter.stop();
  }

  @RepeatedTest(20)
  void continueRunsAfterStartReturnsBeforeNextMessage() {
    Pid self = Proc.self();
    ServerRef<Msg> server = ServerRef.start(TestServer.type(false, new TestServer.Dispatch(false, false, true)),
        StartOptions.defaults(), () -> new TestServer(self, 0));
    server.pid().send("first-info");
    expect("continue:after-init");
    expect("info:first-info");
    assertEquals("continuing", server.call("continueTo", new Msg.ContinueTo("x")));
    server.pid().send("second-info");
    expect("continue:x");
    expect("info:second-info");
    server.stop();
  }

  @RepeatedTest(20)
  void terminateRunsOnParentShutdownOnlyWhenTrappingExits() throws Exception {
    for (boolean trap : new boolean[] {true, false}) {
      Pid observer = Proc.self();
      CompletableFuture<Pid> serverPid = new CompletableFuture<>();
      Pid parent = Proc.spawn(() -> {
        ServerRef<Msg> s = ServerRef.startLink(TestServer.type(trap, new TestServer.Dispatch(false, false, false)),
            StartOptions.defaults(), () -> new TestServer(observer, 0));
        serverPid.complete(s.pid());
        Proc.receive();
      });
      Pid server = serverPid.get(5, TimeUnit.SECONDS);
      dev.arbor.Ref ref = Proc.monitor(server);
      Proc.exit(parent, ExitReason.shutdown());
      if (trap) {
        expect("terminate:shutdown");
      }
      Down down = Proc.receive(Down.class, WAIT).orElseThrow();
      assertEquals(ref, down.ref());
      assertEquals(ExitReason.shutdown(), down.reason());
      assertEquals(Optional.empty(), Proc.receive(Duration.ZERO), "terminate must not run without trapping exits");
    }
  }

  @RepeatedTest(20)
  void exitFromOtherLinkedProcessReachesInfoWhenTrapping() {
    Pid self = Proc.self();
    ServerRef<Msg> server = ServerRef.start(TestServer.type(true, new TestServer.Dispatch(false, false, false)),
        StartOptions.defaults(), () -> new TestServer(self, 0));
    Proc.exit(server.pid(), ExitReason.of("nudge"));
    expect("info:exit nudge");
    assertTrue(server.pid().isAlive());
    server.stop();
    expect("terminate:normal");
  }

  @RepeatedTest(20)
  void asyncCallCompletesOffTheServerThread() throws Exception {
    ServerRef<Msg> counter = startCounter(0);
    Thread serverThread = counter.call("threadOf", new Msg.ThreadOf());
    CompletableFuture<Thread> completedOn = counter.<Integer>callAsync("get", new Msg.Get())
        .thenApply(v -> Thread.currentThread());
    assertNotSame(serverThread, completedOn.get(5, TimeUnit.SECONDS));
    CompletableFuture<Object> timesOut = counter.withTimeout(Duration.ofMillis(30))
        .callAsync("block", new Msg.Block(new CountDownLatch(1)));
    ExecutionException e = assertThrows(ExecutionException.class, () -> timesOut.get(5, TimeUnit.SECONDS));
    assertInstanceOf(CallTimeoutException.class, e.getCause());
    Proc.exit(counter.pid(), ExitReason.kill());
    ExecutionException dead = assertThrows(ExecutionException.class,
        () -> counter.callAsync("get", new Msg.Get()).get(5, TimeUnit.SECONDS));
    assertInstanceOf(ExitException.class, dead.getCause());
  }

  @RepeatedTest(20)
  void hibernatedServerResumesOnNextMessage() {
    Pid self = Proc.self();
    ServerRef<Msg> server = ServerRef.start(TestServer.TYPE, StartOptions.defaults().hibernateAfter(Duration.ZERO),
        () -> new TestServer(self, 7));
    Thread before = server.call("threadOf", new Msg.ThreadOf());
    awaitStatus(server.pid(), ProcessInfo.Status.HIBERNATED);
    assertEquals(7, (int) server.call("get", new Msg.Get()));
    Thread after = server.call("threadOf", new Msg.ThreadOf());
    assertNotEquals(before, after, "a hibernated server resumes on a fresh thread");
    server.stop();
    expect("terminate:normal");
  }

  @RepeatedTest(10)
  void serverHibernateReleasesThreadAtOnce() {
    ServerRef<Msg> server = startCounter(1);
    server.call("hibernate", new Msg.Hibernate());
    awaitStatus(server.pid(), ProcessInfo.Status.HIBERNATED);
    assertEquals(1, (int) server.call("get", new Msg.Get()));
    server.stop();
  }

  /** Nothing announces that a thread was released; a bounded poll is the honest wait. */
  private static void awaitStatus(Pid pid, ProcessInfo.Status status) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (Proc.info(pid).map(ProcessInfo::status).orElse(null) != status) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(pid + " never reached " + status + ": " + Proc.info(pid));
      }
      Thread.onSpinWait();
    }
  }

  @RepeatedTest(20)
  void initIgnoreStartsNothing() {
    Pid self = Proc.self();
    ServerRef<Msg> server = ServerRef.start(TestServer.type(false, new TestServer.Dispatch(true, false, false)),
        StartOptions.named("ignored-" + System.nanoTime()), () -> new TestServer(self, 0));
    assertFalse(server.pid().isAlive());
    assertEquals(1, Proc.list().stream().filter(p -> p.equals(self)).count());
  }

  @RepeatedTest(20)
  void initThatIgnoresAndThenThrowsFailsTheStart() {
    Pid self = Proc.self();
    TestServer.Dispatch ignoresThenThrows = new TestServer.Dispatch(false, false, false) {
      @Override
      public void init(TestServer s) {
        Server.ignore();
        throw new IllegalStateException("init failed after ignore");
      }
    };
    StartException e = assertThrows(StartException.class,
        () -> ServerRef.start(TestServer.type(false, ignoresThenThrows), StartOptions.defaults(),
            () -> new TestServer(self, 0)));
    assertEquals("init failed after ignore", e.getCause().getMessage());
  }

  @RepeatedTest(20)
  void failingInitThrowsStartExceptionAndLeavesNoName() {
    String name = "failing-" + System.nanoTime();
    Pid self = Proc.self();
    StartException e = assertThrows(StartException.class,
        () -> ServerRef.startLink(TestServer.type(false, new TestServer.Dispatch(false, true, false)),
            StartOptions.named(name), () -> new TestServer(self, 0)));
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertEquals(Optional.empty(), Proc.whereis(name));
    assertTrue(self.isAlive(), "a failed startLink does not signal the caller");
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO));
  }

  @RepeatedTest(20)
  void constructorThrowingFailsStart() {
    StartException e = assertThrows(StartException.class, () -> ServerRef.start(TestServer.TYPE,
        StartOptions.defaults(), () -> {
          throw new IOException("no config");
        }));
    assertInstanceOf(IOException.class, e.getCause());
  }

  @RepeatedTest(20)
  void takenNameFailsStartNamingTheHolder() {
    String name = "taken-" + System.nanoTime();
    Pid self = Proc.self();
    ServerRef<Msg> first = ServerRef.start(TestServer.TYPE, StartOptions.named(name), () -> new TestServer(self, 0));
    StartException e = assertThrows(StartException.class,
        () -> ServerRef.start(TestServer.TYPE, StartOptions.named(name), () -> new TestServer(self, 0)));
    assertTrue(e.getMessage().contains(first.pid().toString()), e.getMessage());
    assertEquals(first.pid(), ServerRef.of(TestServer.TYPE, Name.local(name)).pid());
    first.stop();
  }

  @RepeatedTest(20)
  void stopSelfRunsTerminateAfterReplying() {
    ServerRef<Msg> server = startCounter(0);
    dev.arbor.Ref ref = Proc.monitor(server.pid());
    assertEquals("stopping", server.call("stop", new Msg.Stop(ExitReason.shutdown("done"))));
    expect("terminate:shutdown: done");
    Down down = Proc.receive(Down.class, WAIT).orElseThrow();
    assertEquals(ref, down.ref());
    assertEquals(ExitReason.shutdown("done"), down.reason());
  }

  @RepeatedTest(20)
  void procExitInHandlerRunsTerminate() {
    ServerRef<Msg> server = startCounter(0);
    dev.arbor.Ref ref = Proc.monitor(server.pid());

    server.cast(new Msg.ExitWith(ExitReason.of("bye")));

    // gen_server catches exit(Reason) from a callback, runs terminate, then exits: the terminate's
    // message comes first, then the Down with the same reason.
    expect("terminate:bye");
    Down down = Proc.receive(Down.class, WAIT).orElseThrow();
    assertEquals(ref, down.ref());
    assertEquals(ExitReason.of("bye"), down.reason());
  }

  @RepeatedTest(20)
  void procExitInCallHandlerRunsTerminateAndReachesTheCaller() {
    ServerRef<Msg> server = startCounter(0);

    ExitException e = assertThrows(ExitException.class,
        () -> server.call("exit", new Msg.ExitWith(ExitReason.shutdown("done"))));

    assertEquals(ExitReason.shutdown("done"), e.reason());
    expect("terminate:shutdown: done");
  }

  @RepeatedTest(20)
  void procExitInInitFailsTheStartWithItsReason() {
    Pid self = Proc.self();
    ServerType<TestServer, Msg> exiting = ServerType.builder(TestServer.class, TestServer.class,
        new TestServer.Dispatch(false, false, false) {
          @Override
          public void init(TestServer s) {
            Proc.exit(ExitReason.of("no thanks"));
          }
        }).build();

    StartException e = assertThrows(StartException.class,
        () -> ServerRef.startLink(exiting, StartOptions.defaults(), () -> new TestServer(self, 0)));

    assertTrue(e.getMessage().contains("no thanks"), e.getMessage());
    assertTrue(self.isAlive(), "a failed startLink does not signal the caller");
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO), "no @Terminate after a failed @Init, as in OTP");
  }

  @RepeatedTest(20)
  void callerIsTheCallingProcess() {
    ServerRef<Msg> server = startCounter(0);
    assertEquals(Proc.self(), server.call("caller", new Msg.Caller()));
    server.stop();
  }

  @Test
  void hundredProcessesIncrementingOneCounterAreAllCounted() throws Exception {
    ServerRef<Msg> counter = startCounter(0);
    int processes = 100;
    int each = 1_000;
    List<dev.arbor.Ref> refs = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      int n = i;
      refs.add(Proc.spawnMonitor(() -> {
        for (int k = 0; k < each; k++) {
          if ((k + n) % 2 == 0) {
            counter.cast(new Msg.Increment());
          } else {
            counter.call("add", new Msg.Add(1));
          }
        }
      }).ref());
    }
    for (int i = 0; i < processes; i++) {
      Down down = Proc.receive(Down.class, Duration.ofSeconds(30)).orElseThrow();
      assertEquals(ExitReason.normal(), down.reason());
    }
    assertEquals(processes * each, (int) counter.call("get", new Msg.Get()));
    counter.stop();
  }
}
