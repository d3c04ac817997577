package dev.arbor.internal;

import dev.arbor.ExitReason;
import java.util.HashSet;

/**
 * Links: each side keeps the other in its link set, under its own lock, so that whoever removes an
 * entry owns what follows (the exit signal), and never holds both locks. A link to a process on
 * another node keeps that process's pid in the set; see {@link Remote}.
 */
final class Links {
  private Links() {}

  /** Records a link to {@code other} (a {@link Process}, or a remote pid) unless {@code p} has exited. */
  static boolean add(Process p, Object other) {
    p.lock();
    try {
      if (p.exitReason != null) {
        return false;
      }
      if (p.links == null) {
        p.links = new HashSet<>(4);
      }
      p.links.add(other);
      return true;
    } finally {
      p.unlock();
    }
  }

  /** Removes the link to {@code other}; true only for the one caller that found it there. */
  static boolean remove(Process p, Object other) {
    p.lock();
    try {
      if (p.links == null || !p.links.remove(other)) {
        return false;
      }
      if (p.links.isEmpty()) {
        p.links = null;
      }
      return true;
    } finally {
      p.unlock();
    }
  }

  /** Links a process that has not started yet to its parent, the current process. */
  static void linkAtSpawn(Process child, Process parent) {
    if (!add(parent, child)) {
      child.exit(ExitReason.noproc());
      parent.checkAlive();
      return;
    }
    if (!add(child, parent) && remove(parent, child)) {
      // The child was killed before it ran (its name, or Proc.list, shows it from its creation), and
      // its exit found no link to us: as with Erlang's atomic spawn_link, the parent gets the signal.
      Exits.signal(child.pid, parent, child.exitReason, true);
    }
  }

  /** Links {@code me} (the current process) with {@code other}, both ways. */
  static void link(Process me, Process other) {
    if (other == me) {
      return;
    }
    if (!add(me, other)) {
      me.checkAlive();
    }
    if (!add(other, me)) {
      // Linking to a dead process: Erlang sends the linker an exit signal with reason noproc.
      if (remove(me, other)) {
        Exits.signal(other.pid, me, ExitReason.noproc(), true);
      }
      return;
    }
    ExitReason r = me.exitReason;
    if (r != null && remove(other, me)) {
      // We were killed between the two halves; our exit may have missed the new link.
      Exits.signal(me.pid, other, r, true);
    }
  }

  static void unlink(Process me, Process other) {
    remove(me, other);
    remove(other, me);
  }
}
