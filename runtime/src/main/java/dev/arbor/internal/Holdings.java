package dev.arbor.internal;

import java.util.ArrayList;
import java.util.HashSet;

/**
 * What a process holds that its exit releases: its registered name, the timers aimed at it, and the
 * hooks that run when it exits. Each is guarded by the process's lock, and none can be added once it
 * has exited.
 */
final class Holdings {
  private Holdings() {}

  /** Registers {@code name} for {@code p}; false if it exited, with the name left free. */
  static boolean setName(Process p, String newName) {
    p.lock();
    try {
      if (p.exitReason != null) {
        return false;
      }
      if (p.name != null) {
        throw new IllegalArgumentException(p.pid + " is already registered as \"" + p.name + "\"");
      }
      p.name = newName;
      return true;
    } finally {
      p.unlock();
    }
  }

  /** The name {@code p} is registered under, or null. */
  static String name(Process p) {
    p.lock();
    try {
      return p.name;
    } finally {
      p.unlock();
    }
  }

  static boolean clearName(Process p, String oldName) {
    p.lock();
    try {
      if (oldName.equals(p.name)) {
        p.name = null;
        return true;
      }
      return false;
    } finally {
      p.unlock();
    }
  }

  static boolean addTimer(Process p, TimerTask t) {
    p.lock();
    try {
      if (p.exitReason != null) {
        return false;
      }
      if (p.timers == null) {
        p.timers = new HashSet<>(4);
      }
      p.timers.add(t);
      return true;
    } finally {
      p.unlock();
    }
  }

  static void removeTimer(Process p, TimerTask t) {
    p.lock();
    try {
      if (p.timers != null) {
        p.timers.remove(t);
        if (p.timers.isEmpty()) {
          p.timers = null;
        }
      }
    } finally {
      p.unlock();
    }
  }

  static boolean addExitHook(Process p, Process.ExitHook hook) {
    p.lock();
    try {
      if (p.exitReason != null) {
        return false;
      }
      if (p.exitHooks == null) {
        p.exitHooks = new ArrayList<>(2);
      }
      p.exitHooks.add(hook);
      return true;
    } finally {
      p.unlock();
    }
  }

  static void removeExitHook(Process p, Process.ExitHook hook) {
    p.lock();
    try {
      if (p.exitHooks != null) {
        p.exitHooks.remove(hook);
      }
    } finally {
      p.unlock();
    }
  }
}
