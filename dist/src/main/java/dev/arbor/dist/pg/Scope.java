package dev.arbor.dist.pg;

import dev.arbor.Down;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.dist.Node;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scope's state and its side of {@code pg}'s protocol ({@code lib/kernel/src/pg.erl}), run
 * only by the scope's process. Peers are the processes registered under the same scope name on
 * other nodes; they exchange:
 *
 * <ul>
 *   <li>{@code {discover, Peer}}: sent to {@code {Scope, Node}} when this scope starts (to every
 *       connected node) and when a node comes up. The answer is a {@code gen_server} cast {@code
 *       {sync, Self, [{Group, [Pid]}]}} of all local members; a peer not known yet is monitored
 *       and sent {@code {discover, Self}} in turn, so both sides end up syncing each other.
 *   <li>{@code {join, Peer, Group, PidOrPids}} and {@code {leave, Peer, PidOrPids, [Group]}}: every
 *       local change, sent to each known peer. A peer's processes are never monitored from here:
 *       its scope sends {@code leave} when one exits.
 *   <li>The monitor of each peer scope: when it fires (the scope stopped, or {@code noconnection}
 *       when its node went away), all of that peer's members leave at once.
 * </ul>
 *
 * <p>Messages from a scope this one does not know (not discovered, or already down) are ignored,
 * as {@code pg} ignores them: they are late, or from outside the overlay network.
 */
final class Scope {
  static final Atom DISCOVER = Atom.of("discover");
  static final Atom SYNC = Atom.of("sync");
  static final Atom JOIN = Atom.of("join");
  static final Atom LEAVE = Atom.of("leave");
  static final Atom GEN_CAST = Atom.of("$gen_cast");

  /** A local member: its monitor, and the groups it joined, newest first, once per join. */
  private record Member(Ref monitor, List<Object> groups) {}

  /** A peer scope: its monitor, and its members as it told us, for sync and for its Down. */
  private record Peer(Ref monitor, Map<Object, List<Pid>> groups) {}

  private final String name;
  private final Node node;
  private final GroupTable table;
  private final Map<Pid, Member> local = new HashMap<>();
  private final Map<Pid, Peer> peers = new HashMap<>();
  private final Subscribers subscribers = new Subscribers();
  private Pid self;

  Scope(String name, Node node, GroupTable table) {
    this.name = name;
    this.node = node;
    this.table = table;
  }

  /** As {@code pg:init/1}: watch nodes first, so no node can come up unseen between the two. */
  void start() {
    self = Proc.self();
    node.monitorNodes();
    for (String other : node.connectedNodes()) {
      Proc.send(Name.remote(name, other), Tuple.of(DISCOVER, self));
    }
  }

  void stop() {
    node.demonitorNodes();
    table.clear();
  }

  // ------------------------------------------------------------------ local members

  void join(Object group, List<Pid> pids) {
    if (pids.isEmpty()) {
      return; // pg would store the group with no member: an empty group that which_groups lists
    }
    for (Pid pid : pids) {
      Member member = local.get(pid);
      if (member == null) {
        member = new Member(Proc.monitor(pid), new ArrayList<>());
        local.put(pid, member);
      }
      member.groups().addFirst(group);
    }
    table.joinLocal(group, pids);
    subscribers.tell(GroupChange.Kind.JOIN, group, pids);
    broadcast(Tuple.of(JOIN, self, group, wire(pids)));
  }

  /** False when none of {@code pids} was a member ({@code pg}'s {@code not_joined}). */
  boolean leave(Object group, List<Pid> pids) {
    boolean left = false;
    for (Pid pid : pids) {
      Member member = local.get(pid);
      if (member != null && member.groups().remove(group)) {
        left = true;
        if (member.groups().isEmpty()) {
          Proc.demonitor(member.monitor());
          local.remove(pid);
        }
      }
    }
    if (left) {
      leaveTable(group, pids);
      broadcast(Tuple.of(LEAVE, self, wire(pids), List.of(group)));
    }
    return left;
  }

  /** A monitor fired: a local member or a subscriber exited, or a peer scope went away. */
  void down(Down down) {
    if (subscribers.down(down)) {
      return;
    }
    Member member = local.get(down.pid());
    if (member != null && member.monitor().equals(down.ref())) {
      local.remove(down.pid());
      for (Object group : member.groups()) {
        leaveTable(group, List.of(down.pid()));
      }
      broadcast(Tuple.of(LEAVE, self, down.pid(), List.copyOf(member.groups())));
      return;
    }
    Peer peer = peers.get(down.pid());
    if (peer != null && peer.monitor().equals(down.ref())) {
      peers.remove(down.pid());
      peer.groups().forEach(this::leaveTable);
    }
  }

