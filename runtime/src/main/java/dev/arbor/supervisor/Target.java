package dev.arbor.supervisor;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.internal.Process;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.supervisor.Requests.Request;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the public handles share: the supervisor they point at (a pid, or a name resolved at each
 * use), and how to call it. Immutable.
 */
final class Target {
  private final ServerType<SupervisorState, Request> type;
  private final Pid pid;
  private final Name name;

  private Target(ServerType<SupervisorState, Request> type, Pid pid, Name name) {
    this.type = type;
    this.pid = pid;
    this.name = name;
  }

  static Target of(ServerType<SupervisorState, Request> type, Pid pid) {
    Objects.requireNonNull(pid, "pid");
    if (pid.isAlive() && !LiveSupervisors.isSupervisor(pid)) {
      throw new IllegalArgumentException(pid + " is not a supervisor");
    }
    return new Target(type, pid, null);
  }

  static Target of(ServerType<SupervisorState, Request> type, Name name) {
    return new Target(type, null, Objects.requireNonNull(name, "name"));
  }

  /** The supervisor's pid (for a name: the one registered now). */
  Pid pid() {
    if (pid != null) {
      return pid;
    }
    return name.whereis().orElseThrow(() ->
        new ExitException(ExitReason.noproc(), "no process: nothing is registered as " + name));
  }

  /** A server reference to the supervisor, refusing a live process that is some other kind of server. */
  ServerRef<Request> ref() {
    Pid p = pid();
    if (p.isAlive() && !LiveSupervisors.isSupervisor(p)) {
      throw new IllegalArgumentException((name != null ? name + " (" + p + ")" : p) + " is not a supervisor");
    }
    return ServerRef.of(type, p);
  }

  /** Calls the supervisor; a refusal comes back as the exception the caller should see. */
  Object call(String handler, Request request) {
    return Requests.unwrap(ref().call(handler, request));
  }

  void stop(ExitReason reason, Duration timeout) {
    ref().stop(reason, timeout);
  }

  /** Waits until the supervisor has exited (its children stopped); at most {@code nanos}, or forever when negative. */
  boolean awaitTermination(long nanos) throws InterruptedException {
    Pid p;
    try {
      p = pid();
    } catch (ExitException nothingRegistered) {
      return true;
    }
    Process process = Process.of(p);
    CountDownLatch exited = new CountDownLatch(1);
    Process.ExitHook hook = x -> exited.countDown();
    if (process == null || !process.addExitHook(hook)) {
      return true;
    }
    try {
      if (nanos < 0) {
        exited.await();
        return true;
      }
      return exited.await(nanos, TimeUnit.NANOSECONDS);
    } finally {
      process.removeExitHook(hook);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Target t && Objects.equals(pid, t.pid) && Objects.equals(name, t.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pid, name);
  }

  @Override
  public String toString() {
    return name != null ? name.toString() : pid.toString();
  }
}
