package dev.arbor.dist.handshake;

/**
 * The node at the other end of a finished handshake.
 *
 * @param name its full node name, {@code name@host}
 * @param flags the capability flags it offered
 * @param creation its incarnation, which its pids and references carry
 */
public record Peer(String name, long flags, long creation) {}
