package dev.arbor;

import java.util.Objects;
import java.util.Optional;

/**
 * A way to find a process other than by its pid: a local name ({@link #local(String)}), a name
 * registered on another node ({@link #remote(String, String)}), a key in a registry ({@link
 * #via(NameRegistry, Object)}) or a partition supervisor's key ({@link #partition(Partitioned,
 * Object)}). Generated clients resolve a name at each call, so a
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

  /** Erlang's locally registered name ({@code register/2}). */
  static Name local(String name) {
    return new Local(name);
  }

  /**
   * Erlang's {@code {Name, Node}}: the process registered as {@code name} on the node {@code node}
   * (such as {@code "a@127.0.0.1"}), for {@link Proc#send(Name, Object)} and {@link
   * Proc#monitor(Name)}. Resolved by that node at each use; it cannot be looked up from here.
   */
  static Name remote(String name, String node) {
    return new Remote(name, node);
  }

  /** Elixir's {@code {:via, module, key}}: a key in a registry such as {@code dev.arbor.registry.Registry}. */
  static Name via(NameRegistry registry, Object key) {
    return new Via(registry, key);
  }

  /**
   * Elixir's {@code {:via, PartitionSupervisor, {name, key}}}: the child of {@code supervisor}'s
   * partition for {@code key} ({@code supervisor} is a {@code dev.arbor.supervisor.PartitionSupervisor}),
   * looked up at each use. It only finds; a process cannot be registered under it.
   */
  static Name partition(Partitioned supervisor, Object key) {
    return new Partition(supervisor, key);
  }

  /** The partition of a partition supervisor ({@link Partitioned}) that a key routes to. */
  record Partition(Partitioned supervisor, Object key) implements Name {
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
  }

  /**
   * A name registered on another node. A send to it is dropped if the node cannot be reached or has
   * no such name, as in Erlang; when {@code node} is the local node, it is the local name.
   */
  record Remote(String name, String node) implements Name {
    public Remote {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(node, "node");
      if (node.indexOf('@') <= 0) {
        throw new IllegalArgumentException("a node name is name@host, such as a@127.0.0.1; got \"" + node + "\"");
      }
    }

    /** The local process registered as {@code name} when {@code node} is this node; else unsupported. */
    @Override
    public Optional<Pid> whereis() {
      if (isLocal()) {
        return Proc.whereis(name);
      }
      throw new UnsupportedOperationException("a name on another node (" + this + ") is resolved by that node:"
          + " send to it or monitor it instead");
    }

    @Override
    public void register(Pid pid) {
      throw new UnsupportedOperationException("a process registers on its own node; cannot register as " + this);
    }

    /** Whether {@code node} is this node now. */
    public boolean isLocal() {
      return node.equals(Proc.node());
    }

    @Override
    public String toString() {
      return "{" + name + "," + node + "}";
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
      return "{via," + registry + "," + key + "}";
    }
  }
}
