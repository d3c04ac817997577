package dev.arbor.server;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.internal.HeldOutput;
import dev.arbor.internal.Process;
import dev.arbor.internal.Spin;
import dev.arbor.internal.Watch;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the answer to one call lands. Replies never pass through the caller's mailbox: the server
 * (or whoever holds a deferred {@link Reply}) completes the slot and unparks the caller. A caller
 * that gives up cancels the slot first, so a late answer finds it cancelled and is dropped; this is
 * how "a late reply never reaches the caller's mailbox" holds without Erlang's aliases.
 *
 * <p>The slot is also a {@link Watch} on the server: if the server exits before answering, its exit
 * completes the slot with the server's reason, which the caller sees as {@link ExitException}.
 */
class CallSlot extends Watch {
  private static final int PENDING = 0;
  private static final int COMPLETING = 1;
  private static final int DONE = 2;
  private static final int CANCELLED = 3;
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(CallSlot.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The calling process. */
  final Process caller;
  private final Thread waiter;
  /** When {@link CallDeadlines} expires the slot, and the next slot on its stripe. */
  long deadline;
  CallSlot nextWaiting;
  private volatile int state;
  private Object value;
  private Throwable failure;
  /** The server's exit reason when the slot was completed by its exit. */
  private ExitReason exitReason;

  CallSlot(Process caller, Thread waiter) {
    this.caller = caller;
    this.waiter = waiter;
  }

  /** Answers with a value; false if the slot was already answered or the caller gave up. */
  final boolean succeed(Object reply) {
    return complete(reply, null, null);
  }

  /** Answers with a failure the caller rethrows. */
  final boolean fail(Throwable t) {
    return complete(null, t, null);
  }

  @Override
  protected final void fire(Process target, ExitReason reason) {
    complete(null, null, reason);
  }

  private boolean complete(Object reply, Throwable t, ExitReason exited) {
    if (!STATE.compareAndSet(this, PENDING, COMPLETING)) {
      return false;
    }
    value = reply;
    failure = t;
    exitReason = exited;
    state = DONE;
    if (exited == null) {
      Process server = target();
      if (server != null) {
        server.removeWatch(this);
      }
    }
    completed();
    return true;
  }

  /** Wakes whoever waits; a blocking call unparks its caller, an async one completes its future. */
  void completed() {
    LockSupport.unpark(waiter);
  }

  /** The calling process: what {@code Server.caller()} and {@code Reply.caller()} give. */
  dev.arbor.Pid callerPid() {
    return caller.pid();
  }

  /** Gives up on the answer; true if it had not come yet (so it never will). */
  final boolean cancel() {
    if (!STATE.compareAndSet(this, PENDING, CANCELLED)) {
      return false;
    }
    Process server = target();
    if (server != null) {
      server.removeWatch(this);
    }
    return true;
  }

  final boolean isPending() {
    return state == PENDING;
  }

  /**
   * Parks the calling thread until the slot is answered or {@code timeoutNanos} pass (forever when
   * negative). Returns true when answered, false on timeout (the slot is then cancelled). Throws
   * when the caller itself is killed meanwhile.
   */
  final boolean await(long timeoutNanos) {
    return await(timeoutNanos, false);
  }

  /**
   * As {@link #await(long)}; when {@code spin}, it first spins a little ({@link Spin}) for an answer
   * that is likely to come at once: the server was running when the call was sent.
   */
  final boolean await(long timeoutNanos, boolean spin) {
    HeldOutput.release(caller); // the call's request may be among what the caller held
    if (spin && Spin.NANOS > 0) {
      long end = Spin.deadline();
      for (int turn = 1; state == PENDING && Spin.again(turn, end); turn++) {
        // a server on another carrier is answering
      }
    }
    boolean registered = false;
    if (timeoutNanos >= 0) {
      deadline = System.nanoTime() + timeoutNanos;
    }
    for (; ; ) {
      int s = state;
      if (s == DONE) {
        return true;
      }
      if (s == COMPLETING) {
        Thread.onSpinWait();
        continue;
      }
      if (s == CANCELLED) {
        return false; // the deadline sweeper expired it
      }
      if (!caller.isAlive()) {
        cancel();
        caller.checkAlive();
      }
      if (timeoutNanos >= 0 && !registered) {
        if (deadline - System.nanoTime() <= 0) {
          if (cancel()) {
            return false;
          }
          continue;
        }
        registered = true;
        CallDeadlines.register(this);
        continue; // look at the state once more before parking
      }
      LockSupport.park(this);
      if (Thread.interrupted() && caller.isAlive() && caller.isAdopted()) {
        cancel();
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CancellationException("interrupted while waiting for a reply");
      }
    }
  }

  /** Called by {@link CallDeadlines} once the deadline has passed: gives up and wakes the caller. */
  final void expire() {
    if (cancel()) {
      LockSupport.unpark(waiter);
    }
  }

  /** The answer, once {@link #await} returned true: the reply, or the failure thrown as is. */
  final Object result(String describeServer, String handler) {
    if (exitReason != null) {
      throw new ExitException(exitReason, exitReason.kind() == ExitReason.Kind.NOPROC
          ? "no process: " + describeServer + " is not alive (calling " + handler + ")"
          : describeServer + " exited with " + exitReason + " during call to " + handler);
    }
    if (failure != null) {
      throw Sneaky.<RuntimeException>rethrow(failure);
    }
    return value;
  }

  Object value() {
    return value;
  }

  Throwable failure() {
    return failure;
  }

  ExitReason exitReason() {
    return exitReason;
  }

  private Process target() {
    return watched;
  }

  /** Set when the slot is added to its server, read when it is removed by an answer or a cancel. */
  Process watched;
}
