package dev.arbor.supervisor;

import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.observe.ArborEvents;
import dev.arbor.server.Server;
import dev.arbor.supervisor.ChildSpec.Restart;
import dev.arbor.supervisor.Requests.CountChildren;
import dev.arbor.supervisor.Requests.DeleteChild;
import dev.arbor.supervisor.Requests.Describe;
import dev.arbor.supervisor.Requests.Refused;
import dev.arbor.supervisor.Requests.Request;
import dev.arbor.supervisor.Requests.RestartChild;
import dev.arbor.supervisor.Requests.StartChild;
import dev.arbor.supervisor.Requests.StartFailed;
import dev.arbor.supervisor.Requests.Subscribe;
import dev.arbor.supervisor.Requests.TerminateChild;
import dev.arbor.supervisor.Requests.TerminatePid;
import dev.arbor.supervisor.Requests.TryAgain;
import dev.arbor.supervisor.Requests.Unsubscribe;
import dev.arbor.supervisor.Requests.WhichChildren;
import dev.arbor.supervisor.SupervisorEvent.AutoShutdownTriggered;
import dev.arbor.supervisor.SupervisorEvent.ChildExited;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import dev.arbor.supervisor.SupervisorEvent.ChildStartFailed;
import dev.arbor.supervisor.SupervisorEvent.ChildStarted;
import dev.arbor.supervisor.SupervisorEvent.ChildTerminated;
import dev.arbor.supervisor.SupervisorEvent.IntensityExceeded;
import dev.arbor.supervisor.SupervisorEvent.ShuttingDown;
import dev.arbor.supervisor.SupervisorSpec.AutoShutdown;
import dev.arbor.supervisor.SupervisorSpec.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state and the decisions of one supervisor (static or dynamic), as OTP's {@code supervisor}
 * module keeps them: children in start order, restart decisions by restart type and strategy, the
 * restart intensity, auto-shutdown, and the admin requests. Everything here runs in the supervisor's
 * own process, one message at a time, so nothing is shared and nothing is locked.
 */
final class SupervisorState {
  private final boolean dynamic;
  private final Strategy strategy;
  private final AutoShutdown autoShutdown;
  private final int maxRestarts;
  private final Duration period;
  private final int maxChildren;
  private final List<ChildSpec> initialChildren;
  private final boolean topLevel;
  private final Name name;
  private final RestartIntensity intensity;

  /** In start order; a restart keeps a child's place. */
  private final LinkedHashSet<Child> children = new LinkedHashSet<>();
  private final Map<Pid, Child> byPid = new HashMap<>();
  private final Subscribers subscribers = new Subscribers();
  private Pid self;
  private SupervisorReports reports;
  /** The supervisor as messages name it: "supervisor <0.2.0> (shop)". */
  private String label;

  private SupervisorState(boolean dynamic, Strategy strategy, AutoShutdown autoShutdown, int maxRestarts,
      Duration period, int maxChildren, List<ChildSpec> initialChildren, boolean topLevel, Name name) {
    this.dynamic = dynamic;
    this.strategy = strategy;
    this.autoShutdown = autoShutdown;
    this.maxRestarts = maxRestarts;
    this.period = period;
    this.maxChildren = maxChildren;
    this.initialChildren = initialChildren;
    this.topLevel = topLevel;
    this.name = name;
    this.intensity = new RestartIntensity(maxRestarts, period);
  }

  static SupervisorState of(SupervisorSpec spec, boolean topLevel) {
    return new SupervisorState(false, spec.strategy(), spec.autoShutdown(), spec.maxRestarts(), spec.period(),
        Integer.MAX_VALUE, spec.children(), topLevel, spec.name());
  }

  static SupervisorState of(DynamicSupervisorSpec spec, boolean topLevel) {
    return new SupervisorState(true, Strategy.ONE_FOR_ONE, AutoShutdown.NEVER, spec.maxRestarts(), spec.period(),
        spec.maxChildren(), List.of(), topLevel, spec.name());
  }

  // ------------------------------------------------------------------ start

  /** Starts the children in order; if one fails, stops those already started, newest first, and throws. */
  void init() {
    self = Proc.self();
    reports = new SupervisorReports(dynamic, self, name);
    label = reports.label;
    LiveSupervisors.register(dynamic, topLevel);
    for (ChildSpec spec : initialChildren) {
      Child child = new Child(spec);
      children.add(child);
      Outcome started = start(spec);
      if (started.failure() != null) {
        children.remove(child);
        reports.startFailed(child, started.failure());
        stopInReverse();
        throw new ChildStartFailure(label + " could not start child \"" + spec.id() + "\": " + started.failure(),
            started.failure());
      }
      place(child, started.pid());
    }
  }

