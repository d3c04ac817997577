package dev.arbor;

import java.util.Optional;

/**
 * What routes a key to one of its partitions' processes: {@code
 * dev.arbor.supervisor.PartitionSupervisor}, as {@link Name#partition(Partitioned, Object)} sees
 * it. An interface here so that {@code Name} does not depend on the supervisor package, which
 * depends on it.
 */
public interface Partitioned {
  /** The live process of {@code key}'s partition, if it is running now. */
  Optional<Pid> whereis(Object key);

  /** The pid of the process that routes (the partition supervisor itself), for printing. */
  Pid pid();
}
