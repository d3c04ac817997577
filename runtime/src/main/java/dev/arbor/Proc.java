package dev.arbor;

import dev.arbor.internal.Described;
import dev.arbor.internal.Monitor;
import dev.arbor.internal.Process;
import dev.arbor.internal.ProcessTable;
import dev.arbor.internal.Remote;
import dev.arbor.internal.Timers;
import dev.arbor.observe.ArborEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Erlang's process primitives, for the current process: spawn, send, receive, links, monitors, exit
 * signals, names and timers.
 *
 * <p>Every process runs on its own virtual thread. A plain Java thread (main, a test, a pool thread)
 * that calls an operation needing an identity gets one of its own; see {@link #adopt()}.
 *
 * <p>After a fatal exit signal, every operation the dead process's thread makes throws {@link
 * ProcessExit}; on a plain thread it throws {@link ExitException} once.
 */
public final class Proc {
  private Proc() {}

  // ------------------------------------------------------------------ spawning

  /** Starts {@code body} as a new process; neither linked nor monitored. */
  public static Pid spawn(Runnable body) {
    return spawn(SpawnOptions.defaults(), body);
  }

  /** Starts {@code body} as a new process linked to the caller (atomically, before it runs). */
  public static Pid spawnLink(Runnable body) {
    return spawn(SpawnOptions.defaults().link(true), body);
  }

  /** Starts {@code body} as a new process monitored by the caller (atomically, before it runs). */
  public static Spawned spawnMonitor(Runnable body) {
    Objects.requireNonNull(body, "body");
    Process me = Process.current();
    Process child = Process.create(false, null);
    Monitor m = me.monitor(child);
    child.start(Process.body(body));
    return new Spawned(child.pid(), m.ref());
  }

