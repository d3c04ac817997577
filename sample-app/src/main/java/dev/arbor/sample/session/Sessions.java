package dev.arbor.sample.session;

import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.registry.Registry;
import dev.arbor.registry.RegistrySpec;
import dev.arbor.server.StartException;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.DynamicSupervisor;
import dev.arbor.supervisor.DynamicSupervisorSpec;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens, finds and closes {@link Session}s. Each session runs under one DynamicSupervisor and is
 * registered in a unique Registry under its user id, so {@code SessionClient.of(Name.via(registry,
 * userId))} finds it, also after a restart. The registry and the supervisor run under a {@code
 * restForOne} supervisor, registry first: the sessions register in the registry, so if it restarts,
 * they must restart after it, and if the session supervisor restarts, the registry is left alone.
 */
public final class Sessions {
  /** The registry's name. */
  public static final String REGISTRY = "sessions.registry";
  /** The session supervisor's name. */
  public static final String SUPERVISOR = "sessions.supervisor";

  private final Registry<String, Object> registry = Registry.of(REGISTRY);
  private final DynamicSupervisor supervisor = DynamicSupervisor.of(Name.local(SUPERVISOR));

  /** The subtree that runs the sessions: the registry, then the session supervisor. */
  public static ChildSpec childSpec() {
    return Supervisor.childSpec("sessions", SupervisorSpec.restForOne()
        .child(Registry.childSpec(RegistrySpec.unique(REGISTRY)))
        .child(DynamicSupervisor.childSpec(SUPERVISOR, DynamicSupervisorSpec.defaults()
            .maxChildren(1_000)
            .maxRestarts(5, Duration.ofSeconds(10))
            .name(SUPERVISOR))));
  }

  /** The session supervisor, for its admin calls and events. */
  public DynamicSupervisor supervisor() {
    return supervisor;
  }

  /** The name {@code userId}'s session is registered under. */
  public Name nameOf(String userId) {
    return Name.via(registry, userId);
  }

  /**
   * The session of {@code userId}, started now unless it is open already. Sessions are transient:
   * restarted after a crash, not after a normal stop.
   */
  public SessionClient open(String userId) {
    if (find(userId).isEmpty()) {
      ChildSpec spec = SessionClient.childSpec("session:" + userId, StartOptions.named(nameOf(userId)), userId)
          .withRestart(ChildSpec.Restart.TRANSIENT);
      try {
        supervisor.startChild(spec);
      } catch (StartException e) {
        if (find(userId).isEmpty()) {
          throw e; // not a race with another open of the same user: a real failure
        }
      }
    }
    return SessionClient.of(nameOf(userId));
  }

  /** The session of {@code userId}, if it is open. */
  public Optional<SessionClient> find(String userId) {
    return registry.whereisName(userId).map(pid -> SessionClient.of(nameOf(userId)));
  }

  /** Closes the session of {@code userId}; returns whether one was open. */
  public boolean close(String userId) {
    Optional<Pid> pid = registry.whereisName(userId);
    pid.ifPresent(supervisor::terminateChild);
    return pid.isPresent();
  }

  /** How many sessions are open. */
  public int count() {
    return registry.count();
  }
}
