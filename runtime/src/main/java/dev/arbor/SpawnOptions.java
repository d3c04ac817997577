package dev.arbor;

import java.util.Objects;

/**
 * How {@link Proc#spawn(SpawnOptions, Runnable)} starts a process: linked to the caller or not,
 * trapping exits from its first instruction or not, registered under a name or not. Immutable.
 */
public final class SpawnOptions {
  private static final SpawnOptions DEFAULTS = new SpawnOptions(false, false, null);

  private final boolean link;
  private final boolean trapExits;
  private final String name;

  private SpawnOptions(boolean link, boolean trapExits, String name) {
    this.link = link;
    this.trapExits = trapExits;
    this.name = name;
  }

  /** Not linked, not trapping exits, no name. */
  public static SpawnOptions defaults() {
    return DEFAULTS;
  }

  public SpawnOptions link(boolean on) {
    return new SpawnOptions(on, trapExits, name);
  }

  public SpawnOptions trapExits(boolean on) {
    return new SpawnOptions(link, on, name);
  }

  /** Registers the process under {@code name} before it runs; the spawn fails if the name is taken. */
  public SpawnOptions name(String name) {
    return new SpawnOptions(link, trapExits, Objects.requireNonNull(name, "name"));
  }

  public boolean link() {
    return link;
  }

  public boolean trapExits() {
    return trapExits;
  }

  /** The name to register, or null. */
  public String name() {
    return name;
  }
}