  /** Starts {@code body} as a new process with {@code options}. */
  public static Pid spawn(SpawnOptions options, Runnable body) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(body, "body");
    Process caller = options.link() ? Process.current() : currentIfAny();
    return Process.spawn(Process.body(body), options.link() ? caller : null, options.trapExits(), options.name()).pid();
  }

  /**
   * The caller's process, or null for a plain thread without one. Throws, as every Arbor operation
   * does, when the caller has exited: a zombie's sends, spawns, timers and names have no effect.
   */
  private static Process currentIfAny() {
    return Process.currentIfAny();
  }

  // ------------------------------------------------------------------ identity

  /**
   * The local node's name (Erlang's {@code node()}): {@code nonode@nohost} until a node is started
   * ({@code arbor-dist}'s {@code Node.start}).
   */
  public static String node() {
    return Remote.localName();
  }

  /** The current process's pid; a plain thread gets an identity on first use. */
  public static Pid self() {
    return Process.current().pid();
  }

  /**
   * Gives the current plain thread a process identity (or returns the one it has), bounded by the
   * returned handle: {@code try (var me = Proc.adopt()) { ... }}.
   *
   * <p><b>Deviation</b>: Java gives no event when a thread ends, so the identity lasts until it is
   * released or the thread is found dead. A signal that would kill it marks it exited instead of
   * interrupting the thread; the thread's next Arbor call throws {@link ExitException}.
   */
  public static Adopted adopt() {
    Process p = Process.currentOrNull();
    if (p == null) {
      p = Process.adopt();
    } else {
      p.checkAlive();
      if (!p.isAdopted()) {
        throw new IllegalStateException("adopt() is for plain threads; this thread already is process " + p.pid());
      }
    }
    return new Adopted(p.pid());
  }

  /** Ends the current plain thread's identity with {@code normal}; a no-op if it has none. */
  public static void release() {
    Process.release();
  }

  /**
   * Ends the identity {@code pid} that {@code owner} adopted. On that thread it also ends any identity
   * the thread took after losing {@code pid} to an exit signal, so that a {@code try (var me =
   * Proc.adopt())} block leaves no identity behind.
   */
  static void releaseAdopted(Pid pid, Thread owner) {
    Process p = Process.currentOrNull();
    if (Thread.currentThread() == owner && p != null && p.pid().id() >= pid.id()) {
      Process.release();
    } else {
      Process.of(pid).exit(ExitReason.normal());
    }
  }

  // ------------------------------------------------------------------ messages

  /**
   * Sends {@code message} to {@code to}. Never blocks; a dead {@code to} drops it silently, and so
   * does a process on a node that cannot be reached.
   */
  public static void send(Pid to, Object message) {
    Objects.requireNonNull(to, "to");
    to.send(message);
  }

  /**
   * Sends to the process registered as {@code name}; throws if no local process is. A {@link
   * Name.Remote} on another node is resolved there: the message is dropped if it names no process.
   */
  public static void send(Name name, Object message) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
    if (name instanceof Name.Remote r && !r.isLocal()) {
      Remote.sendNamed(currentIfAny(), r.name(), r.node(), message);
      return;
    }
    Pid to = name.whereis().orElseThrow(() -> new IllegalArgumentException("no process is registered as " + name));
    send(to, message);
  }

  /** Takes the oldest message, waiting as long as it takes. */
  public static Object receive() {
    return Process.current().receive(userMessages(null), -1);
  }

  /** Takes the oldest message, or empty after {@code timeout}. */
  public static Optional<Object> receive(Duration timeout) {
    long nanos = Durations.toNanos(timeout, "timeout");
    return Optional.ofNullable(Process.current().receive(userMessages(null), nanos));
  }

  /**
   * Takes the oldest message of type {@code type}, leaving every other message where it was, in
   * order; empty after {@code timeout}.
   */
  public static <T> Optional<T> receive(Class<T> type, Duration timeout) {
    Objects.requireNonNull(type, "type");
    long nanos = Durations.toNanos(timeout, "timeout");
    return Optional.ofNullable(type.cast(Process.current().receive(userMessages(type::isInstance), nanos)));
  }

  /** Takes the oldest message {@code match} accepts, leaving the others in order; empty after {@code timeout}. */
  public static Optional<Object> receive(Predicate<Object> match, Duration timeout) {
    Objects.requireNonNull(match, "match");
    long nanos = Durations.toNanos(timeout, "timeout");
    return Optional.ofNullable(Process.current().receive(userMessages(match), nanos));
  }

  /** Inside a server loop, user code never sees the loop's own messages (calls, casts, replies). */
  private static Predicate<Object> userMessages(Predicate<Object> match) {
    Process me = Process.current();
    if (me.attachment == null) {
      return match;
    }
    return match == null
        ? m -> !(m instanceof Process.LoopMessage)
        : m -> !(m instanceof Process.LoopMessage) && match.test(m);
  }

  // ------------------------------------------------------------------ links and monitors

  /**
   * Links the caller and {@code other} both ways. Linking to a dead process sends the caller an exit
   * signal with {@code noproc}; to a process on a node that cannot be reached, with {@code
   * noconnection}. A link across nodes breaks with {@code noconnection} when the connection is lost.
   */
  public static void link(Pid other) {
    Objects.requireNonNull(other, "other");
    Process me = Process.current();
    Process local = Process.of(other);
    if (local != null) {
      me.link(local);
    } else {
      Remote.link(me, other);
    }
    me.checkAlive(); // linking to a dead process may have killed the caller with noproc
  }

  /** Removes the link between the caller and {@code other}, if any. */
  public static void unlink(Pid other) {
    Objects.requireNonNull(other, "other");
    Process me = Process.current();
    Process local = Process.of(other);
    if (local != null) {
      me.unlink(local);
    } else {
      Remote.unlink(me, other);
    }
  }

  /**
   * Monitors {@code target}: the caller gets one {@link Down} when it exits, after every message it
   * sent to the caller. A dead or unknown target gives {@code Down(noproc)} at once; a process on a
   * node that cannot be reached, {@code Down(noconnection)}, as does the loss of the connection.
   */
  public static Ref monitor(Pid target) {
    Objects.requireNonNull(target, "target");
    Process me = Process.current();
    Process local = Process.of(target);
    return (local != null ? me.monitor(local) : Remote.monitor(me, target)).ref();
  }

  /**
   * Monitors the process registered as {@code name} now (Erlang's {@code monitor(process, Name)} and
   * {@code monitor(process, {Name, Node})}). A name no process holds gives {@code Down(noproc)} at
   * once; the {@link Down}'s pid is then null, as it is for any name on another node, which is
   * resolved there. A {@link Name#via} or {@link Name#partition} name is resolved here, once.
   *
   * @throws IllegalStateException for a name on another node while no node is started here (Erlang's
   *     {@code badarg})
   */
  public static Ref monitor(Name name) {
    Objects.requireNonNull(name, "name");
    Process me = Process.current();
    if (name instanceof Name.Remote r && !r.isLocal()) {
      return Remote.monitorName(me, r.name(), r.node()).ref();
    }
    Optional<Pid> found = name.whereis();
    if (found.isPresent()) {
      return monitor(found.get());
    }
    return Remote.noproc(me).ref();
  }

  /**
   * Monitors the connection to {@code node} (Erlang's {@code monitor_node(Node, true)}): the caller
   * gets a {@link NodeDown} when it is lost, or at once when it cannot be made. Each call adds one
   * monitor and gives one {@code NodeDown}. Monitoring the local node itself does nothing.
   *
   * @throws IllegalStateException while no node is started here (Erlang's {@code notalive})
   */
  public static void monitorNode(String node) {
    Objects.requireNonNull(node, "node");
    Remote.monitorNode(Process.current(), node);
  }

  /** Removes one monitor the caller holds on {@code node} (Erlang's {@code monitor_node(Node, false)}); returns whether it held one. */
  public static boolean demonitorNode(String node) {
    Objects.requireNonNull(node, "node");
    return Remote.demonitorNode(Process.current(), node);
  }

  /**
   * Removes a monitor and flushes its {@link Down} from the mailbox if one already arrived (Erlang's
   * {@code demonitor(Ref, [flush])}). Returns whether the monitor was still active.
   */
  public static boolean demonitor(Ref ref) {
    Objects.requireNonNull(ref, "ref");
    Process me = Process.current();
    if (!(ref.handle() instanceof Monitor m)) {
      return false;
    }
    boolean active = me.demonitor(m);
    if (!active) {
      me.receive(msg -> msg instanceof Down d && d.ref().equals(ref), 0);
    }
    return active;
  }

  /** Turns exit-signal trapping on or off for the caller; returns the previous setting. */
  public static boolean trapExits(boolean on) {
    return Process.current().trapExits(on);
  }

  // ------------------------------------------------------------------ exit signals

  /**
   * Sends the exit signal {@code reason} to {@code target}, by Erlang's rules: {@code normal} is
   * ignored unless the target traps exits (or is the caller); {@code kill} cannot be trapped and
   * kills with {@code killed}; any other reason kills a non-trapping target and reaches a trapping one
   * as an {@link Exit} message.
   */
  public static void exit(Pid target, ExitReason reason) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reason, "reason");
    Process me = Process.current();
    Process local = Process.of(target);
    if (local != null) {
      Process.signalExits(me, local, reason, false);
    } else {
      Remote.exit(me, target, reason);
    }
    me.checkAlive();
  }

  /**
   * Exits the caller with {@code reason}; throws {@link ProcessExit} to unwind its thread. In a
   * server's handler the server first runs {@code @Terminate} with {@code reason}, as {@code
   * gen_server} does for {@code exit(Reason)} thrown from a callback.
   */
  public static void exit(ExitReason reason) {
    Objects.requireNonNull(reason, "reason");
    Process me = Process.current();
    if (me.attachment instanceof dev.arbor.internal.CatchesExits) {
      throw new ProcessExit(reason); // still alive: the server loop terminates, then exits
    }
    me.exit(reason);
    me.checkAlive();
  }

  // ------------------------------------------------------------------ names

  /**
   * Registers {@code pid} as {@code name}; fails, naming the holder, if the name is taken. A JFR
   * recording sees it as a {@code dev.arbor.ProcessRegister} event.
   */
  public static void register(String name, Pid pid) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pid, "pid");
    currentIfAny();
    Process p = localOnly(pid, "registered");
    ProcessTable.register(name, p);
    ArborEvents.registered(p, name);
  }

  /** Frees {@code name}; returns whether it was registered. */
  public static boolean unregister(String name) {
    Objects.requireNonNull(name, "name");
    currentIfAny(); // a zombie's name is already free; it must not free someone else's
    return ProcessTable.unregister(name);
  }

  /** The live process registered as {@code name}. */
  public static Optional<Pid> whereis(String name) {
    Objects.requireNonNull(name, "name");
    Process p = ProcessTable.whereis(name);
    return p == null ? Optional.empty() : Optional.of(p.pid());
  }

  // ------------------------------------------------------------------ timers

  /** Sends {@code message} to {@code to} after {@code delay}; cancelled if {@code to} exits first. */
  public static TimerRef sendAfter(Pid to, Object message, Duration delay) {
    return timer(to, message, Durations.toNanos(delay, "delay"), 0);
  }

  /** Sends {@code message} to whoever is registered as {@code name} when {@code delay} has passed. */
  public static TimerRef sendAfter(String name, Object message, Duration delay) {
    return timer(name, message, Durations.toNanos(delay, "delay"), 0);
  }

  /** Sends {@code message} to {@code to} every {@code period} until cancelled or {@code to} exits. */
  public static TimerRef sendInterval(Pid to, Object message, Duration period) {
    return timer(to, message, Durations.toPositiveNanos(period, "period"), Durations.toPositiveNanos(period, "period"));
  }

  /** Sends {@code message} every {@code period} to whoever is registered as {@code name} then. */
  public static TimerRef sendInterval(String name, Object message, Duration period) {
    return timer(name, message, Durations.toPositiveNanos(period, "period"), Durations.toPositiveNanos(period, "period"));
  }

  private static TimerRef timer(Pid to, Object message, long delay, long period) {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(message, "message");
    currentIfAny();
    return new TimerRef(Timers.start(localOnly(to, "a timer's target"), message, delay, period));
  }

  private static TimerRef timer(String name, Object message, long delay, long period) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
    currentIfAny();
    return new TimerRef(Timers.start(name, message, delay, period));
  }

  /**
   * The process {@code pid} names. Erlang answers {@code badarg} where only a local process will do;
   * a local pid rebuilt from another node whose process is gone counts as a dead process.
   */
  private static Process localOnly(Pid pid, String what) {
    Process p = Process.of(pid);
    if (p != null) {
      return p;
    }
    if (!pid.isLocal()) {
      throw new IllegalArgumentException(pid + " is a process on " + pid.node() + "; only a local process can be " + what);
    }
    return Process.deadStandIn();
  }

  /** Cancels a timer; returns whether it was still pending. */
  public static boolean cancelTimer(TimerRef timer) {
    Objects.requireNonNull(timer, "timer");
    return timer.task().cancel();
  }

  // ------------------------------------------------------------------ introspection

  /** Every live process, plain-thread identities included. */
  public static List<Pid> list() {
    List<Process> all = ProcessTable.all();
    List<Pid> pids = new ArrayList<>(all.size());
    for (Process p : all) {
      pids.add(p.pid());
    }
    return pids;
  }

  /**
   * What {@code pid} is doing now; empty once it has exited and its thread has finished, and for a
   * process on another node. A process killed while its thread still runs shows as {@link
   * ProcessInfo.Status#ZOMBIE}.
   */
  public static Optional<ProcessInfo> info(Pid pid) {
    Objects.requireNonNull(pid, "pid");
    Process p = Process.of(pid);
    if (p == null) {
      return Optional.empty();
    }
    boolean alive = p.isAlive();
    ProcessInfo.Status status;
    if (!alive) {
      if (p.isAdopted() || !p.hasRunningThread()) {
        return Optional.empty();
      }
      status = ProcessInfo.Status.ZOMBIE;
    } else if (p.isHibernated()) {
      status = ProcessInfo.Status.HIBERNATED;
    } else if (p.isWaiting()) {
      status = ProcessInfo.Status.WAITING;
    } else {
      status = ProcessInfo.Status.RUNNING;
    }
    Process.Snapshot s = p.snapshot();
    Described described = p.attachment instanceof Described d ? d : null;
    ProcessInfo.Kind kind = p.isAdopted() ? ProcessInfo.Kind.THREAD
        : described != null ? described.kind() : ProcessInfo.Kind.PROCESS;
    return Optional.of(new ProcessInfo(pid, s.name(), status, p.mailboxDepth(), List.copyOf(s.links()),
        List.copyOf(s.monitors()), List.copyOf(s.monitoredBy()), s.timers(), p.trapsExits(),
        described == null ? null : described.currentHandler(),
        p.isAdopted(), kind, described == null ? null : described.serverClass()));
  }
}
