package dev.arbor.registry;

import dev.arbor.internal.Process;

/**
 * One registration: a process's entry under a key. Compared by identity, so that a process may hold
 * several equal entries under one duplicate key and each is removed on its own.
 */
final class Slot {
  final Process process;
  final Registry.Entry<Object, Object> entry;

  Slot(Object key, Process process, Object value) {
    this.process = process;
    this.entry = new Registry.Entry<>(key, process.pid(), value);
  }

  Object key() {
    return entry.key();
  }

  /** False from the instant the process exits, before its exit hook has removed this slot. */
  boolean isLive() {
    return process.isAlive();
  }
}
