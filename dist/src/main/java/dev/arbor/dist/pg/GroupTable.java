package dev.arbor.dist.pg;

import dev.arbor.Pid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scope's view of its groups, what {@code pg} keeps in its ETS table: for each group every
 * member and the local ones, newest first, a pid once per join. Only the scope's process writes
 * it; any thread reads it without asking the scope, as {@code pg:get_members/2} reads the table.
 * A group whose last member leaves is gone: an empty group and no group are the same.
 */
final class GroupTable {
  /** One group's members; both lists immutable. */
  private record Members(List<Pid> all, List<Pid> local) {}

  private final ConcurrentHashMap<Object, Members> groups = new ConcurrentHashMap<>();

  List<Pid> members(Object group) {
    Members members = groups.get(group);
    return members == null ? List.of() : members.all();
  }

  List<Pid> localMembers(Object group) {
    Members members = groups.get(group);
    return members == null ? List.of() : members.local();
  }

  /** Every group's members: what {@code pg:monitor_scope/1} answers first. */
  Map<Object, List<Pid>> snapshot() {
    Map<Object, List<Pid>> all = new HashMap<>();
    groups.forEach((group, members) -> all.put(group, members.all()));
    return Map.copyOf(all);
  }

  List<Object> groups() {
    return List.copyOf(groups.keySet());
  }

  List<Object> localGroups() {
    List<Object> local = new ArrayList<>();
    for (Map.Entry<Object, Members> entry : groups.entrySet()) {
      if (!entry.getValue().local().isEmpty()) {
        local.add(entry.getKey());
      }
    }
    return List.copyOf(local);
  }

  void joinLocal(Object group, List<Pid> pids) {
    Members members = groups.get(group);
    groups.put(group, members == null ? new Members(pids, pids)
        : new Members(concat(pids, members.all()), concat(pids, members.local())));
  }

  void joinRemote(Object group, List<Pid> pids) {
    Members members = groups.get(group);
    groups.put(group, members == null ? new Members(pids, List.of())
        : new Members(concat(pids, members.all()), members.local()));
  }

  /** Takes one occurrence of each of {@code pids} out of the group; false if it has none. */
  boolean leave(Object group, List<Pid> pids) {
    Members members = groups.get(group);
    if (members == null) {
      return false;
    }
    store(group, minus(members.all(), pids), minus(members.local(), pids));
    return true;
  }

  /** A peer's sync says its members of {@code group} are {@code now}, no longer {@code before}. */
  void replaceRemote(Object group, List<Pid> before, List<Pid> now) {
    Members members = groups.get(group);
    if (members == null) {
      joinRemote(group, now);
    } else {
      store(group, concat(now, minus(members.all(), before)), members.local());
    }
  }

  /** The scope is gone: so are its groups, as its ETS table goes with it. */
  void clear() {
    groups.clear();
  }

  private void store(Object group, List<Pid> all, List<Pid> local) {
    if (all.isEmpty()) {
      groups.remove(group);
    } else {
      groups.put(group, new Members(all, local));
    }
  }

  static List<Pid> concat(List<Pid> first, List<Pid> second) {
    List<Pid> both = new ArrayList<>(first.size() + second.size());
    both.addAll(first);
    both.addAll(second);
    return List.copyOf(both);
  }

  /** Erlang's {@code --}: the first occurrence of each element of {@code remove} goes. */
  static List<Pid> minus(List<Pid> from, List<Pid> remove) {
    List<Pid> left = new ArrayList<>(from);
    for (Pid pid : remove) {
      left.remove(pid);
    }
    return List.copyOf(left);
  }
}
