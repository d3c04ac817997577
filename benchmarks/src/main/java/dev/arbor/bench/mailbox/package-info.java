/**
 * Mailbox: Arbor's MPSC queue ({@code dev.arbor.internal.Mailbox}) against the JDK's {@code
 * ConcurrentLinkedQueue} and {@code LinkedTransferQueue}, one consumer under 1, 4 and 16 producers.
 */
package dev.arbor.bench.mailbox;
