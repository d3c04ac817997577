package dev.arbor.bench.ring;

import java.util.concurrent.locks.LockSupport;

/**
 * The baseline: bare virtual threads in a ring, each with a one-slot volatile inbox; a hop writes the
 * successor's slot and unparks it. No queue, no allocation.
 */
final class VtRing implements Ring {
  private static final int EMPTY = -1;

  private static final class Node {
    volatile int token = EMPTY;
    volatile Thread thread;
    Node next;
  }

  private Node first;
  private volatile Thread main;
  private volatile boolean lapDone;

  @Override
  public void build(int size) {
    Node[] ring = new Node[size];
    for (int i = 0; i < size; i++) {
      ring[i] = new Node();
    }
    for (int i = 0; i < size; i++) {
      Node node = ring[i];
      node.next = ring[(i + 1) % size];
      node.thread = Thread.ofVirtual().start(() -> run(node));
    }
    first = ring[0];
  }

  private void run(Node node) {
    for (; ; ) {
      int token;
      while ((token = node.token) == EMPTY) {
        LockSupport.park();
      }
      node.token = EMPTY;
      if (token == 0) {
        lapDone = true;
        LockSupport.unpark(main);
      } else {
        Node next = node.next;
        next.token = token - 1;
        LockSupport.unpark(next.thread);
      }
    }
  }

  @Override
  public void lap(int hops) {
    lapDone = false;
    main = Thread.currentThread();
    first.token = hops;
    LockSupport.unpark(first.thread);
    while (!lapDone) {
      LockSupport.park();
    }
  }
}
