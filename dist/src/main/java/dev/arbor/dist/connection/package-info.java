/**
 * One distribution connection after its handshake: 4-byte length-prefixed frames, each a
 * distribution header (or, with a peer that does not cache atoms, a pass-through byte), a control
 * message and an optional payload term; empty frames are ticks. One
 * reader and one writer platform thread per connection (see {@link dev.arbor.dist.connection.Connection}
 * for why); senders write themselves when no other thread is writing.
 */
package dev.arbor.dist.connection;
