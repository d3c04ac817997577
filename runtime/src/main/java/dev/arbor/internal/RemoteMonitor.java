package dev.arbor.internal;

import dev.arbor.Pid;

/**
 * A monitor a local process holds on a process of another node, by pid or by registered name. It
 * sits in the watcher's held list like any monitor, and in its {@link RemoteNode}'s index instead of
 * a target's watches; the {@code Down} comes from the peer, or from the connection's loss.
 */
final class RemoteMonitor extends Monitor {
  final RemoteNode node;
  /** The monitored pid; null when a name was monitored. */
  final Pid target;
  /** The monitored name; null when a pid was. */
  final String name;

  RemoteMonitor(Process watcher, RemoteNode node, Pid target, String name) {
    super(watcher, null);
    this.node = node;
    this.target = target;
    this.name = name;
  }

  @Override
  Pid targetPid() {
    return target;
  }

  /** Off the node's index, and a {@code DEMONITOR_P} to the peer, for the one caller that found it there. */
  @Override
  boolean unwatch() {
    if (node == null || !node.removeMonitor(this)) {
      return false;
    }
    if (target != null) {
      node.signal(c -> c.demonitor(watcher.pid, target, ref));
    } else {
      node.signal(c -> c.demonitorName(watcher.pid, name, ref));
    }
    return true;
  }
}
