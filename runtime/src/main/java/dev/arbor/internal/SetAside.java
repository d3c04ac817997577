package dev.arbor.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * The messages a process's selective receives passed over, oldest first: they wait here, outside
 * the mailbox, for a later receive, which looks here first. Only the process's own thread changes
 * them; any thread may read {@link #count()}. A process gets one the first time a receive passes a
 * message over.
 *
 * <p>The count, with the mailbox's, is Erlang's {@code message_queue_len}, and a message moving from
 * the mailbox to here must never drop out of it: a message is added here (and counted) before it
 * leaves the mailbox, and {@link Process#mailboxDepth()} reads the mailbox before this count. An
 * observer may count a moving message twice for an instant, as any snapshot of a moving queue may;
 * it never misses one the process still holds.
 */
final class SetAside {
  private static final VarHandle COUNT;

  static {
    try {
      COUNT = MethodHandles.lookup().findVarHandle(SetAside.class, "count", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ArrayDeque<Object> passed = new ArrayDeque<>();
  /** What {@link #count()} shows; written with release semantics, after the change it describes. */
  @SuppressWarnings("unused") // through COUNT
  private int count;

  /** How many messages wait here. Any thread. */
  int count() {
    return (int) COUNT.getAcquire(this);
  }

  /** Takes the oldest message that {@code match} accepts (any when null), or null. */
  Object take(Predicate<Object> match) {
    if (passed.isEmpty()) {
      return null; // most receives: no iterator to make
    }
    for (Iterator<Object> it = passed.iterator(); it.hasNext(); ) {
      Object m = it.next();
      if (match == null || match.test(m)) {
        it.remove();
        publish();
        return m;
      }
    }
    return null;
  }

  /** Keeps {@code m}, passed over, after the others. */
  void add(Object m) {
    passed.addLast(m);
    publish();
  }

  /** Drops the message {@link #add} kept last, which the mailbox turned out not to hold any more. */
  void dropLast() {
    passed.removeLast();
    publish();
  }

  private void publish() {
    COUNT.setRelease(this, passed.size());
  }
}
