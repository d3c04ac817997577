package dev.arbor;

import java.util.Optional;

/**
 * What a registry offers to {@link Name#via(NameRegistry, Object)} (Elixir's via-tuple contract).
 * A registration must end when the registered process exits, before its {@code Down} is sent.
 */
public interface NameRegistry {
  Optional<Pid> whereisName(Object key);

  /** Registers {@code pid} under {@code key}; throws {@link IllegalArgumentException} if taken. */
  void registerName(Object key, Pid pid);

  void unregisterName(Object key);
}