  private record Outcome(Pid pid, Throwable failure) {}

  /** Runs a child's start function in this process; a null pid means the child chose to ignore the start. */
  private Outcome start(ChildSpec spec) {
    Optional<Pid> started;
    try {
      started = spec.start().start();
    } catch (Throwable t) {
      // If this supervisor was killed meanwhile, unwind now rather than report the child. Otherwise a
      // ProcessExit is Proc.exit(reason) in the start function: OTP's supervisor catches that as a
      // failed start too.
      Proc.self();
      return new Outcome(null, t);
    }
    if (started == null) {
      return new Outcome(null, new NullPointerException("the start function of child \"" + spec.id()
          + "\" returned null; return Optional.empty() to ignore the start"));
    }
    return new Outcome(started.orElse(null), null);
  }

  /** Records a started child; an ignored one is kept without a pid, unless it is temporary (OTP) or dynamic (Elixir). */
  private void place(Child child, Pid pid) {
    child.restarting = false;
    child.pidBeforeRestart = null;
    if (pid != null) {
      child.pid = pid;
      byPid.put(pid, child);
    } else if (dynamic || child.isTemporary()) {
      children.remove(child);
    }
  }

  // ------------------------------------------------------------------ exits and restarts

  /** A linked process exited. */
  void childExited(Exit exit) {
    Child child = byPid.remove(exit.from());
    if (child == null) {
      // Not a child now: a late Exit from one this supervisor already stopped, or from some other
      // linked process. OTP ignores both.
      return;
    }
    Pid old = child.pid;
    child.pid = null;
    ExitReason reason = exit.reason();
    subscribers.publish(new ChildExited(self, child.id(), old, reason));
    Restart restart = child.spec.restart();
    boolean abnormal = !reason.isClean();
    if (restart == Restart.PERMANENT || abnormal) {
      reports.childExited(child, old, reason);
    }
    if (restart == Restart.PERMANENT || (restart == Restart.TRANSIENT && abnormal)) {
      restart(child, old);
      return;
    }
    forget(child);
    maybeAutoShutdown(child);
  }

  /** A restart failed earlier and queued a retry. */
  void tryAgain(TryAgain retry) {
    Child child = retry.child();
    if (child.restarting && children.contains(child)) { // else stopped, deleted or restarted meanwhile
      restart(child, child.pidBeforeRestart);
    }
  }

  private void restart(Child child, Pid oldPid) {
    if (!intensity.add()) {
      child.restarting = false;
      reports.intensityExceeded(child, maxRestarts, period);
      subscribers.publish(new IntensityExceeded(self, child.id(), maxRestarts, period));
      ArborEvents.supervisorGaveUp(self, child.id(), maxRestarts, period);
      Server.stopSelf(ExitReason.shutdown()); // terminate() then stops the others, newest first
      return;
    }
    List<Child> group = new ArrayList<>();
    switch (strategy) {
      case ONE_FOR_ONE -> group.add(child);
      case ONE_FOR_ALL -> group.addAll(children);
      case REST_FOR_ONE -> {
        boolean from = false;
        for (Child c : children) {
          from |= c == child;
          if (from) {
            group.add(c);
          }
        }
      }
    }
    restartGroup(child, oldPid, group);
  }

  /**
   * Stops {@code group} (except {@code failed}, already gone) newest first, then starts it again in
   * start order. A start that fails leaves that child and those after it stopped, and queues a retry.
   */
  private void restartGroup(Child failed, Pid failedOldPid, List<Child> group) {
    Map<Child, Pid> oldPids = new IdentityHashMap<>();
    oldPids.put(failed, failedOldPid);
    for (int i = group.size() - 1; i >= 0; i--) {
      Child sibling = group.get(i);
      if (sibling == failed) {
        continue;
      }
      oldPids.put(sibling, sibling.pid != null ? sibling.pid : sibling.pidBeforeRestart);
      sibling.restarting = false;
      stopChild(sibling);
      if (sibling.isTemporary()) {
        // A temporary child is never restarted, even when a sibling's exit stopped it (OTP).
        children.remove(sibling);
        group.remove(i);
      }
    }
    for (int i = 0; i < group.size(); i++) {
      Child c = group.get(i);
      Outcome started = start(c.spec);
      if (started.failure() != null) {
        c.restarting = true;
        for (Child waiting : group.subList(i, group.size())) {
          waiting.pidBeforeRestart = oldPids.get(waiting); // so the retry's events still name them
        }
        reports.startFailed(c, started.failure());
        subscribers.publish(new ChildStartFailed(self, c.id(), started.failure()));
        // Retry after what is already queued, so that a stop request or an admin call can get in first.
        Proc.send(self, new TryAgain(c));
        return;
      }
      place(c, started.pid());
      c.restarted();
      reports.restarted(c, oldPids.get(c), started.pid());
      subscribers.publish(new ChildRestarted(self, c.id(), oldPids.get(c), started.pid()));
    }
  }

