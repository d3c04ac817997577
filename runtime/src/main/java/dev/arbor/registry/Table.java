package dev.arbor.registry;

import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.internal.Process;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A running registry's state: the key index every reader uses, and the owners (one per registered
 * process) whose exit hooks keep it clean. It belongs to the registry's process only in that it
 * lives and dies with it: no read or write passes through that process.
 *
 * <p>When the registry's process exits, its own exit hook closes the table: later calls fail and
 * every entry goes. Then, once the registry's exit signals are out, every registered process gets an
 * exit signal with the registry's reason, as the link Elixir makes at registration would send (a
 * normal stop is ignored by a process that does not trap exits; a crash or shutdown takes the
 * registrants with it, so that their supervisors restart them and they register again in the new
 * registry).
 */
final class Table implements Process.LateExitHook {
  private static final ConcurrentHashMap<String, Table> LIVE = new ConcurrentHashMap<>();

  final RegistrySpec spec;
  final KeyIndex index;
  private final ConcurrentHashMap<Pid, Owner> owners = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private volatile Process process;
  /** The registrants at close, for {@link #afterSignals}; the same thread runs both steps. */
  private Set<Process> orphans;

  Table(RegistrySpec spec) {
    this.spec = spec;
    this.index = KeyIndex.of(spec);
  }

  /** The open table of the registry named {@code name}, or null. */
  static Table live(String name) {
    return LIVE.get(name);
  }

  /** Runs in the registry's process as it starts: ties the table's life to the process and publishes it. */
  void open(Process self) {
    process = self;
    if (!self.addExitHook(this)) {
      self.checkAlive();
    }
    LIVE.put(spec.name(), this); // a predecessor under this name has exited; its hook removes only itself
  }

  Process process() {
    return process;
  }

  boolean unique() {
    return spec.keys() == RegistrySpec.Keys.UNIQUE;
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("registry \"" + spec.name() + "\" has stopped");
    }
  }

  // ------------------------------------------------------------------ writes, by the calling process

  void register(Object key, Object value) {
    Process me = Process.current();
    checkOpen();
    Slot slot = new Slot(key, me, value);
    for (; ; ) {
      Owner owner = ownerFor(me);
      try {
        if (owner.add(slot)) {
          return;
        }
      } catch (RuntimeException refused) {
        owner.retireIfEmpty();
        throw refused;
      }
      // Retired under us: the process exited, or the registry stopped.
      checkOpen();
      me.checkAlive();
    }
  }

  private Owner ownerFor(Process me) {
    Owner owner = owners.get(me.pid());
    if (owner != null) {
      return owner;
    }
    owner = new Owner(this, me);
    Owner raced = owners.putIfAbsent(me.pid(), owner);
    if (raced != null) {
      return raced;
    }
    // In the map before the hook, so that a hook that runs at once finds what it must remove.
    if (!me.addExitHook(owner)) {
      owners.remove(me.pid(), owner);
      me.checkAlive();
      throw new IllegalStateException(me.pid() + " has exited");
    }
    return owner;
  }

  boolean unregister(Object key) {
    Process me = Process.current();
    checkOpen();
    Owner owner = owners.get(me.pid());
    return owner != null && owner.remove(key);
  }

  void forget(Owner owner) {
    owners.remove(owner.process.pid(), owner);
  }

  // ------------------------------------------------------------------ reads, from anywhere

  List<Object> keys(Pid pid) {
    Owner owner = owners.get(pid);
    if (owner == null || !owner.process.isAlive()) {
      return List.of();
    }
    return owner.keys();
  }

  Optional<Pid> whereis(Object key) {
    List<Registry.Entry<Object, Object>> found = index.lookup(key);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).pid());
  }

  List<Registry.Entry<Object, Object>> select(java.util.function.Predicate<? super Registry.Entry<Object, Object>> match) {
    List<Registry.Entry<Object, Object>> out = new ArrayList<>();
    index.forEach(slot -> {
      if (slot.isLive() && match.test(slot.entry)) {
        out.add(slot.entry);
      }
    });
    return out;
  }

  // ------------------------------------------------------------------ the registry's exit

  /** Closes the table as the registry's process exits: before its own Down and exit signals go out. */
  @Override
  public void onExit(Process registry) {
    closed = true;
    LIVE.remove(spec.name(), this);
    Set<Process> registrants = new LinkedHashSet<>();
    for (Owner owner : owners.values()) {
      if (owner.retireForClose()) {
        registrants.add(owner.process);
      }
    }
    owners.clear();
    index.clear();
    orphans = registrants;
  }

  /**
   * Once the registry's own exit signal has reached its supervisor, sends each former registrant the
   * signal a link would: the supervisor thus restarts the registry before the registrants' exits
   * make it (or theirs) restart them, and they register again in the new registry.
   */
  @Override
  public void afterSignals(Process registry) {
    Set<Process> registrants = orphans;
    orphans = null;
    ExitReason reason = registry.exitReason();
    for (Process registrant : registrants) {
      Process.signalExits(registry, registrant, reason, true);
    }
  }

  @Override
  public String toString() {
    return "registry \"" + spec.name() + "\"";
  }
}
