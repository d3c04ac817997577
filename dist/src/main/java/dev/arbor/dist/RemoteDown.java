package dev.arbor.dist;

import dev.arbor.ExitReason;
import dev.arbor.dist.term.ErlRef;

/**
 * What a monitor of a remote process delivers when it ends (Erlang's {@code {'DOWN', Ref, process,
 * Target, Reason}}): {@code noproc} at once for a process or name that does not exist, {@code
 * noconnection} when the connection to its node drops.
 *
 * @param ref the reference {@link Node#monitor} returned
 * @param target the monitored pid, or the {@code {Name, Node}} tuple of a monitored name
 * @param reason why it ended
 */
public record RemoteDown(ErlRef ref, Object target, ExitReason reason) {}
