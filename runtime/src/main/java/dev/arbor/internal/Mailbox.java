package dev.arbor.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A process's mailbox: an unbounded many-producer, single-consumer queue with a state word that lets
 * an idle consumer park and exactly one producer wake it.
 *
 * <p>The queue is Dmitry Vyukov's MPSC linked queue without its stub node: producers swap themselves
 * in at the tail with one atomic exchange and then link the previous node, or, when the tail was
 * null (an empty queue), publish themselves as the head. The consumer owns the head; taking the last
 * node it sets the tail back to null with a compare-and-set (which fails, and it waits for the link,
 * when a producer swapped in behind that node). An empty mailbox holds no node at all, where a stub
 * cost every idle process 24 bytes. It is unpadded on purpose: a million idle processes cannot afford
 * hundreds of bytes of padding each.
 *
 * <p>Wake-up protocol. The consumer publishes {@code PARKED} with a volatile write, then looks at the
 * tail again before it parks. A producer exchanges the tail (a full fence) and then reads the state.
 * In every interleaving either the consumer sees the new tail and does not park, or the producer sees
 * {@code PARKED}; only the producer whose compare-and-set moves {@code PARKED} to {@code WOKEN}
 * unparks it, and the consumer marks itself {@code RUNNING} once it runs again ({@code WOKEN} tells
 * a would-be spinner that the consumer is not on a carrier yet; see {@link Spin}). {@code HIBERNATED} works the same way, except that the winning producer gives the
 * process a new thread instead of unparking the old one.
 */
public class Mailbox {
  static final int RUNNING = 0;
  static final int PARKED = 1;
  static final int HIBERNATED = 2;
  /** Unparked by a producer, not yet back on a carrier: runnable, but not running. */
  static final int WOKEN = 3;

