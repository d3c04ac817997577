package dev.arbor.observe;

import dev.arbor.internal.ProcessTable;

/**
 * Counts a live tool samples often, read without copying anything: {@code Proc.list().size()} would
 * copy every pid to count them.
 */
public final class LiveCounts {
  private LiveCounts() {}

  /** How many processes are alive now, plain-thread identities included. */
  public static int processes() {
    return ProcessTable.count();
  }

  /** How many names are registered now. */
  public static int names() {
    return ProcessTable.nameCount();
  }
}
