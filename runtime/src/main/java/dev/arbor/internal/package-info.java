/**
 * The machinery under the public API: the mailbox, the process record (its state and lock in {@code
 * Process}, each concern in its own file: links, monitors, exits, hibernation, receive,
 * introspection), the process and name tables, timers, and the bookkeeping of signals to and from
 * processes on other nodes ({@code Remote}, {@code NodeAttachment}, {@code RemoteNode}). Not API:
 * anything here may change without notice.
 */
package dev.arbor.internal;
