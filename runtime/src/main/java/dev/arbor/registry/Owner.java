package dev.arbor.registry;

import dev.arbor.internal.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One process's slots in one registry, and the exit hook that removes them. Elixir links a
 * registrant to the registry's partition for this; an exit hook does it before the process's {@code
 * Down} and exit signals go out, which a link could not.
 *
 * <p>The slots change from two places only: the process's own thread (register, unregister) and its
 * exit, which may run on another thread while the process's thread still runs. The lock orders them,
 * and {@link #retired} makes the exit final: a slot is added under the lock only while the owner is
 * not retired, so every slot that reaches the index is removed by whoever retires the owner. The
 * lock is a {@link ReentrantLock}, never a monitor, so a virtual thread waiting on it is not pinned.
 */
final class Owner implements Process.ExitHook {
  private final Table table;
  final Process process;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayList<Slot> slots = new ArrayList<>(2); // guarded by lock
  private boolean retired; // guarded by lock

  Owner(Table table, Process process) {
    this.table = table;
    this.process = process;
  }

  /**
   * Adds {@code slot} to the index and to this owner. Returns false, adding nothing, when the owner
   * is retired.
   *
   * @throws AlreadyRegisteredException if a live process holds the slot's unique key
   * @throws IllegalStateException if the registry has stopped
   */
  boolean add(Slot slot) {
    lock.lock();
    try {
      if (retired) {
        return false;
      }
      table.checkOpen();
      Slot holder = table.index.add(slot);
      if (holder != null) {
        throw new AlreadyRegisteredException(table.spec.name(), slot.key(), holder.entry.pid());
      }
      slots.add(slot);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Removes every slot under {@code key}; returns whether there was one. Retires the owner once empty. */
  boolean remove(Object key) {
    boolean removed = false;
    boolean emptied;
    lock.lock();
    try {
      if (retired) {
        return false;
      }
      for (int i = slots.size() - 1; i >= 0; i--) {
        Slot s = slots.get(i);
        if (s.key().equals(key)) {
          table.index.remove(s);
          slots.remove(i);
          removed = true;
        }
      }
      emptied = slots.isEmpty();
      retired = emptied; // an owner without slots retires, as Elixir unlinks a process with no keys left
    } finally {
      lock.unlock();
    }
    if (emptied) {
      forget();
    }
    return removed;
  }

  /** Retires an owner left without slots (a refused first registration), as Elixir unlinks then. */
  void retireIfEmpty() {
    boolean emptied;
    lock.lock();
    try {
      emptied = !retired && slots.isEmpty();
      if (emptied) {
        retired = true;
      }
    } finally {
      lock.unlock();
    }
    if (emptied) {
      forget();
    }
  }

  /** The keys this process holds, in registration order. */
  List<Object> keys() {
    lock.lock();
    try {
      List<Object> keys = new ArrayList<>(slots.size());
      for (Slot s : slots) {
        keys.add(s.key());
      }
      return keys;
    } finally {
      lock.unlock();
    }
  }

  /** The process exited: remove its slots before its signals go out. */
  @Override
  public void onExit(Process exited) {
    List<Slot> mine = retire();
    if (mine != null) {
      table.forget(this);
      for (Slot s : mine) {
        table.index.remove(s);
      }
    }
  }

  /** The registry stopped: retire without touching the index (the table clears it); true if was active. */
  boolean retireForClose() {
    if (retire() == null) {
      return false;
    }
    process.removeExitHook(this);
    return true;
  }

  /** Retires this owner; returns its slots, or null if it was retired already. */
  private List<Slot> retire() {
    lock.lock();
    try {
      if (retired) {
        return null;
      }
      retired = true;
      List<Slot> mine = new ArrayList<>(slots);
      slots.clear();
      return mine;
    } finally {
      lock.unlock();
    }
  }

  private void forget() {
    table.forget(this);
    process.removeExitHook(this);
  }
}
