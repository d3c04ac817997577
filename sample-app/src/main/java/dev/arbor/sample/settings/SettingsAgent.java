package dev.arbor.sample.settings;

import dev.arbor.Name;
import dev.arbor.agent.Agent;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;

/**
 * The settings as an {@link Agent}: a process holding one {@link Settings} value that any process
 * reads with {@code get} and changes with {@code update}, one request at a time. No class to write:
 * an agent is for state without behaviour of its own.
 */
public final class SettingsAgent {
  /** The agent's registered name. */
  public static final String NAME = "settings";

  private SettingsAgent() {}

  /** A child spec that starts the agent with {@code initial}, registered as {@link #NAME}. */
  public static ChildSpec childSpec(Settings initial) {
    return Agent.childSpec(StartOptions.named(NAME), () -> initial);
  }

  /** The running agent, looked up by name at each request. */
  public static Agent<Settings> of() {
    return Agent.of(Name.local(NAME));
  }
}
