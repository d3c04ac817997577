package dev.arbor.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.internal.ProcessTable;
import dev.arbor.internal.Timers;
import dev.arbor.registry.Registry;
import dev.arbor.registry.RegistrySpec;
import dev.arbor.server.CallContext;
import dev.arbor.server.CallTimeoutException;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorEvent;
import dev.arbor.supervisor.SupervisorSpec;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault-injection soak: a tree of thousands of GenServers under {@code oneForOne} and {@code
 * restForOne} sub-supervisors, client processes calling and casting in a loop, and a chaos process
 * killing random workers and now and then a whole sub-supervisor, below every restart intensity.
 * Every call must end (reply, {@link CallTimeoutException} or {@link ExitException}) within its
 * timeout plus a grace; no reply may be lost; the tree must be complete at the end; and after it
 * stops nothing is left: processes, timers, names, registry entries, server states. Workers of the
 * {@code restForOne} sub-supervisors are named through a {@link Registry}, the others locally.
 *
 * <p>The short form runs {@code arbor.soak.seconds} (default 20) seconds; {@code
 * -Darbor.soak.minutes=10} runs the long form and prints its figures.
 */
class SoakTest {
  private static final int SUBS = 10;
  private static final int WORKERS = 200;
  private static final int CLIENTS = 8;
  private static final Duration CALL_TIMEOUT = Duration.ofMillis(500);
  private static final long GRACE_NANOS = Duration.ofSeconds(2).toNanos();
  /** A timeout counts as a lost reply when the server answered at least this long before the deadline. */
  private static final long LOST_MARGIN_NANOS = Duration.ofMillis(100).toNanos();
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The worker's state: a counter. */
  static final class Worker {
    long casts;
  }

  sealed interface Msg {
    record Echo(long id) implements Msg {}

    record Bump() implements Msg {}
  }

  /** When each call id was answered, by the server, just before returning its reply. */
  static final ConcurrentHashMap<Long, Long> ANSWERED = new ConcurrentHashMap<>();

  static final class Dispatch implements Dispatcher<Worker, Msg> {
    @Override
    public Object dispatch(Worker s, Msg message, CallContext call) {
      return switch (message) {
        case Msg.Echo m -> {
          ANSWERED.put(m.id(), System.nanoTime());
          yield m.id();
        }
        case Msg.Bump m -> ++s.casts;
      };
    }
  }

  static final ServerType<Worker, Msg> TYPE =
      ServerType.builder(Worker.class, Worker.class, new Dispatch()).build();

  private final Queue<WeakReference<Worker>> states = new ConcurrentLinkedQueue<>();
  private Registry<String, Object> registry;
  private int baseProcesses;
  private long baseTimers;
  private int baseNames;

  @BeforeEach
  void adopt() {
    Proc.adopt();
    ANSWERED.clear();
    baseProcesses = ProcessTable.count();
    baseTimers = Timers.pending();
    baseNames = ProcessTable.nameCount();
  }

  @AfterEach
  void release() {
    ANSWERED.clear();
    Proc.release();
  }

  private static String workerName(int sub, int w) {
    return "soak-" + sub + "-" + w;
  }

  /** Workers of even sub-supervisors have local names; those of odd ones are named in {@link #registry}. */
  private Name workerAddress(int sub, int w) {
    return sub % 2 == 0 ? Name.local(workerName(sub, w)) : Name.via(registry, workerName(sub, w));
  }

  private ChildSpec worker(int sub, int w) {
    return ServerRef.childSpec(TYPE, StartOptions.named(workerAddress(sub, w)), () -> {
      Worker s = new Worker();
      states.add(new WeakReference<>(s));
      return s;
    });
  }

  private SupervisorSpec sub(int i, int workers, int maxRestarts, Duration period) {
    SupervisorSpec spec = (i % 2 == 0 ? SupervisorSpec.oneForOne() : SupervisorSpec.restForOne())
        .maxRestarts(maxRestarts, period);
    for (int w = 0; w < workers; w++) {
      spec = spec.child(worker(i, w));
    }
    return spec;
  }

