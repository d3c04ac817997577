package dev.arbor.internal;

import dev.arbor.Pid;

/**
 * What a pid of another node points at: the node's name and creation, and the pid itself, so that a
 * send to it can name its destination to the distribution layer.
 */
final class RemoteAddress implements Endpoint {
  private final String node;
  private final int creation;
  private final int channel;
  /** Set once, by {@link Remote#pid}, right after the pid that points here is made. */
  Pid pid;

  RemoteAddress(String node, int creation) {
    this.node = node;
    this.creation = creation;
    this.channel = NodeIdentity.channel(node);
  }

  @Override
  public void send(Object message) {
    Remote.send(Process.currentIfAny(), pid, message);
  }

  @Override
  public boolean isAlive() {
    throw new IllegalArgumentException(pid + " is a process on " + node + "; only a local process can be asked");
  }

  @Override
  public boolean isLocal() {
    return false;
  }

  @Override
  public String node() {
    return node;
  }

  @Override
  public int creation() {
    return creation;
  }

  @Override
  public int channel() {
    return channel;
  }
}
