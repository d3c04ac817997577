package dev.arbor.internal;

import dev.arbor.NodeDown;

/**
 * One {@code Proc.monitorNode(node)} of a local process: a {@link NodeDown} when the connection is
 * lost. Also an exit hook of its watcher, so that a watcher's exit takes it out of the node's index.
 */
final class NodeWatch implements Process.ExitHook {
  final Process watcher;
  final RemoteNode node;

  NodeWatch(Process watcher, RemoteNode node) {
    this.watcher = watcher;
    this.node = node;
  }

  void fire(NodeDown down) {
    watcher.removeExitHook(this);
    watcher.deliver(down);
  }

  @Override
  public void onExit(Process process) {
    node.removeNodeWatch(this);
  }
}