  private static final VarHandle TAIL;
  private static final VarHandle HEAD;
  private static final VarHandle STATE;
  private static final VarHandle NEXT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      TAIL = lookup.findVarHandle(Mailbox.class, "tail", Node.class);
      HEAD = lookup.findVarHandle(Mailbox.class, "head", Node.class);
      STATE = lookup.findVarHandle(Mailbox.class, "state", int.class);
      NEXT = lookup.findVarHandle(Node.class, "next", Node.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** One queued message; the head node is the oldest one not yet taken. */
  static final class Node {
    final Object value;
    volatile Node next;

    Node(Object value) {
      this.value = value;
    }
  }

  /** The newest node, or null when the mailbox is empty. */
  private volatile Node tail;
  /**
   * The oldest node, or null when empty; written by the consumer and by the producer that finds the
   * tail null, so that a null head with a non-null tail is that producer a few instructions from
   * publishing it.
   */
  @SuppressWarnings("unused") // through HEAD
  private Node head;
  private volatile int state;
  /** The consumer's thread, unparked by the producer that wins the wake-up. */
  protected volatile Thread owner;

  public Mailbox() {}

  /** Adds a message; any thread may call it. Wakes the consumer if it is parked or hibernating. */
  public final void offer(Object message) {
    Node node = new Node(message);
    Node previous = (Node) TAIL.getAndSet(this, node);
    if (previous == null) {
      HEAD.setRelease(this, node);
    } else {
      NEXT.setRelease(previous, node);
    }
    if (state != RUNNING) {
      wake();
    }
  }

  /** Wakes the consumer if it is parked (or hibernating); a no-op when it is running. */
  public final void wake() {
    int s = state;
    if (s == PARKED && STATE.compareAndSet(this, PARKED, WOKEN)) {
      LockSupport.unpark(owner);
    } else if (s == HIBERNATED && STATE.compareAndSet(this, HIBERNATED, RUNNING)) {
      resume();
    }
  }

  /** Takes the oldest message, or null when the mailbox is empty. Consumer only. */
  public final Object poll() {
    Node h = oldest();
    if (h == null) {
      return null;
    }
    unlink(h);
    return h.value;
  }

  /**
   * Takes {@code node}, which {@link #oldest()} returned, if it is still the oldest; false if it is
   * not, which happens only when code the consumer ran in between (a receive inside a receive's
   * predicate) took it. Consumer only.
   */
  final boolean take(Node node) {
    if (HEAD.getAcquire(this) != node) {
      return false;
    }
    unlink(node);
    return true;
  }

  /** Removes the head node {@code h}. */
  private void unlink(Node h) {
    Node next = h.next;
    if (next == null) {
      // h looks like the last node. Clear the head first: once the tail is null, the next producer
      // publishes its node as the head, and that write must not be overwritten.
      HEAD.setRelease(this, null);
      if (TAIL.compareAndSet(this, h, null)) {
        return;
      }
      next = awaitLink(h); // a producer swapped in behind h: it is about to link its node
    }
    HEAD.setRelease(this, next);
  }

  /**
   * The oldest message's node, or null when the mailbox is empty; the message stays queued, so it is
   * still counted while the consumer looks at it. When a producer has swapped a null tail but not yet
   * published its node as the head, waits the few instructions until it has. The consumer's, and
   * {@link #size()}'s from any thread for a snapshot.
   */
  final Node oldest() {
    Node h;
    int spins = 0;
    while ((h = (Node) HEAD.getAcquire(this)) == null && tail != null) {
      spins = pause(spins);
    }
    return h;
  }

  private static Node awaitLink(Node h) {
    Node next;
    int spins = 0;
    while ((next = h.next) == null) {
      spins = pause(spins);
    }
    return next;
  }

  private static int pause(int spins) {
    if (++spins < 64) {
      Thread.onSpinWait();
    } else {
      Thread.yield();
    }
    return spins;
  }

  /** Whether the mailbox holds no message. Exact for the consumer; a hint for anyone else. */
  public final boolean isEmpty() {
    return tail == null;
  }

  /**
   * Counts the queued messages by walking the queue; for introspection, not for hot paths. It counts
   * up to the tail it saw first, waiting for a producer that swapped the tail but has not linked its
   * node yet, so that the consumer never sees {@code size() == 0} after {@code isEmpty() == false}.
   * From another thread the figure is a snapshot that may already be stale, and may miss a message
   * whose link is in flight.
   */
  public final int size() {
    Node last = tail;
    if (last == null) {
      return 0;
    }
    Node node = oldest();
    int n = 0;
    while (node != null) {
      n++;
      if (node == last) {
        break;
      }
      node = linkOrEnd(node);
    }
    return n;
  }

  /**
   * The node after {@code node}, or null at the end. The consumer waits for a producer's link in
   * flight, so that its count is exact; another thread does not, because the consumer may have taken
   * {@code node} meanwhile, and its count is a snapshot anyway.
   */
  private Node linkOrEnd(Node node) {
    Node next;
    int spins = 0;
    while ((next = node.next) == null && tail != node) {
      Thread consumer = owner; // read on every turn: a hibernated process gets a consumer on resume
      if (consumer != null && consumer != Thread.currentThread()) {
        return null;
      }
      spins = pause(spins);
    }
    return next;
  }

  /**
   * Publishes that the consumer is about to park. The caller must check {@link #isEmpty()} once more
   * afterwards and park only if it is still empty.
   */
  protected final void announcePark() {
    state = PARKED;
  }

  /** Marks the consumer running again after a park, whether or not a producer woke it. */
  protected final void announceRunning() {
    if (state != RUNNING) {
      state = RUNNING;
    }
  }

  /**
   * Marks the consumer as hibernating: it has released its thread. Returns false, leaving it running,
   * when a message is already waiting.
   */
  protected final boolean announceHibernation() {
    state = HIBERNATED;
    if (!isEmpty() && STATE.compareAndSet(this, HIBERNATED, RUNNING)) {
      return false;
    }
    return true;
  }

  /** True while no thread runs the consumer. */
  protected final boolean isHibernating() {
    return state == HIBERNATED;
  }

  /**
   * Whether the consumer is on a carrier now (running, or about to park), rather than parked or
   * woken and waiting for a carrier: a hint for {@link Spin}, stale as soon as it is read.
   */
  public final boolean isOnCarrier() {
    return state == RUNNING;
  }

  /** Whether the consumer has announced it is parked. */
  protected final boolean isParked() {
    return state == PARKED;
  }

  /**
   * Gives a hibernating consumer a thread again; called by the one producer that won the wake-up.
   * The base mailbox never hibernates.
   */
  protected void resume() {
    throw new IllegalStateException("this mailbox cannot hibernate");
  }

  /** Forgets every queued message; consumer only. */
  protected final void clear() {
    while (poll() != null) {
      // drop
    }
  }
}
