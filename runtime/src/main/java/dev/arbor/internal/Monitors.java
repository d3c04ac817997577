package dev.arbor.internal;

import dev.arbor.ExitReason;

/**
 * Monitors and other watches. A watch sits in its target's intrusive list (guarded by the target's
 * lock) and a monitor also in its watcher's list of monitors held, so that a dying watcher can take
 * its monitors off the processes it watched. Whoever unlinks a watch from its target's list owns its
 * firing, so each fires at most once.
 */
final class Monitors {
  private Monitors() {}

  static boolean addWatch(Process p, Watch watch) {
    p.lock();
    try {
      if (p.exitReason != null) {
        return false;
      }
      watch.target = p;
      watch.next = p.watches;
      if (p.watches != null) {
        p.watches.prev = watch;
      }
      p.watches = watch;
      return true;
    } finally {
      p.unlock();
    }
  }

  static boolean removeWatch(Process p, Watch watch) {
    p.lock();
    try {
      if (watch.target != p) {
        return false;
      }
      if (watch.prev != null) {
        watch.prev.next = watch.next;
      } else {
        p.watches = watch.next;
      }
      if (watch.next != null) {
        watch.next.prev = watch.prev;
      }
      watch.prev = watch.next = null;
      watch.target = null;
      return true;
    } finally {
      p.unlock();
    }
  }

  /** {@code me} (the current process) starts monitoring the local process {@code target}. */
  static Monitor monitor(Process me, Process target) {
    Monitor m = new Monitor(me, target);
    hold(me, m);
    if (!target.addWatch(m)) {
      m.fire(target, ExitReason.noproc());
    } else if (me.exitReason != null) {
      // We were killed meanwhile; our exit may have missed this monitor.
      target.removeWatch(m);
    }
    return m;
  }

  /** Puts {@code m} in the monitors {@code me} holds; throws if {@code me} has exited. */
  static void hold(Process me, Monitor m) {
    boolean alive;
    me.lock();
    try {
      alive = me.exitReason == null;
      if (alive) {
        m.held = true;
        m.nextHeld = me.held;
        if (me.held != null) {
          me.held.prevHeld = m;
        }
        me.held = m;
      }
    } finally {
      me.unlock();
    }
    if (!alive) {
      me.checkAlive();
    }
  }

  static boolean demonitor(Process me, Monitor m) {
    if (m.watcher != me) {
      return false;
    }
    if (m.unwatch()) {
      forgetHeld(me, m);
      m.cancelDown();
      return true;
    }
    // The target's exit owns the watch now: either its Down is stopped here, or it is in the
    // mailbox when this returns, where the caller may flush it.
    return m.cancelDown();
  }

  static void forgetHeld(Process me, Monitor m) {
    me.lock();
    try {
      if (!m.held) {
        return;
      }
      m.held = false;
      if (m.prevHeld != null) {
        m.prevHeld.nextHeld = m.nextHeld;
      } else {
        me.held = m.nextHeld;
      }
      if (m.nextHeld != null) {
        m.nextHeld.prevHeld = m.prevHeld;
      }
      m.prevHeld = m.nextHeld = null;
    } finally {
      me.unlock();
    }
  }
}
