package dev.arbor.sample.metrics;

import dev.arbor.Name;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.PartitionSupervisor;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link HitCounter}s under a PartitionSupervisor: a key always routes to the same partition, and
 * {@code HitCounterClient.of(Name.partition(supervisor, key))} reaches it, looked up at each call.
 * The partition supervisor runs inside the desk's tree through {@link #childSpec()}; since a restart
 * starts a new one, this handle keeps the current one.
 */
public final class HitCounters {
  private final int partitions;
  private final AtomicReference<PartitionSupervisor> current = new AtomicReference<>();

  /** Counters split over {@code partitions} processes. */
  public HitCounters(int partitions) {
    this.partitions = partitions;
  }

  /** A supervisor child spec that starts the partition supervisor and its counters. */
  public ChildSpec childSpec() {
    return ChildSpec.supervisor("hit-counters", () -> {
      PartitionSupervisor supervisor = PartitionSupervisor.startLink(partitions, i -> HitCounterClient.childSpec());
      current.set(supervisor);
      return Optional.of(supervisor.pid());
    });
  }

  /** The counter that owns {@code key}. */
  public HitCounterClient counterFor(String key) {
    return HitCounterClient.of(Name.partition(supervisor(), key));
  }

  /** Counts one hit for {@code key}. */
  public void hit(String key) {
    counterFor(key).hit(key);
  }

  /** The hits counted for {@code key}. */
  public long hits(String key) {
    return counterFor(key).hits(key);
  }

  /** The running partition supervisor. */
  public PartitionSupervisor supervisor() {
    PartitionSupervisor supervisor = current.get();
    if (supervisor == null) {
      throw new IllegalStateException("the hit counters have not been started");
    }
    return supervisor;
  }
}
