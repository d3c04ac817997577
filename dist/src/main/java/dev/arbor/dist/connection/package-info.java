/**
 * One distribution connection after its handshake: 4-byte length-prefixed frames, each a
 * pass-through byte, a control message and an optional payload term; empty frames are ticks. One
 * reader and one writer virtual thread per connection; senders only enqueue.
 */
package dev.arbor.dist.connection;
