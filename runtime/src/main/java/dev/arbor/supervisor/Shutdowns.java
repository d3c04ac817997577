package dev.arbor.supervisor;

import dev.arbor.Down;
import dev.arbor.Exit;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.internal.Process;
import dev.arbor.supervisor.ChildSpec.Shutdown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a supervisor stops children, following OTP's {@code shutdown/2}: monitor the child, send it
 * {@code shutdown} (or {@code kill} for brutal kill), wait for its {@code Down} up to the child's
 * timeout, then {@code kill} and wait again. Runs in the supervisor's own process, whose other
 * messages stay queued in order meanwhile.
 */
final class Shutdowns {
  private Shutdowns() {}

  /** Stops one child and returns how it exited. */
  static ExitReason shutdown(Pid pid, Shutdown how) {
    Ref ref = Proc.monitor(pid);
    Proc.exit(pid, how instanceof Shutdown.BrutalKill ? ExitReason.kill() : ExitReason.shutdown());
    Down down = how instanceof Shutdown.Timeout t ? awaitDown(ref, t.timeout().toNanos()) : awaitDown(ref, -1);
    if (down == null) {
      Proc.exit(pid, ExitReason.kill());
      down = awaitDown(ref, -1);
    }
    return unlinkFlush(pid, down.reason());
  }

  /**
   * Stops many children at once, as Elixir's DynamicSupervisor does on shutdown: every child gets its
   * signal first, then the supervisor waits for them all, killing each one whose own timeout passed.
   * Returns how each exited, in the order given.
   */
  static Map<Pid, ExitReason> shutdownAll(List<Pid> pids, List<Shutdown> hows) {
    record Pending(Pid pid, long deadline) {}
    final long never = Long.MIN_VALUE;
    Map<Ref, Pending> pending = new HashMap<>();
    Map<Pid, ExitReason> result = new LinkedHashMap<>();
    long start = System.nanoTime();
    for (int i = 0; i < pids.size(); i++) {
      Pid pid = pids.get(i);
      Shutdown how = hows.get(i);
      result.put(pid, null);
      Ref ref = Proc.monitor(pid);
      Proc.exit(pid, how instanceof Shutdown.BrutalKill ? ExitReason.kill() : ExitReason.shutdown());
      pending.put(ref, new Pending(pid, how instanceof Shutdown.Timeout t ? start + t.timeout().toNanos() : never));
    }
    Process me = Process.current();
    while (!pending.isEmpty()) {
      long next = never;
      for (Pending p : pending.values()) {
        if (p.deadline() != never && (next == never || p.deadline() - next < 0)) {
          next = p.deadline();
        }
      }
      long wait = next == never ? -1 : Math.max(0, next - System.nanoTime());
      Object m = me.receive(x -> x instanceof Down d && pending.containsKey(d.ref()), wait);
      if (m instanceof Down d) {
        Pending p = pending.remove(d.ref());
        result.put(p.pid(), unlinkFlush(p.pid(), d.reason()));
        continue;
      }
      long now = System.nanoTime();
      List<Map.Entry<Ref, Pending>> overdue = new ArrayList<>();
      for (Map.Entry<Ref, Pending> e : pending.entrySet()) {
        if (e.getValue().deadline() != never && now - e.getValue().deadline() >= 0) {
          overdue.add(e);
        }
      }
      for (Map.Entry<Ref, Pending> e : overdue) {
        Proc.exit(e.getValue().pid(), ExitReason.kill());
        e.setValue(new Pending(e.getValue().pid(), never));
      }
    }
    return result;
  }

  /** Whether a child stopped as asked; anything else is reported as a shutdown error (OTP's rules). */
  static boolean expected(ExitReason reason, ChildSpec spec) {
    boolean asked = spec.shutdown() instanceof Shutdown.BrutalKill
        ? reason.kind() == ExitReason.Kind.KILLED
        : reason.equals(ExitReason.shutdown());
    return asked || (spec.restart() != ChildSpec.Restart.PERMANENT && reason.isClean());
  }

  /** Waits for the {@code Down} of {@code ref}: at most {@code nanos}, or forever when negative; null on timeout. */
  private static Down awaitDown(Ref ref, long nanos) {
    return (Down) Process.current().receive(m -> m instanceof Down d && d.ref().equals(ref), nanos);
  }

  /**
   * Drops the link to a child that is gone, and takes its {@code Exit} if it already arrived: that
   * one carries the real reason even when the monitor could only say {@code noproc}. An {@code Exit}
   * still in flight arrives later from a pid that is no longer a child, and is ignored, as in OTP.
   */
  private static ExitReason unlinkFlush(Pid pid, ExitReason fromDown) {
    Proc.unlink(pid);
    Optional<Object> exit = Proc.receive(m -> m instanceof Exit e && e.from().equals(pid), Duration.ZERO);
    return exit.map(m -> ((Exit) m).reason()).orElse(fromDown);
  }
}
