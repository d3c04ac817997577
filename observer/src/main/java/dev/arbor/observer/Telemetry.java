package dev.arbor.observer;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.observe.ArborEvents;
import dev.arbor.observe.RuntimeListener;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the observer learns from the runtime's in-process hooks. Restarts and crashes are counted for
 * as long as the observer runs (those hooks fire on exits and restarts only, never on a call). Call
 * timing is different: its hook fires on every call, so it is registered only while the Calls page
 * is open or the overview counts calls ({@link #watchCalls()}), and a call costs nothing extra while
 * nobody watches.
 */
final class Telemetry implements RuntimeListener {
  final LongAdder restarts = new LongAdder();
  final LongAdder crashes = new LongAdder();
  final CallStats calls = new CallStats();

  private final Runnable onRestart;
  private final AtomicInteger callWatchers = new AtomicInteger();
  private final ReentrantLock callRegistration = new ReentrantLock();
  private AutoCloseable callListener;

  /** {@code onRestart} runs after every restart, on the supervisor's thread: it must only wake someone. */
  Telemetry(Runnable onRestart) {
    this.onRestart = onRestart;
  }

  /** This listener counts exits and restarts only: registering it adds nothing to a call. */
  @Override
  public boolean timesCalls() {
    return false;
  }

  @Override
  public void exited(Pid pid, ExitReason reason) {
    if (!reason.isClean()) {
      crashes.increment();
    }
  }

  @Override
  public void restarted(String supervisor, String childId, Pid oldPid, Pid newPid) {
    restarts.increment();
    onRestart.run();
  }

  /** Whether call timing is on now (some page that shows calls is open). */
  boolean watchingCalls() {
    return callWatchers.get() > 0;
  }

  /**
   * Turns call timing on until the returned handle is closed; the first watcher starts it from an
   * empty window, the last one to leave turns it off.
   */
  AutoCloseable watchCalls() {
    callRegistration.lock();
    try {
      if (callWatchers.getAndIncrement() == 0) {
        calls.clear();
        callListener = ArborEvents.addListener(new RuntimeListener() {
          @Override
          public void callFinished(Pid server, String serverClass, String handler, String outcome, long nanos) {
            calls.record(serverClass, handler, nanos);
          }
        });
      }
    } finally {
      callRegistration.unlock();
    }
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (closed.compareAndSet(false, true)) {
        unwatchCalls();
      }
    };
  }

  private void unwatchCalls() {
    callRegistration.lock();
    try {
      if (callWatchers.decrementAndGet() == 0 && callListener != null) {
        try {
          callListener.close();
        } catch (Exception cannotHappen) {
          throw new IllegalStateException(cannotHappen);
        }
        callListener = null;
      }
    } finally {
      callRegistration.unlock();
    }
  }
}
