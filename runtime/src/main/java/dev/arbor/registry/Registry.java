package dev.arbor.registry;

import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.NameRegistry;
import dev.arbor.Pid;
import dev.arbor.internal.Process;
import dev.arbor.server.ServerRef;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Elixir's Registry: a local, concurrent store of processes by key. A process registers itself under
 * a key with a value; anyone can look the key up. Its entries vanish when it exits, before its {@code
 * Down} and exit signals are sent, so a process that saw it die never finds it again.
 *
 * <p>A registry is a process (start it under a supervisor with {@link #childSpec}), registered under
 * its name; but reads and writes go straight to concurrent tables and never wait for that process.
 * An instance is a handle bound to the registry's name, so it keeps working across a restart.
 *
 * <p>A unique registry also serves names: {@code Name.via(registry, key)} in {@code
 * StartOptions.named(...)} registers a server under {@code key} (with a null value), and a generated
 * client's {@code of(Name.via(registry, key))} finds it at each call.
 *
 * <p>If the registry's process exits, every registered process gets an exit signal with its reason,
 * as the link Elixir makes at registration would send: a crashed or shut-down registry takes its
 * registrants with it (those that do not trap exits), so their supervisors restart them into the new
 * registry.
 *
 * @param <K> the keys
 * @param <V> the values registered with them
 */
public final class Registry<K, V> implements NameRegistry {

  /** One registration: {@code pid} registered under {@code key} with {@code value} (may be null). */
  public record Entry<K, V>(K key, Pid pid, V value) {}

  private final String name;

  private Registry(String name) {
    this.name = name;
  }

  // ------------------------------------------------------------------ starting and finding

  /**
   * Starts a registry, not linked to the caller, registered under {@code spec.name()}.
   *
   * @throws dev.arbor.server.StartException if the name is taken
   */
  public static <K, V> Registry<K, V> start(RegistrySpec spec) {
    Objects.requireNonNull(spec, "spec");
    ServerRef.start(RegistryServer.TYPE, StartOptions.named(spec.name()), () -> new Table(spec));
    return new Registry<>(spec.name());
  }

  /** Starts a registry linked to the caller. */
  public static <K, V> Registry<K, V> startLink(RegistrySpec spec) {
    Objects.requireNonNull(spec, "spec");
    ServerRef.startLink(RegistryServer.TYPE, StartOptions.named(spec.name()), () -> new Table(spec));
    return new Registry<>(spec.name());
  }

  /** A worker child spec for a supervisor; its id is the registry's name. */
  public static ChildSpec childSpec(RegistrySpec spec) {
    Objects.requireNonNull(spec, "spec");
    return ServerRef.childSpec(RegistryServer.TYPE, StartOptions.named(spec.name()), () -> new Table(spec));
  }

  /** A handle to the registry named {@code name}, whether or not it runs now. */
  public static <K, V> Registry<K, V> of(String name) {
    Objects.requireNonNull(name, "name");
    return new Registry<>(name);
  }

  public String name() {
    return name;
  }

  /** The spec the running registry was started with. */
  public RegistrySpec spec() {
    return table().spec;
  }

  /** The registry's process. */
  public Pid pid() {
    Table t = Table.live(name);
    if (t == null) {
      throw new ExitException(ExitReason.noproc(), "no process: registry \"" + name + "\" is not running");
    }
    return t.process().pid();
  }

  /** Whether the registry is running. */
  public boolean isRunning() {
    return Table.live(name) != null;
  }

  /** Stops the registry with {@code normal}; its entries go with it. */
  public void stop() {
    ServerRef.of(RegistryServer.TYPE, pid()).stop();
  }

  private Table table() {
    Table t = Table.live(name);
    if (t == null) {
      throw new IllegalStateException("no registry named \"" + name + "\" is running");
    }
    return t;
  }

  // ------------------------------------------------------------------ writes: for the calling process

  /**
   * Registers the calling process under {@code key} with {@code value}. In a duplicate registry a
   * process may register under one key many times; in a unique one a key has one holder (a holder
   * that has just exited gives way at once).
   *
   * @throws AlreadyRegisteredException naming the holder, if {@code key} is unique and held by a live
   *     process (the caller included)
   * @throws IllegalStateException if the registry is not running
   */
  public void register(K key, V value) {
    Objects.requireNonNull(key, "key");
    table().register(key, value);
  }

  /** Removes every entry of the calling process under {@code key}; returns whether there was one. */
  public boolean unregister(K key) {
    Objects.requireNonNull(key, "key");
    return table().unregister(key);
  }

  // ------------------------------------------------------------------ reads: from anywhere

  /**
   * The live entries under {@code key}: at most one in a unique registry; in a duplicate one, every
   * entry, in no particular order.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<Entry<K, V>> lookup(K key) {
    Objects.requireNonNull(key, "key");
    return (List) table().index.lookup(key);
  }

  /** The live entries under {@code key} whose value {@code valueMatches} accepts (Elixir's {@code match/3}). */
  public List<Entry<K, V>> match(K key, Predicate<? super V> valueMatches) {
    Objects.requireNonNull(valueMatches, "valueMatches");
    return lookup(key).stream().filter(e -> valueMatches.test(e.value())).toList();
  }

  /**
   * The keys {@code pid} is registered under, in the order it registered them; a key appears once
   * per registration in a duplicate registry. Empty once the process has exited.
   */
  @SuppressWarnings("unchecked")
  public List<K> keys(Pid pid) {
    Objects.requireNonNull(pid, "pid");
    return (List<K>) table().keys(pid);
  }

  /** How many entries the registry holds. */
  public int count() {
    return (int) Math.min(Integer.MAX_VALUE, table().index.size.sum());
  }

  /**
   * Every live entry that {@code match} accepts, over all keys and partitions, in no particular
   * order (Elixir's {@code select/2}, with a predicate for a match spec).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<Entry<K, V>> select(Predicate<? super Entry<K, V>> match) {
    Objects.requireNonNull(match, "match");
    // The table holds keys and values as Object; this registry's entries are K and V by construction.
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Entry<K, V>> found = (List<Entry<K, V>>) (Object) table().select((Predicate) match);
    return found;
  }

  /** How many live entries {@code match} accepts (Elixir's {@code count_select/2}). */
  public int count(Predicate<? super Entry<K, V>> match) {
    return select(match).size();
  }

  /**
   * Calls {@code consumer} in the calling process with the live entries under {@code key}, once per
   * partition that has any (never with an empty list). A unique key lives in one partition; a
   * duplicate key's entries are grouped by the partition of their process. An exception from the
   * consumer propagates to the caller.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void dispatch(K key, Consumer<? super List<Entry<K, V>>> consumer) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(consumer, "consumer");
    table().index.dispatch(key, (Consumer) consumer);
  }

  // ------------------------------------------------------------------ Name.via

  /** The live process under {@code key}; empty if there is none or the registry is not running. */
  @Override
  public Optional<Pid> whereisName(Object key) {
    Objects.requireNonNull(key, "key");
    Table t = Table.live(name);
    if (t == null) {
      return Optional.empty();
    }
    requireUnique(t);
    return t.whereis(key);
  }

  /**
   * Registers {@code pid}, which must be the calling process, under {@code key} with a null value.
   *
   * @throws AlreadyRegisteredException if the key is held
   * @throws IllegalArgumentException if {@code pid} is not the caller
   */
  @Override
  public void registerName(Object key, Pid pid) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(pid, "pid");
    Table t = table();
    requireUnique(t);
    Pid self = Process.current().pid();
    if (!self.equals(pid)) {
      throw new IllegalArgumentException("a process registers only itself under a via name: " + self
          + " tried to register " + pid + " under " + key + " in registry \"" + name + "\"");
    }
    t.register(key, null);
  }

  @Override
  public void unregisterName(Object key) {
    Objects.requireNonNull(key, "key");
    table().unregister(key);
  }

  private void requireUnique(Table t) {
    if (!t.unique()) {
      throw new UnsupportedOperationException("Name.via needs a unique registry; \"" + name + "\" has duplicate keys");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Registry<?, ?> r && r.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** Its name, as reports show it ({@code via sessions.registry "alice"}). */
  @Override
  public String toString() {
    return name;
  }
}