  /** Counters of one run, shared by the clients and the chaos process. */
  static final class Figures {
    final AtomicLong calls = new AtomicLong();
    final AtomicLong replies = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong exits = new AtomicLong();
    final AtomicLong casts = new AtomicLong();
    final AtomicLong kills = new AtomicLong();
    final AtomicLong subKills = new AtomicLong();
    final AtomicLong lostReplies = new AtomicLong();
    final Queue<String> problems = new ConcurrentLinkedQueue<>();

    @Override
    public String toString() {
      return "calls " + calls + " (replies " + replies + ", timeouts " + timeouts + ", exits " + exits + "), casts "
          + casts + ", worker kills " + kills + ", sub-supervisor kills " + subKills + ", lost replies " + lostReplies;
    }
  }

  @Test
  void aTreeUnderChaosKeepsAnsweringAndLeavesNothingBehind() throws Exception {
    // Counts the supervisors' restart reports, and keeps thousands of them off the console.
    java.util.logging.Logger reports = java.util.logging.Logger.getLogger("dev.arbor.supervisor");
    AtomicLong restarts = new AtomicLong();
    java.util.logging.Handler counter = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        if (r.getMessage() != null && r.getMessage().contains("child restarted")) {
          restarts.incrementAndGet();
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    boolean parents = reports.getUseParentHandlers();
    reports.addHandler(counter);
    reports.setUseParentHandlers(false);
    try {
      soak(restarts);
    } finally {
      reports.removeHandler(counter);
      reports.setUseParentHandlers(parents);
    }
  }

  private static long usedHeap() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private void soak(AtomicLong restarts) throws Exception {
    long heapBefore = usedHeap();
    long minutes = Long.getLong("arbor.soak.minutes", 0);
    Duration length = minutes > 0 ? Duration.ofMinutes(minutes) : Duration.ofSeconds(Long.getLong("arbor.soak.seconds", 20));
    registry = Registry.start(RegistrySpec.unique("soak-registry"));
    SupervisorSpec top = SupervisorSpec.oneForOne().maxRestarts(20, Duration.ofSeconds(1));
    for (int i = 0; i < SUBS; i++) {
      // Chaos kills at most about 30 workers a second per sub-supervisor; each allows 100.
      top = top.child(Supervisor.childSpec("sub-" + i, sub(i, WORKERS, 100, Duration.ofSeconds(1))));
    }
    Supervisor root = Supervisor.start(top);
    Figures f = new Figures();
    AtomicLong ids = new AtomicLong();
    long end = System.nanoTime() + length.toNanos();

    List<Pid> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(Proc.spawn(() -> client(f, ids, end)));
    }
    Pid chaos = Proc.spawn(() -> chaos(root, f, end));
    List<dev.arbor.Ref> refs = new ArrayList<>();
    for (Pid p : clients) {
      refs.add(Proc.monitor(p));
    }
    refs.add(Proc.monitor(chaos));
    for (dev.arbor.Ref ref : refs) {
      Down d = (Down) Proc.receive(m -> m instanceof Down dn && dn.ref().equals(ref), length.plus(WAIT))
          .orElseThrow(() -> new AssertionError("a client or the chaos process hung"));
      assertEquals(ExitReason.normal(), d.reason(), "a client or the chaos process crashed: " + d.reason());
    }
    assertTrue(f.problems.isEmpty(), () -> String.join("\n", f.problems));

    // The tree is complete again: every sub-supervisor and every worker, registered.
    eventually("the tree is complete", () -> {
      if (root.countChildren().active() != SUBS) {
        return false;
      }
      for (int i = 0; i < SUBS; i++) {
        for (int w = 0; w < WORKERS; w++) {
          if (workerAddress(i, w).whereis().isEmpty()) {
            return false;
          }
        }
      }
      return true;
    });
    for (var child : root.whichChildren()) {
      Supervisor sub = Supervisor.of(child.pid().orElseThrow());
      assertEquals(WORKERS, sub.countChildren().active(), child.id());
    }

    root.stop();
    // Entries go when their processes exit; then the registry itself stops, before the counts below.
    int leakedEntries = waitFor(() -> registry.count());
    registry.stop();
    int leakedProcesses = waitFor(() -> ProcessTable.count() - baseProcesses);
    long leakedTimers = waitFor(() -> Timers.pending() - baseTimers);
    int leakedNames = waitFor(() -> ProcessTable.nameCount() - baseNames);
    boolean statesCleared = eventuallyTrue(() -> {
      System.gc();
      states.removeIf(r -> r.get() == null);
      return states.isEmpty();
    });
    // The heap returns to its starting level (asserted in the long form; a short run is too noisy).
    long slack = Math.max(32L << 20, heapBefore / 10);
    long[] heapAfter = {0};
    boolean heapBack = eventuallyTrue(() -> (heapAfter[0] = usedHeap()) <= heapBefore + slack);
    String figures = "restarts " + restarts + ", " + f + ", heap " + (heapBefore >> 20) + " MB before, " + (heapAfter[0] >> 20)
        + " MB after, leaked processes " + leakedProcesses + ", timers " + leakedTimers + ", names "
        + leakedNames + ", registry entries " + leakedEntries + ", server states still reachable " + states.size();
    System.out.println("soak (" + length + "): " + figures);
    assertEquals(0, f.lostReplies.get(), figures);
    assertEquals(0, leakedProcesses, figures);
    assertEquals(0, leakedTimers, figures);
    assertEquals(0, leakedNames, figures);
    assertEquals(0, leakedEntries, figures);
    assertTrue(statesCleared, figures);
    if (minutes > 0) {
      assertTrue(heapBack, "the heap did not return to its starting level: " + figures);
    }
    assertTrue(f.kills.get() > 0 && f.replies.get() > 0, figures);
  }

