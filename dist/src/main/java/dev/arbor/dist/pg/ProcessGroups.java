package dev.arbor.dist.pg;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.dist.Node;
import dev.arbor.dist.pg.ScopeServer.Demonitor;
import dev.arbor.dist.pg.ScopeServer.Join;
import dev.arbor.dist.pg.ScopeServer.Leave;
import dev.arbor.dist.pg.ScopeServer.Monitor;
import dev.arbor.dist.pg.ScopeServer.MonitorScope;
import dev.arbor.server.ServerFactory;
import dev.arbor.server.ServerRef;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Erlang's {@code pg}: process groups across the cluster. A scope is a process registered under
 * the scope's name, by default {@value #DEFAULT_SCOPE}, as {@code pg:start_link/1} registers one;
 * it finds the scopes of the same name on every connected node, BEAM or Arbor, and from then on
 * each side sees the other's members: {@code :pg.get_members(:pg, group)} on an Elixir node lists
 * Arbor pids, and {@link #members} lists Elixir ones.
 *
 * <pre>{@code
 * ProcessGroups pg = ProcessGroups.start(node);        // Elixir: :pg.start_link()
 * pg.join(Atom.of("workers"), Proc.self());             // :pg.join(:workers, self())
 * List<Pid> everywhere = pg.members(Atom.of("workers")); // :pg.get_members(:workers)
 * }</pre>
 *
 * <p>Erlang's rules: a group is any Erlang term, compared as peers see it (the Java {@code "chat"}
 * is the binary Elixir writes {@code "chat"}); only local processes join and leave; a process may
 * join a group several times and is then listed, and must leave, as many times; a member that
 * exits leaves all its groups; when a node goes away, or its scope stops, its members leave this
 * node's view. Views converge, they are not atomic: a join is seen at once here, and on other
 * nodes when its message arrives. Reads ({@link #members} and the like) never wait for the scope;
 * {@link #monitorScope()} and {@link #monitor} deliver every change as a {@link GroupChange}.
 *
 * <p>A scope needs nothing of {@code global}: only a visible connection (Arbor nodes are
 * visible), registered sends and monitors. A scope is started explicitly, as OTP's default scope
 * is (kernel's {@code start_pg} is off by default; Elixir applications put {@code :pg} in their
 * supervision tree): {@link #start}, {@link #startLink} or {@link #childSpec}.
 */
public final class ProcessGroups {
  /** The scope {@code pg:start_link/0} starts, and the one {@code pg:join/2} and the like use. */
  public static final String DEFAULT_SCOPE = "pg";

  /** The table of every scope started in this JVM, by its process, for {@link #of(String)}. */
  private static final ConcurrentHashMap<Pid, GroupTable> RUNNING = new ConcurrentHashMap<>();

  private final String scope;
  private final ServerRef<ScopeServer.Request> server;
  private final GroupTable table;

  private ProcessGroups(String scope, ServerRef<ScopeServer.Request> server, GroupTable table) {
    this.scope = scope;
    this.server = server;
    this.table = table;
  }

  // ------------------------------------------------------------------ starting

  /** Starts the default scope, not linked to the caller ({@code pg:start(pg)}). */
  public static ProcessGroups start(Node node) {
    return start(node, DEFAULT_SCOPE);
  }

  /**
   * Starts the scope {@code scope} on {@code node}, not linked to the caller ({@code
   * pg:start/1}), and returns once it has asked every connected node for its members.
   *
   * @throws dev.arbor.server.StartException when a process is registered as {@code scope}
   */
  public static ProcessGroups start(Node node, String scope) {
    return launch(node, scope, false);
  }

  /** Starts the default scope linked to the caller ({@code pg:start_link/0}). */
  public static ProcessGroups startLink(Node node) {
    return startLink(node, DEFAULT_SCOPE);
  }

  /** Starts the scope {@code scope} linked to the caller ({@code pg:start_link/1}). */
  public static ProcessGroups startLink(Node node, String scope) {
    return launch(node, scope, true);
  }

  private static ProcessGroups launch(Node node, String scope, boolean link) {
    GroupTable table = new GroupTable();
    StartOptions options = StartOptions.named(checkScope(scope));
    ServerFactory<Scope> factory = factory(node, scope, table);
    return new ProcessGroups(scope, link ? ServerRef.startLink(ScopeServer.TYPE, options, factory)
        : ServerRef.start(ScopeServer.TYPE, options, factory), table);
  }

  /**
   * A worker child spec that starts the scope linked to its supervisor (the {@code {pg, Scope}}
   * child an Elixir application lists); its id is the scope's name. Reach it with {@link #of}.
   */
  public static ChildSpec childSpec(Node node, String scope) {
    return ServerRef.childSpec(ScopeServer.TYPE, StartOptions.named(checkScope(scope)),
        factory(node, scope, new GroupTable()));
  }

  /** The scope registered as {@code scope} in this JVM, if one runs. */
  public static Optional<ProcessGroups> of(String scope) {
    return Proc.whereis(checkScope(scope)).flatMap(pid -> {
      GroupTable table = RUNNING.get(pid);
      return table == null ? Optional.empty()
          : Optional.of(new ProcessGroups(scope, ServerRef.of(ScopeServer.TYPE, pid), table));
    });
  }

  private static ServerFactory<Scope> factory(Node node, String scope,
      GroupTable table) {
    Objects.requireNonNull(node, "node");
    return () -> {
      // A scope killed without terminating leaves its entry: drop those as new ones start.
      RUNNING.keySet().removeIf(pid -> !pid.isAlive());
      RUNNING.put(Proc.self(), table);
      return new Scope(scope, node, table);
    };
  }

  private static String checkScope(String scope) {
    if (Objects.requireNonNull(scope, "scope").isEmpty()) {
      throw new IllegalArgumentException("a scope's name must not be empty");
    }
    return scope;
  }

  // ------------------------------------------------------------------ the scope

  /** The scope's name, which is also the name its process is registered under. */
  public String scope() {
    return scope;
  }

  /** The scope's process. */
  public Pid pid() {
    return server.pid();
  }

  /** Stops the scope: its local members leave every group on every node. */
  public void stop() {
    server.stop();
  }

  // ------------------------------------------------------------------ joining and leaving

  /**
   * {@code pg:join/3}: {@code pid} joins {@code group}, once more if it is a member already. When
   * this returns, {@link #members} here lists it; other nodes see it when the news arrives.
   *
   * @throws IllegalArgumentException when {@code pid} is a process on another node, or {@code
   *     group} is no Erlang term
   * @throws dev.arbor.ExitException with {@code noproc} when the scope is not running
   */
  public void join(Object group, Pid pid) {
    join(group, List.of(Objects.requireNonNull(pid, "pid")));
  }

  /** {@code pg:join/3} with a list: each of {@code pids} joins, once per time it is listed. */
  public void join(Object group, List<Pid> pids) {
    server.call("join", new Join(GroupTerms.canonical(group), localOnly(pids)));
  }

  /**
   * {@code pg:leave/3}: {@code pid} leaves {@code group} once (it stays listed once less if it
   * joined several times).
   *
   * @return false when it was not a member ({@code not_joined})
   */
  public boolean leave(Object group, Pid pid) {
    return leave(group, List.of(Objects.requireNonNull(pid, "pid")));
  }

  /**
   * {@code pg:leave/3} with a list: each of {@code pids} leaves once.
   *
   * @return false when none of them was a member ({@code not_joined})
   */
  public boolean leave(Object group, List<Pid> pids) {
    return server.call("leave", new Leave(GroupTerms.canonical(group), localOnly(pids)));
  }

  private static List<Pid> localOnly(List<Pid> pids) {
    List<Pid> copy = List.copyOf(Objects.requireNonNull(pids, "pids"));
    for (Pid pid : copy) {
      if (!pid.isLocal()) {
        throw new IllegalArgumentException(pid + " is a process on " + pid.node()
            + "; only local processes join and leave groups (Erlang's {nolocal, Pid})");
      }
    }
    return copy;
  }

  // ------------------------------------------------------------------ subscribing

  /**
   * What {@link #monitorScope()} answers: the subscription's reference and every group's members
   * at that moment.
   */
  public record ScopeMonitor(Ref ref, Map<Object, List<Pid>> groups) {}

  /** What {@link #monitor} answers: the subscription's reference and the group's members then. */
  public record GroupMonitor(Ref ref, List<Pid> members) {}

  /**
   * {@code pg:monitor_scope/1} (OTP 25.1): every group's members now; from then on the caller
   * receives a {@link GroupChange} tagged with the returned reference for every join and leave in
   * the scope, on any node, until {@link #demonitor} or its exit.
   */
  public ScopeMonitor monitorScope() {
    return server.call("monitorScope", new MonitorScope(Proc.self()));
  }

  /** {@code pg:monitor/2} (OTP 25.1): as {@link #monitorScope()}, for {@code group} only. */
  public GroupMonitor monitor(Object group) {
    return server.call("monitor", new Monitor(Proc.self(), GroupTerms.canonical(group)));
  }

  /**
   * {@code pg:demonitor/2}: ends the caller's subscription {@code ref} and drops its {@link
   * GroupChange}s already in the caller's mailbox.
   *
   * @return false when there was no such subscription
   */
  public boolean demonitor(Ref ref) {
    Objects.requireNonNull(ref, "ref");
    boolean ended = server.<Boolean>call("demonitor", new Demonitor(ref));
    while (Proc.receive(m -> m instanceof GroupChange change && change.ref().equals(ref),
        Duration.ZERO).isPresent()) {
      // flushed, as pg:demonitor/2 flushes
    }
    return ended;
  }

  // ------------------------------------------------------------------ reading

  /** {@code pg:get_members/2}: every member of {@code group} on every node, in no set order. */
  public List<Pid> members(Object group) {
    return running() ? table.members(GroupTerms.canonical(group)) : List.of();
  }

  /** {@code pg:get_local_members/2}: the members of {@code group} on this node. */
  public List<Pid> localMembers(Object group) {
    return running() ? table.localMembers(GroupTerms.canonical(group)) : List.of();
  }

  /** {@code pg:which_groups/1}: every group with a member anywhere. */
  public List<Object> whichGroups() {
    return running() ? table.groups() : List.of();
  }

  /** {@code pg:which_local_groups/1}: every group with a member on this node. */
  public List<Object> whichLocalGroups() {
    return running() ? table.localGroups() : List.of();
  }

  /** A killed scope cannot clear its table: as its ETS table would be, it is gone with it. */
  private boolean running() {
    return server.pid().isAlive();
  }

  @Override
  public String toString() {
    return "ProcessGroups[" + scope + "]";
  }
}
