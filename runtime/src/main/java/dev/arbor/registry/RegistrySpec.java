package dev.arbor.registry;

import java.util.Objects;

/**
 * How a {@link Registry} is built: its name, whether a key maps to one process or to many, and how
 * many partitions its tables are split into (Elixir's {@code keys:} and {@code partitions:} options).
 * Immutable.
 */
public final class RegistrySpec {

  /** Whether a key identifies at most one process or any number of them. */
  public enum Keys {
    /** A key maps to at most one process; a second registrant is refused. Usable in {@code Name.via}. */
    UNIQUE,
    /** A key maps to any number of entries, even several from one process (for pub/sub and dispatch). */
    DUPLICATE
  }

  private final String name;
  private final Keys keys;
  private final int partitions;

  private RegistrySpec(String name, Keys keys, int partitions) {
    this.name = name;
    this.keys = keys;
    this.partitions = partitions;
  }

  /** A registry of unique keys, registered under the local name {@code name}, with one partition. */
  public static RegistrySpec unique(String name) {
    return new RegistrySpec(requireName(name), Keys.UNIQUE, 1);
  }

  /** A registry of duplicate keys, registered under the local name {@code name}, with one partition. */
  public static RegistrySpec duplicate(String name) {
    return new RegistrySpec(requireName(name), Keys.DUPLICATE, 1);
  }

  private static String requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a registry name must not be empty");
    }
    return name;
  }

  /**
   * Splits the tables into {@code n} partitions: a unique registry places a key by its hash, a
   * duplicate one places all of a process's entries by the hash of its pid, as Elixir does. More
   * partitions spread contention; {@link Registry#dispatch} calls its consumer once per partition
   * that holds entries for the key.
   */
  public RegistrySpec partitions(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("partitions must be positive: " + n);
    }
    return new RegistrySpec(name, keys, n);
  }

  public String name() {
    return name;
  }

  public Keys keys() {
    return keys;
  }

  public int partitions() {
    return partitions;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegistrySpec s && s.name.equals(name) && s.keys == keys && s.partitions == partitions;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, keys, partitions);
  }

  @Override
  public String toString() {
    return "RegistrySpec[" + name + ", " + keys.name().toLowerCase(java.util.Locale.ROOT) + ", partitions="
        + partitions + "]";
  }
}
