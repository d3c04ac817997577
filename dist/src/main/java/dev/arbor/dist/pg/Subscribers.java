package dev.arbor.dist.pg;

import dev.arbor.Down;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local processes told of a scope's changes, as {@code pg:monitor_scope/1} and {@code
 * pg:monitor/2} (OTP 25.1) keep them. A subscription is the scope's monitor of its subscriber:
 * the monitor's reference names it and tags each {@link GroupChange}, and the subscriber's exit
 * ends it. Used only by the scope's process.
 */
final class Subscribers {
  private final Map<Ref, Pid> scopeWide = new LinkedHashMap<>();
  private final Map<Ref, Object> groupOf = new HashMap<>();
  private final Map<Object, Map<Ref, Pid>> byGroup = new HashMap<>();

  Ref watchScope(Pid subscriber) {
    Ref ref = Proc.monitor(subscriber);
    scopeWide.put(ref, subscriber);
    return ref;
  }

  Ref watchGroup(Pid subscriber, Object group) {
    Ref ref = Proc.monitor(subscriber);
    groupOf.put(ref, group);
    byGroup.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(ref, subscriber);
    return ref;
  }

  /** Ends the subscription {@code ref}; false if there is none. */
  boolean cancel(Ref ref) {
    if (!forget(ref)) {
      return false;
    }
    Proc.demonitor(ref);
    return true;
  }

  /** True when {@code down} was a subscriber's exit, which ends its subscription. */
  boolean down(Down down) {
    return forget(down.ref());
  }

  private boolean forget(Ref ref) {
    if (scopeWide.remove(ref) != null) {
      return true;
    }
    Object group = groupOf.remove(ref);
    if (group == null) {
      return false;
    }
    Map<Ref, Pid> watchers = byGroup.get(group);
    watchers.remove(ref);
    if (watchers.isEmpty()) {
      byGroup.remove(group);
    }
    return true;
  }

  void tell(GroupChange.Kind kind, Object group, List<Pid> pids) {
    if (pids.isEmpty()) {
      return;
    }
    scopeWide.forEach((ref, pid) -> pid.send(new GroupChange(ref, kind, group, pids)));
    byGroup.getOrDefault(group, Map.of())
        .forEach((ref, pid) -> pid.send(new GroupChange(ref, kind, group, pids)));
  }
}