  /** A child that exited and stays down: a temporary or dynamic one is forgotten, any other kept without a pid. */
  private void forget(Child child) {
    if (dynamic || child.isTemporary()) {
      children.remove(child);
    }
  }

  private void maybeAutoShutdown(Child child) {
    if (!child.spec.significant() || autoShutdown == AutoShutdown.NEVER) {
      return;
    }
    if (autoShutdown == AutoShutdown.ALL_SIGNIFICANT) {
      for (Child c : children) {
        if (c.spec.significant() && (c.pid != null || c.restarting)) {
          return;
        }
      }
    }
    reports.autoShutdown(child);
    subscribers.publish(new AutoShutdownTriggered(self, child.id()));
    Server.stopSelf(ExitReason.shutdown());
  }

  // ------------------------------------------------------------------ stopping children

  private void stopChild(Child child) {
    Pid pid = child.pid;
    if (pid == null) {
      return;
    }
    byPid.remove(pid);
    child.pid = null;
    stopped(child, pid, Shutdowns.shutdown(pid, child.spec.shutdown()));
  }

  private void stopped(Child child, Pid pid, ExitReason reason) {
    if (!Shutdowns.expected(reason, child.spec)) {
      reports.shutdownError(child, pid, reason);
    }
    subscribers.publish(new ChildTerminated(self, child.id(), pid, reason));
  }

  private void stopInReverse() {
    List<Child> order = new ArrayList<>(children);
    for (int i = order.size() - 1; i >= 0; i--) {
      stopChild(order.get(i));
    }
  }

  /** A dynamic supervisor's children stop all at once (Elixir): there may be many, and no order among them. */
  private void stopAllAtOnce() {
    List<Child> running = new ArrayList<>();
    List<Pid> pids = new ArrayList<>();
    List<ChildSpec.Shutdown> hows = new ArrayList<>();
    for (Child c : children) {
      if (c.pid != null) {
        running.add(c);
        pids.add(c.pid);
        hows.add(c.spec.shutdown());
        byPid.remove(c.pid);
        c.pid = null;
      }
    }
    Map<Pid, ExitReason> reasons = Shutdowns.shutdownAll(pids, hows);
    for (int i = 0; i < running.size(); i++) {
      stopped(running.get(i), pids.get(i), reasons.get(pids.get(i)));
    }
  }

  /** The supervisor is stopping (asked to, its parent stopped, or it gave up): stop every child. */
  void terminate(ExitReason reason) {
    if (self == null) {
      return; // init never ran
    }
    reports.shuttingDown(reason, byPid.size());
    subscribers.publish(new ShuttingDown(self, reason));
    if (dynamic) {
      stopAllAtOnce();
    } else {
      stopInReverse();
    }
  }

  // ------------------------------------------------------------------ admin requests

  Object handle(Request request) {
    return switch (request) {
      case WhichChildren w -> children.stream().map(Child::info).toList();
      case CountChildren c -> count();
      case Describe d -> SupervisorSnapshot.of(self, dynamic, strategy, maxRestarts, period, children);
      case StartChild s -> startChild(s.spec());
      case TerminateChild t -> terminateChild(t.id());
      case TerminatePid t -> terminatePid(t.pid());
      case RestartChild r -> restartChild(r.id());
      case DeleteChild d -> deleteChild(d.id());
      case Subscribe s -> {
        subscribers.add(s.pid());
        yield null;
      }
      case Unsubscribe u -> {
        subscribers.remove(u.pid());
        yield null;
      }
    };
  }

  private ChildCounts count() {
    int active = 0;
    int supervisors = 0;
    for (Child c : children) {
      if (c.pid != null && c.pid.isAlive()) {
        active++;
      }
      if (c.spec.type() == ChildSpec.Type.SUPERVISOR) {
        supervisors++;
      }
    }
    return new ChildCounts(children.size(), active, supervisors, children.size() - supervisors);
  }

