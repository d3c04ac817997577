package dev.arbor.sample.metrics;

import dev.arbor.Name;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.PartitionSupervisor;

/**
 * {@link HitCounter}s under a PartitionSupervisor: a key always routes to the same partition, and
 * {@code HitCounterClient.of(Name.partition(supervisor, key))} reaches it, looked up at each call.
 * The partition supervisor runs inside the desk's tree through {@link #childSpec()}; its handle
 * routes to whichever run is current, so it survives the desk restarting it.
 */
public final class HitCounters {
  private final PartitionSupervisor supervisor;

  /** Counters split over {@code partitions} processes. */
  public HitCounters(int partitions) {
    supervisor = PartitionSupervisor.unstarted(partitions, i -> HitCounterClient.childSpec());
  }

  /** A supervisor child spec that starts the partition supervisor and its counters. */
  public ChildSpec childSpec() {
    return supervisor.childSpec("hit-counters");
  }

  /** The counter that owns {@code key}. */
  public HitCounterClient counterFor(String key) {
    return HitCounterClient.of(Name.partition(supervisor, key));
  }

  /** Counts one hit for {@code key}. */
  public void hit(String key) {
    counterFor(key).hit(key);
  }

  /** The hits counted for {@code key}. */
  public long hits(String key) {
    return counterFor(key).hits(key);
  }

  /** The partition supervisor. */
  public PartitionSupervisor supervisor() {
    return supervisor;
  }
}
