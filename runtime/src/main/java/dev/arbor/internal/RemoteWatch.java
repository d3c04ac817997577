package dev.arbor.internal;

import dev.arbor.ExitReason;
import dev.arbor.Pid;

/**
 * A monitor a process of another node holds on a local process: a watch in the local process's list,
 * whose firing sends the {@code Down} back through the connection ({@code MONITOR_P_EXIT}).
 */
final class RemoteWatch extends Watch {
  final RemoteNode node;
  final Pid watcher;
  /** The remote's own reference, as the distribution layer models it. */
  final Object ref;
  final Process local;
  /** The local name the remote monitored, or null when it monitored the pid. */
  final String name;

  RemoteWatch(RemoteNode node, Pid watcher, Object ref, Process local, String name) {
    this.node = node;
    this.watcher = watcher;
    this.ref = ref;
    this.local = local;
    this.name = name;
  }

  @Override
  Pid watcherPid() {
    return watcher;
  }

  @Override
  protected void fire(Process target, ExitReason reason) {
    if (node.removeWatch(this)) {
      sendDown(reason);
    }
  }

  void sendDown(ExitReason reason) {
    if (name == null) {
      node.signal(c -> c.down(local.pid, watcher, ref, reason));
    } else {
      node.signal(c -> c.downName(name, watcher, ref, reason));
    }
  }
}