  private Object startChild(ChildSpec spec) {
    String problem = dynamic ? ChildSpecs.dynamicProblem(spec) : ChildSpecs.problem(spec, autoShutdown);
    if (problem != null) {
      return Refused.badArgument(problem);
    }
    if (dynamic) {
      if (children.size() >= maxChildren) {
        return Refused.conflict(label + " already has its maximum of " + maxChildren + " children; child \""
            + spec.id() + "\" was not started");
      }
    } else {
      Child existing = find(spec.id());
      if (existing != null) {
        return Refused.conflict(existing.pid != null
            ? "child \"" + spec.id() + "\" is already started as " + existing.pid + " in " + label
            : existing.restarting
                ? "child \"" + spec.id() + "\" of " + label + " is restarting"
                : "child \"" + spec.id() + "\" is already present in " + label + "; restartChild or deleteChild it");
      }
    }
    Outcome started = start(spec);
    if (started.failure() != null) {
      subscribers.publish(new ChildStartFailed(self, spec.id(), started.failure()));
      return new StartFailed(label + " could not start child \"" + spec.id() + "\": " + started.failure(),
          started.failure());
    }
    Child child = new Child(spec);
    children.add(child);
    place(child, started.pid());
    if (started.pid() == null) {
      return Optional.empty();
    }
    subscribers.publish(new ChildStarted(self, spec.id(), started.pid()));
    return Optional.of(started.pid());
  }

  private Object terminateChild(String id) {
    if (dynamic) {
      return Refused.conflict(label + " stops children by pid, not by id (\"" + id + "\")");
    }
    Child child = find(id);
    if (child == null) {
      return notFound(id);
    }
    child.restarting = false; // a queued retry now finds nothing to do (OTP: pid undefined)
    child.pidBeforeRestart = null;
    stopChild(child);
    if (child.isTemporary()) {
      children.remove(child);
    }
    return null;
  }

  private Object terminatePid(Pid pid) {
    Child child = byPid.get(pid);
    if (child == null) {
      child = restartingFrom(pid);
    }
    if (child == null) {
      return Refused.badArgument(pid + " is not a child of " + label);
    }
    child.restarting = false; // its queued retry now finds nothing to do
    child.pidBeforeRestart = null;
    stopChild(child);
    forget(child);
    return null;
  }

  /**
   * The child whose restart failed after {@code pid} exited. Elixir keeps such a child under its old
   * pid, so that {@code terminate_child(sup, old_pid)} is the way to stop the retries.
   */
  private Child restartingFrom(Pid pid) {
    for (Child c : children) {
      if (c.restarting && pid.equals(c.pidBeforeRestart)) {
        return c;
      }
    }
    return null;
  }

  private Object restartChild(String id) {
    if (dynamic) {
      return Refused.conflict(label + " cannot restart a child by id (\"" + id + "\"); start a new one");
    }
    Child child = find(id);
    if (child == null) {
      return notFound(id);
    }
    if (child.restarting) {
      return Refused.conflict("child \"" + id + "\" of " + label + " is restarting");
    }
    if (child.pid != null) {
      return Refused.conflict("child \"" + id + "\" of " + label + " is running as " + child.pid);
    }
    Outcome started = start(child.spec);
    if (started.failure() != null) {
      subscribers.publish(new ChildStartFailed(self, id, started.failure()));
      return new StartFailed(label + " could not restart child \"" + id + "\": " + started.failure(),
          started.failure());
    }
    place(child, started.pid());
    if (started.pid() == null) {
      return Optional.empty();
    }
    subscribers.publish(new ChildStarted(self, id, started.pid()));
    return Optional.of(started.pid());
  }

  private Object deleteChild(String id) {
    if (dynamic) {
      return Refused.conflict(label + " has no child specs to delete (\"" + id + "\"); terminate the child instead");
    }
    Child child = find(id);
    if (child == null) {
      return notFound(id);
    }
    if (child.restarting || child.pid != null) {
      return Refused.conflict("child \"" + id + "\" of " + label + " is "
          + (child.restarting ? "restarting" : "running as " + child.pid) + "; terminateChild it first");
    }
    children.remove(child);
    return null;
  }

  private Refused notFound(String id) {
    return Refused.badArgument(label + " has no child \"" + id + "\"");
  }

  private Child find(String id) {
    for (Child c : children) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return label + " " + (dynamic ? "dynamic" : strategy) + " " + children;
  }
}