  /** Calls and casts random workers by name until {@code end}; checks how each call ends. */
  private void client(Figures f, AtomicLong ids, long end) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (System.nanoTime() - end < 0) {
      Name name = workerAddress(random.nextInt(SUBS), random.nextInt(WORKERS));
      ServerRef<Msg> ref = ServerRef.of(TYPE, name).withTimeout(CALL_TIMEOUT);
      if (random.nextInt(4) == 0) {
        ref.cast(new Msg.Bump());
        f.casts.incrementAndGet();
        continue;
      }
      long id = ids.incrementAndGet();
      long start = System.nanoTime();
      long deadline = start + CALL_TIMEOUT.toNanos();
      f.calls.incrementAndGet();
      try {
        Object got = ref.call("echo", new Msg.Echo(id));
        if (!Long.valueOf(id).equals(got)) {
          f.problems.add("call " + id + " got " + got);
        }
        f.replies.incrementAndGet();
      } catch (CallTimeoutException e) {
        f.timeouts.incrementAndGet();
        Long answered = ANSWERED.get(id);
        if (answered != null && deadline - answered > LOST_MARGIN_NANOS) {
          f.lostReplies.incrementAndGet();
          f.problems.add("lost reply: call " + id + " to " + name + " answered "
              + Duration.ofNanos(deadline - answered).toMillis() + " ms before its deadline, yet timed out");
        }
      } catch (ExitException e) {
        f.exits.incrementAndGet();
      }
      ANSWERED.remove(id);
      long took = System.nanoTime() - start;
      if (took > CALL_TIMEOUT.toNanos() + GRACE_NANOS) {
        f.problems.add("call " + id + " to " + name + " took " + Duration.ofNanos(took).toMillis() + " ms");
      }
    }
  }

  /**
   * Kills three random workers about every 10 ms (at most 30 a second per sub-supervisor on average,
   * against an intensity of 100) and a whole sub-supervisor about every 2 s (the root allows 20 a
   * second); paced by a bounded receive, not a sleep.
   */
  private void chaos(Supervisor root, Figures f, long end) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long nextSubKill = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (System.nanoTime() - end < 0) {
      Proc.receive(m -> false, Duration.ofMillis(10));
      for (int k = 0; k < 3; k++) {
        workerAddress(random.nextInt(SUBS), random.nextInt(WORKERS)).whereis().ifPresent(p -> {
          Proc.exit(p, ExitReason.kill());
          f.kills.incrementAndGet();
        });
      }
      if (System.nanoTime() - nextSubKill > 0) {
        nextSubKill = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        var children = root.whichChildren();
        children.get(random.nextInt(children.size())).pid().ifPresent(p -> {
          Proc.exit(p, ExitReason.kill());
          f.subKills.incrementAndGet();
        });
      }
    }
  }

  @Test
  void exceedingAnIntensityEscalatesAsOtpPrescribes() {
    // The sub-supervisor allows 2 restarts in 60 s, the root 1: the third worker death makes the sub
    // give up, the root restarts it once; a second give-up makes the root give up in turn.
    SupervisorSpec spec = SupervisorSpec.oneForOne().maxRestarts(1, Duration.ofSeconds(60))
        .child(Supervisor.childSpec("sub", sub(0, 3, 2, Duration.ofSeconds(60))));
    Supervisor root = Supervisor.start(spec);
    dev.arbor.Ref rootDown = Proc.monitor(root.pid());
    root.subscribe(Proc.self());
    Pid subPid = root.whichChildren().get(0).pid().orElseThrow();
    Supervisor sub = Supervisor.of(subPid);
    sub.subscribe(Proc.self());

    killAndExpectRestart(subPid, workerName(0, 0));
    killAndExpectRestart(subPid, workerName(0, 1));
    Pid victim = Proc.whereis(workerName(0, 2)).orElseThrow();
    Proc.exit(victim, ExitReason.kill());
    SupervisorEvent.IntensityExceeded exceeded = event(SupervisorEvent.IntensityExceeded.class, subPid);
    assertEquals(2, exceeded.maxRestarts());
    SupervisorEvent.ChildRestarted restarted = event(SupervisorEvent.ChildRestarted.class, root.pid());
    assertEquals("sub", restarted.id());
    assertEquals(subPid, restarted.oldPid());
    Pid newSub = restarted.newPid();
    assertTrue(newSub != null && newSub.isAlive());
    assertEquals(3, Supervisor.of(newSub).countChildren().active(), "the restarted sub-supervisor has all its workers");

    // A second escalation exceeds the root's intensity: it stops its children and exits with shutdown.
    Proc.exit(newSub, ExitReason.kill());
    event(SupervisorEvent.IntensityExceeded.class, root.pid());
    Down d = (Down) Proc.receive(m -> m instanceof Down dn && dn.ref().equals(rootDown), WAIT)
        .orElseThrow(() -> new AssertionError("the root supervisor did not exit"));
    assertEquals(ExitReason.shutdown(), d.reason());
    for (int w = 0; w < 3; w++) {
      String name = workerName(0, w);
      assertTrue(waitFor(() -> Proc.whereis(name).isPresent() ? 1 : 0) == 0, name + " outlived the escalation");
    }
    assertEquals(0, waitFor(() -> ProcessTable.count() - baseProcesses), "processes left after the escalation");
  }

  private static void killAndExpectRestart(Pid sub, String name) {
    Pid victim = Proc.whereis(name).orElseThrow();
    Proc.exit(victim, ExitReason.kill());
    SupervisorEvent.ChildRestarted r = event(SupervisorEvent.ChildRestarted.class, sub);
    assertEquals(victim, r.oldPid());
  }

  private static <E extends SupervisorEvent> E event(Class<E> type, Pid from) {
    Object m = Proc.receive(e -> type.isInstance(e) && ((SupervisorEvent) e).supervisor().equals(from), WAIT)
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " from " + from + " within " + WAIT));
    return type.cast(m);
  }

  /** Polls a count until it is zero or {@link #WAIT} passes; returns the last value. */
  private static <N extends Number> N waitFor(java.util.function.Supplier<N> count) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    N n = count.get();
    while (n.longValue() != 0 && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(1_000_000);
      n = count.get();
    }
    return n;
  }

  private static boolean eventuallyTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(10_000_000);
    }
    return true;
  }

  private static void eventually(String what, BooleanSupplier condition) {
    if (!eventuallyTrue(condition)) {
      fail("timed out after " + WAIT + " waiting until " + what);
    }
  }
}
