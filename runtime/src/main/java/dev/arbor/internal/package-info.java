/**
 * The machinery under the public API: the mailbox, the process record, the process and name tables,
 * timers. Not API: anything here may change without notice.
 */
package dev.arbor.internal;
