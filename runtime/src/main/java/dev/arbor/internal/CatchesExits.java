package dev.arbor.internal;

/**
 * Marks a {@link Process#attachment} whose loop catches {@code Proc.exit(reason)} thrown from its
 * own code, as {@code gen_server} catches {@code exit(Reason)} from a callback: the process is still
 * alive when the {@code ProcessExit} unwinds to the loop, which runs {@code @Terminate} and then
 * exits with that reason. Any other process exits at once.
 */
public interface CatchesExits {}