  // ------------------------------------------------------------------ peers

  void nodeUp(String other) {
    Proc.send(Name.remote(name, other), Tuple.of(DISCOVER, self));
  }

  /** {@code {discover, Peer}}: tell it our members; and if it is new, watch it and ask for its. */
  void discover(Pid peer) {
    Proc.send(peer, Tuple.of(GEN_CAST, Tuple.of(SYNC, self, localGroups())));
    if (!peers.containsKey(peer)) {
      peers.put(peer, new Peer(Proc.monitor(peer), new HashMap<>()));
      Proc.send(peer, Tuple.of(DISCOVER, self));
    }
  }

  /** {@code {sync, Peer, Groups}}: {@code groups} is all the peer has now; it replaces what we knew. */
  void sync(Pid peer, List<Map.Entry<Object, List<Pid>>> groups) {
    Peer known = peers.get(peer);
    Ref monitor = known != null ? known.monitor() : Proc.monitor(peer);
    Map<Object, List<Pid>> before = new HashMap<>(known != null ? known.groups() : Map.of());
    Map<Object, List<Pid>> now = new HashMap<>();
    for (Map.Entry<Object, List<Pid>> group : groups) {
      List<Pid> old = before.remove(group.getKey());
      if (old == null) {
        joinRemoteTable(group.getKey(), group.getValue());
      } else if (!old.equals(group.getValue())) {
        table.replaceRemote(group.getKey(), old, group.getValue());
      }
      now.put(group.getKey(), group.getValue());
    }
    before.forEach(this::leaveTable); // groups the peer no longer has
    peers.put(peer, new Peer(monitor, now));
  }

  void remoteJoin(Pid peer, Object group, List<Pid> pids) {
    Peer known = peers.get(peer);
    if (known != null && !pids.isEmpty()) {
      joinRemoteTable(group, pids);
      known.groups().merge(group, pids, (old, added) -> GroupTable.concat(added, old));
    }
  }

  void remoteLeave(Pid peer, List<Pid> pids, List<Object> groups) {
    Peer known = peers.get(peer);
    if (known == null) {
      return;
    }
    for (Object group : groups) {
      leaveTable(group, pids);
      List<Pid> old = known.groups().get(group);
      if (old != null) {
        List<Pid> left = GroupTable.minus(old, pids);
        if (left.isEmpty()) {
          known.groups().remove(group);
        } else {
          known.groups().put(group, left);
        }
      }
    }
  }

  // ------------------------------------------------------------------ subscribers

  /** {@code pg:monitor_scope/1}: every group's members now, and every change from now on. */
  ProcessGroups.ScopeMonitor monitorScope(Pid subscriber) {
    return new ProcessGroups.ScopeMonitor(subscribers.watchScope(subscriber), table.snapshot());
  }

  /** {@code pg:monitor/2}: the group's members now, and its every change from now on. */
  ProcessGroups.GroupMonitor monitor(Pid subscriber, Object group) {
    return new ProcessGroups.GroupMonitor(subscribers.watchGroup(subscriber, group),
        table.members(group));
  }

  boolean demonitor(Ref ref) {
    return subscribers.cancel(ref);
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Changes of the table that subscribers hear of, as {@code pg} notifies in its ETS updates. A
   * sync that changes a group the peer already had is not told, as in {@code pg}.
   */
  private void joinRemoteTable(Object group, List<Pid> pids) {
    table.joinRemote(group, pids);
    subscribers.tell(GroupChange.Kind.JOIN, group, pids);
  }

  private void leaveTable(Object group, List<Pid> pids) {
    if (table.leave(group, pids)) {
      subscribers.tell(GroupChange.Kind.LEAVE, group, pids);
    }
  }

  /** Every local member by group, each pid once per join: what a sync tells a peer. */
  private List<Tuple> localGroups() {
    Map<Object, List<Pid>> byGroup = new LinkedHashMap<>();
    local.forEach((pid, member) -> {
      for (Object group : member.groups()) {
        byGroup.computeIfAbsent(group, g -> new ArrayList<>()).addFirst(pid);
      }
    });
    List<Tuple> groups = new ArrayList<>(byGroup.size());
    byGroup.forEach((group, pids) -> groups.add(Tuple.of(group, List.copyOf(pids))));
    return groups;
  }

  private void broadcast(Tuple message) {
    for (Pid peer : peers.keySet()) {
      Proc.send(peer, message);
    }
  }

  /** One pid goes as a pid, several as a list: both are what {@code pg} sends and accepts. */
  private static Object wire(List<Pid> pids) {
    return pids.size() == 1 ? pids.getFirst() : pids;
  }
}
