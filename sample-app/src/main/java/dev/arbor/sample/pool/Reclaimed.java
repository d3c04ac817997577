package dev.arbor.sample.pool;

import dev.arbor.ExitReason;
import dev.arbor.Pid;

/** Sent to each subscriber of a {@link Pool} when it takes {@code resource} back from a borrower that died. */
public record Reclaimed(String resource, Pid borrower, ExitReason reason) {}
