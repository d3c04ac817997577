package dev.arbor.dist.pg;

import dev.arbor.Pid;
import dev.arbor.Ref;
import java.util.List;

/**
 * What a subscriber of {@link ProcessGroups#monitorScope()} or {@link ProcessGroups#monitor}
 * receives when processes join or leave a group (Erlang's {@code {Ref, join | leave, Group,
 * Pids}}), on this node or any other.
 *
 * @param ref the subscription's reference, as {@code monitor} returned it
 * @param kind whether {@code pids} joined or left
 * @param group the group, as the term peers see (a Java {@code String} arrives as a {@code Binary})
 * @param pids the processes, once per join or leave
 */
public record GroupChange(Ref ref, Kind kind, Object group, List<Pid> pids) {
  /** Joined or left. */
  public enum Kind {
    JOIN,
    LEAVE
  }
}
