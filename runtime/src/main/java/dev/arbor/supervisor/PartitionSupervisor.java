package dev.arbor.supervisor;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Partitioned;
import dev.arbor.Pid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Elixir's PartitionSupervisor: N independent copies ("partitions") of one child under a one-for-one
 * supervisor, so that a process that would be a bottleneck can be split by key. {@link #pidFor(Object)}
 * routes a key to its partition, always the same one; {@link Name#partition(PartitionSupervisor,
 * Object)} does the same for a generated client's {@code of(Name)}.
 *
 * <p>Routing reads a table the children's start functions fill in as they (re)start, so a lookup
 * never passes through the supervisor's process.
 *
 * <p>Standalone, {@link #start} returns a running one. In a supervision tree, make the handle first
 * and give its child spec to the parent, as Elixir's {@code {PartitionSupervisor, child_spec: ...,
 * name: ...}} does; the handle then routes to whichever run the parent last started:
 *
 * <pre>{@code
 * PartitionSupervisor counters = PartitionSupervisor.unstarted(4, i -> CounterClient.childSpec(0));
 * Supervisor.start(SupervisorSpec.oneForOne().child(counters.childSpec("counters")));
 * CounterClient.of(Name.partition(counters, userId)).increment();
 * }</pre>
 */
public final class PartitionSupervisor implements Partitioned {
  private final IntFunction<ChildSpec> childSpec;
  private final AtomicReferenceArray<Pid> table;
  /** The supervisor of the current run; a parent's restart replaces it. Null before the first start. */
  private volatile Supervisor supervisor;

  private PartitionSupervisor(int partitions, IntFunction<ChildSpec> childSpec) {
    if (partitions <= 0) {
      throw new IllegalArgumentException("partitions must be positive: " + partitions);
    }
    this.childSpec = Objects.requireNonNull(childSpec, "childSpec");
    this.table = new AtomicReferenceArray<>(partitions);
  }

  /**
   * Starts {@code partitions} children, the {@code i}-th from {@code childSpec.apply(i)}, under a
   * one-for-one supervisor not linked to the caller. Each child's id becomes its partition number.
   *
   * @throws IllegalArgumentException if {@code partitions} is not positive
   */
  public static PartitionSupervisor start(int partitions, IntFunction<ChildSpec> childSpec) {
    return start(partitions, childSpec, false);
  }

  /** {@link #start}, linked to the caller. */
  public static PartitionSupervisor startLink(int partitions, IntFunction<ChildSpec> childSpec) {
    return start(partitions, childSpec, true);
  }

  private static PartitionSupervisor start(int partitions, IntFunction<ChildSpec> childSpec, boolean link) {
    PartitionSupervisor ps = new PartitionSupervisor(partitions, childSpec);
    ps.run(link);
    return ps;
  }

  /**
   * A partition supervisor that a parent supervisor starts, through {@link #childSpec(String)}. This
   * handle stays valid across the parent's restarts: it routes to whichever run is current, so a
   * {@link Name#partition} made from it keeps working.
   *
   * @throws IllegalArgumentException if {@code partitions} is not positive
   */
  public static PartitionSupervisor unstarted(int partitions, IntFunction<ChildSpec> childSpec) {
    return new PartitionSupervisor(partitions, childSpec);
  }

  /**
   * A child spec (a supervisor child) that starts this partition supervisor linked to its parent.
   * Starting it while a previous run is still alive fails: one handle routes to one run.
   */
  public ChildSpec childSpec(String id) {
    return ChildSpec.supervisor(id, () -> Optional.of(run(true).pid()));
  }

  private Supervisor run(boolean link) {
    Supervisor running = supervisor;
    if (running != null && running.pid().isAlive()) {
      throw new IllegalStateException(this + " is already running");
    }
    SupervisorSpec spec = SupervisorSpec.oneForOne();
    for (int i = 0; i < table.length(); i++) {
      ChildSpec base = Objects.requireNonNull(childSpec.apply(i), "childSpec returned null for partition " + i);
      int partition = i;
      spec = spec.child(base.withId(Integer.toString(i)).withStart(() -> {
        Optional<Pid> started = base.start().start();
        table.set(partition, started == null ? null : started.orElse(null));
        return started;
      }));
    }
    Supervisor started = link ? Supervisor.startLink(spec) : Supervisor.start(spec);
    supervisor = started;
    return started;
  }

  /** How many partitions there are. */
  public int partitions() {
    return table.length();
  }

  /**
   * The partition {@code key} routes to: its {@code hashCode()} modulo the partition count, made
   * non-negative, so equal keys always go to the same partition and integer keys {@code 0..n-1} go
   * to partitions {@code 0..n-1}.
   */
  public int partition(Object key) {
    Objects.requireNonNull(key, "key");
    return Math.floorMod(key.hashCode(), table.length());
  }

  /**
   * The process of {@code key}'s partition now.
   *
   * @throws ExitException with {@code noproc} if that partition is not running (it is being restarted)
   */
  public Pid pidFor(Object key) {
    int partition = partition(key);
    return whereis(key).orElseThrow(() -> new ExitException(ExitReason.noproc(),
        "no process: partition " + partition + " of " + this + " is not running"));
  }

  /** The live process of {@code key}'s partition, if it is running now. */
  @Override
  public Optional<Pid> whereis(Object key) {
    Pid pid = table.get(partition(key));
    return pid != null && pid.isAlive() ? Optional.of(pid) : Optional.empty();
  }

  /** The partitions as children, in partition order; their ids are "0", "1", ... */
  public List<ChildInfo> whichChildren() {
    return supervisor().whichChildren();
  }

  /**
   * The supervisor that runs the partitions now.
   *
   * @throws IllegalStateException if this partition supervisor was never started
   */
  public Supervisor supervisor() {
    Supervisor running = supervisor;
    if (running == null) {
      throw new IllegalStateException("this PartitionSupervisor has not been started: put childSpec(id) in a "
          + "supervisor, or use start");
    }
    return running;
  }

  /** The pid of {@link #supervisor()}. */
  @Override
  public Pid pid() {
    return supervisor().pid();
  }

  /** Stops every partition (newest first), then the supervisor. */
  public void stop() {
    supervisor().stop();
  }

  @Override
  public String toString() {
    Supervisor running = supervisor;
    return "PartitionSupervisor[" + (running == null ? "not started" : running.pid()) + ", " + table.length()
        + " partitions]";
  }
}
