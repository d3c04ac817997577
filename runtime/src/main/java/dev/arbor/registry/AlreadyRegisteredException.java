package dev.arbor.registry;

import dev.arbor.Pid;

/**
 * A unique key is already held by a live process (Elixir's {@code {:error, {:already_registered,
 * pid}}}). It is an {@link IllegalArgumentException}, as {@link dev.arbor.NameRegistry} requires, so a
 * server started under a taken {@code Name.via} fails to start with it as the cause.
 */
public final class AlreadyRegisteredException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String registry;
  private final transient Object key;
  private final transient Pid holder;

  public AlreadyRegisteredException(String registry, Object key, Pid holder) {
    super("the key " + key + " in registry \"" + registry + "\" is already registered to " + holder);
    this.registry = registry;
    this.key = key;
    this.holder = holder;
  }

  /** The registry's name. */
  public String registry() {
    return registry;
  }

  public Object key() {
    return key;
  }

  /** The process that holds the key. */
  public Pid holder() {
    return holder;
  }
}
