package dev.arbor.internal;

import dev.arbor.Down;
import dev.arbor.ExitReason;
import dev.arbor.Ref;

/**
 * A monitor: {@code watcher} gets a {@link Down} when the target exits. Besides the target's list of
 * watches, it sits in the watcher's list of monitors it holds, so that a dying watcher can take its
 * monitors off the processes it watched.
 */
public final class Monitor extends Watch {
  final Process watcher;
  final Ref ref;
  final Process watched;
  Monitor prevHeld;
  Monitor nextHeld;
  boolean held;

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
    watcher.forgetHeld(this);
    watcher.deliver(new Down(ref, target.pid(), reason));
  }
}
