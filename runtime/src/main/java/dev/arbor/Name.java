package dev.arbor;

import dev.arbor.supervisor.PartitionSupervisor;
import java.util.Objects;
import java.util.Optional;

/**
 * A way to find a process other than by its pid: a local name ({@link #local(String)}), a key in a
 * registry ({@link #via(NameRegistry, Object)}) or a partition supervisor's key ({@link
 * #partition(PartitionSupervisor, Object)}). Generated clients resolve a name at each call, so a
 * restarted process is found under its old name.
 */
public interface Name {

  /** The live process registered under this name, if any. */
  Optional<Pid> whereis();

  /**
   * Registers {@code pid} under this name; throws {@link IllegalArgumentException} naming the holder
   * when it is taken. The registration ends when the process exits.
   */
  void register(Pid pid);

  /**
   * Erlang's term syntax for this name, for readers who think in it: {@code counter}, {@code
   * {via,sessions.registry,alice}}, {@code {partition,<0.3.0>,7}}. {@code toString} reads as Java:
   * {@code counter}, {@code via sessions.registry "alice"}, {@code partition <0.3.0> 7}. A name of
   * your own gives its {@code toString} unless it overrides this.
   */
  default String toErlangString() {
    return toString();
  }

  /** Erlang's locally registered name ({@code register/2}). */
  static Name local(String name) {
    return new Local(name);
  }

  /** Elixir's {@code {:via, module, key}}: a key in a registry such as {@code dev.arbor.registry.Registry}. */
  static Name via(NameRegistry registry, Object key) {
    return new Via(registry, key);
  }

  /**
   * Elixir's {@code {:via, PartitionSupervisor, {name, key}}}: the child of {@code supervisor}'s
   * partition for {@code key}, looked up at each use. It only finds; a process cannot be registered
   * under it.
   */
  static Name partition(PartitionSupervisor supervisor, Object key) {
    return new Partition(supervisor, key);
  }

  /** The partition of a {@link PartitionSupervisor} that a key routes to. */
  record Partition(PartitionSupervisor supervisor, Object key) implements Name {
    public Partition {
      Objects.requireNonNull(supervisor, "supervisor");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public Optional<Pid> whereis() {
      return supervisor.whereis(key);
    }

    @Override
    public void register(Pid pid) {
      throw new UnsupportedOperationException("a partition name finds a partition supervisor's child by key;"
          + " nothing can be registered under " + this);
    }

    @Override
    public String toString() {
      return "partition " + supervisor.pid() + " " + Keys.asJava(key);
    }

    @Override
    public String toErlangString() {
      return "{partition," + supervisor.pid() + "," + key + "}";
    }
  }

  /** A name in the local name table. */
  record Local(String name) implements Name {
    public Local {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public Optional<Pid> whereis() {
      return Proc.whereis(name);
    }

    @Override
    public void register(Pid pid) {
      Proc.register(name, pid);
    }

    @Override
    public String toString() {
      return name;
    }

    @Override
    public String toErlangString() {
      return name;
    }
  }

  /** A key in a {@link NameRegistry}. */
  record Via(NameRegistry registry, Object key) implements Name {
    public Via {
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public Optional<Pid> whereis() {
      return registry.whereisName(key);
    }

    @Override
    public void register(Pid pid) {
      registry.registerName(key, pid);
    }

    @Override
    public String toString() {
      return "via " + registry + " " + Keys.asJava(key);
    }

    @Override
    public String toErlangString() {
      return "{via," + registry + "," + key + "}";
    }
  }
}
