package dev.arbor.internal;

import dev.arbor.Down;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Ref;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A monitor: {@code watcher} gets a {@link Down} when the target exits. Besides the target's list of
 * watches, it sits in the watcher's list of monitors it holds, so that a dying watcher can take its
 * monitors off the processes it watched.
 *
 * <p>A small state word settles the race between the target's exit delivering the {@code Down} and
 * the watcher's {@code demonitor}: whichever moves it out of {@code PENDING} first wins, and a
 * {@code demonitor} that loses waits the few instructions until the {@code Down} is in the mailbox,
 * so that none arrives after {@code demonitor} has returned (Erlang's guarantee).
 */
public class Monitor extends Watch {
  private static final int PENDING = 0;
  private static final int DELIVERING = 1;
  private static final int DELIVERED = 2;
  private static final int CANCELLED = 3;
  private static final VarHandle DOWN;

  static {
    try {
      DOWN = MethodHandles.lookup().findVarHandle(Monitor.class, "down", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Process watcher;
  final Ref ref;
  /** The local process watched; null for a {@link RemoteMonitor}. */
  final Process watched;
  Monitor prevHeld;
  Monitor nextHeld;
  boolean held;
  @SuppressWarnings("unused") // through DOWN
  private volatile int down;

  Monitor(Process watcher, Process watched) {
    this.watcher = watcher;
    this.watched = watched;
    this.ref = Secrets.access().newRef(this);
  }

  public Ref ref() {
    return ref;
  }

  @Override
  protected void fire(Process target, ExitReason reason) {
    fireDown(target.pid(), reason);
  }

  /** Delivers the watcher's {@code Down} about {@code pid} unless a {@code demonitor} got there first. */
  final void fireDown(Pid pid, ExitReason reason) {
    Monitors.forgetHeld(watcher, this);
    if (DOWN.compareAndSet(this, PENDING, DELIVERING)) {
      watcher.deliver(new Down(ref, pid, reason));
      down = DELIVERED;
    }
  }

  @Override
  Pid watcherPid() {
    return watcher.pid;
  }

  /** The pid of the monitored process, for {@code Proc.info}; null when a remote name was monitored. */
  Pid targetPid() {
    return watched.pid;
  }

  /**
   * Takes this monitor off its target, for a {@code demonitor} or the watcher's exit; true for the
   * one caller that found it there (the target's exit, or a lost connection, has not taken it).
   */
  boolean unwatch() {
    return watched.removeWatch(this);
  }

  /**
   * Makes sure no {@code Down} arrives after this returns. True when none was or will be delivered;
   * false when it had been (it is in the watcher's mailbox now) or the monitor was already cancelled.
   */
  boolean cancelDown() {
    if (DOWN.compareAndSet(this, PENDING, CANCELLED)) {
      return true;
    }
    int spins = 0;
    while (down == DELIVERING) {
      if (++spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    return false;
  }
}
