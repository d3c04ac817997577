package dev.arbor.testkit;

import dev.arbor.Adopted;
import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.ProcessInfo;
import dev.arbor.Ref;
import dev.arbor.observe.Lineage;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit 5 extension behind {@link ArborTest}. Before each test the test thread adopts a process
 * identity ({@link Proc#adopt()}); after it, in this order: the test's supervisor stops everything
 * {@link Testkit#startSupervised} started, newest first; the leak check waits, up to the configured
 * bound, for every process the test started (directly or through processes it started) to exit, and
 * fails the test naming those still alive, which it then kills so later tests start clean; and the
 * identity is released.
 */
public final class ArborExtension implements BeforeEachCallback, AfterEachCallback {
  private static final ThreadLocal<Running> RUNNING = new ThreadLocal<>();
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ArborExtension.class);

  static Running running() {
    Running r = RUNNING.get();
    if (r == null) {
      throw new IllegalStateException(
          "startSupervised needs a test run by ArborExtension (annotate the class with @ArborTest) on the test's own thread");
    }
    return r;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ArborTest config = AnnotationSupport.findAnnotation(context.getElement(), ArborTest.class)
        .or(() -> context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, ArborTest.class)))
        .orElse(null);
    long leakMillis = config == null ? 1000 : config.leakTimeoutMillis();
    boolean checkLeaks = config == null || config.checkLeaks();
    Running r = new Running(Proc.adopt(), Duration.ofMillis(leakMillis), checkLeaks);
    RUNNING.set(r);
    context.getStore(NAMESPACE).put(Running.class, r);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Running r = context.getStore(NAMESPACE).remove(Running.class, Running.class);
    RUNNING.remove();
    if (r == null) {
      return;
    }
    try {
      r.stopSupervised();
      if (r.checkLeaks) {
        r.checkLeaks();
      }
    } finally {
      r.identity.close();
    }
  }

  /** One test's state. */
  static final class Running {
    private final Adopted identity;
    private final Duration leakTimeout;
    private final boolean checkLeaks;
    private Supervisor supervisor;

    Running(Adopted identity, Duration leakTimeout, boolean checkLeaks) {
      this.identity = identity;
      this.leakTimeout = leakTimeout;
      this.checkLeaks = checkLeaks;
    }

    Pid startSupervised(ChildSpec spec) {
      if (supervisor == null) {
        // ExUnit's test supervisor: one-for-one, restarting as often as the test makes it.
        supervisor = Supervisor.start(SupervisorSpec.oneForOne().maxRestarts(1_000_000, Duration.ofSeconds(1)));
      }
      Optional<Pid> pid = supervisor.startChild(spec);
      return pid.orElseThrow(() -> new IllegalStateException("child " + spec.id() + " ignored its start"));
    }

    void stopSupervised(String id) {
      if (supervisor == null) {
        throw new IllegalArgumentException("no child started by startSupervised has id " + id);
      }
      supervisor.terminateChild(id);
      supervisor.deleteChild(id);
    }

    void stopSupervised() {
      if (supervisor != null) {
        Supervisor s = supervisor;
        supervisor = null;
        s.stop();
      }
    }

    void checkLeaks() {
      List<Pid> started = Lineage.startedBy(identity.pid());
      if (started.isEmpty()) {
        return;
      }
      List<Pid> alive = awaitExits(started, leakTimeout);
      if (alive.isEmpty()) {
        return;
      }
      StringBuilder message = new StringBuilder("the test left ").append(alive.size())
          .append(alive.size() == 1 ? " process" : " processes").append(" alive that it started:");
      for (Pid pid : alive) {
        message.append("\n  ").append(describe(pid));
      }
      for (Pid pid : alive) {
        Proc.exit(pid, ExitReason.kill());
      }
      awaitExits(alive, leakTimeout);
      throw new AssertionFailedError(message.toString());
    }

    /** Waits up to {@code timeout} for each of {@code pids} to exit; returns those still alive. */
    private static List<Pid> awaitExits(List<Pid> pids, Duration timeout) {
      Map<Ref, Pid> pending = new HashMap<>();
      for (Pid pid : pids) {
        pending.put(monitor(pid), pid);
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!pending.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        Optional<Object> m = Proc.receive(x -> x instanceof Down d && pending.containsKey(d.ref()), Duration.ofNanos(left));
        if (m.isEmpty()) {
          break;
        }
        pending.remove(((Down) m.get()).ref());
      }
      List<Pid> alive = new ArrayList<>();
      for (Map.Entry<Ref, Pid> e : pending.entrySet()) {
        Proc.demonitor(e.getKey());
        alive.add(e.getValue());
      }
      alive.sort((a, b) -> Long.compare(a.id(), b.id()));
      return alive;
    }

    private static Ref monitor(Pid pid) {
      try {
        return Proc.monitor(pid);
      } catch (ExitException identityDied) {
        // A signal ended the test's identity; the thread takes a fresh one, released with the first.
        return Proc.monitor(pid);
      }
    }

    /**
     * One leaked process as a reader of the failure needs it: what it is (its kind, and its class
     * for a server), its name, what it is doing, and what spawned it, for example {@code <0.7.0>
     * server com.example.Account registered as accounts, waiting, spawned by <0.5.0> (supervisor
     * dev.arbor.supervisor.SupervisorServer)}.
     */
    private String describe(Pid pid) {
      Optional<ProcessInfo> info = Proc.info(pid);
      if (info.isEmpty()) {
        return pid + " (exiting)";
      }
      ProcessInfo i = info.get();
      StringBuilder s = new StringBuilder(pid.toString()).append(' ').append(what(i));
      if (i.name() != null) {
        s.append(" registered as ").append(i.name());
      }
      s.append(", ").append(i.status().name().toLowerCase(Locale.ROOT));
      if (i.currentHandler() != null) {
        s.append(" in ").append(i.currentHandler());
      }
      if (i.mailboxLength() > 0) {
        s.append(", ").append(i.mailboxLength()).append(i.mailboxLength() == 1 ? " message" : " messages")
            .append(" in its mailbox");
      }
      Lineage.spawnedBy(pid).ifPresent(parent -> s.append(", spawned by ").append(parentOf(parent)));
      return s.toString();
    }

    private String parentOf(long id) {
      if (id == identity.pid().id()) {
        return "the test";
      }
      Optional<ProcessInfo> parent = Proc.list().stream().filter(p -> p.id() == id).findFirst().flatMap(Proc::info);
      return parent.map(p -> p.pid() + " (" + what(p) + (p.name() != null ? " " + p.name() : "") + ")")
          .orElse("<0." + id + ".0> (exited)");
    }

    private static String what(ProcessInfo info) {
      String kind = info.kind().name().toLowerCase(Locale.ROOT);
      return info.serverClass() == null ? kind : kind + " " + info.serverClass();
    }
  }
}
