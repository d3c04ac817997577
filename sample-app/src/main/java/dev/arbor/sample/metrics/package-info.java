/** A request counter split by key over the partitions of a PartitionSupervisor. */
package dev.arbor.sample.metrics;
