package dev.arbor.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local node's name and creation, which every local pid carries: Erlang's {@code nonode@nohost}
 * and 0 until a node is started, then the started node's. And the numbers this JVM prints first in
 * remote pids, one per node name.
 */
final class NodeIdentity {
  static final String NO_NODE = "nonode@nohost";

  private record Identity(String name, int creation) {}

  private static volatile Identity current = new Identity(NO_NODE, 0);
  private static final ConcurrentHashMap<String, Integer> CHANNELS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT_CHANNEL = new AtomicInteger();

  private NodeIdentity() {}

  static String name() {
    return current.name;
  }

  static int creation() {
    return current.creation;
  }

  /** Whether {@code node} and {@code creation} are this node's, read at one instant. */
  static boolean isLocal(String node, int creation) {
    Identity now = current;
    return now.creation == creation && now.name.equals(node);
  }

  static void set(String name, int creation) {
    current = new Identity(name, creation);
  }

  static void reset() {
    current = new Identity(NO_NODE, 0);
  }

  /** The number printed first in the pids of {@code node}: given once per name, from 1 up. */
  static int channel(String node) {
    return CHANNELS.computeIfAbsent(node, n -> NEXT_CHANNEL.incrementAndGet());
  }
}
