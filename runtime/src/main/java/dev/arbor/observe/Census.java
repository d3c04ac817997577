package dev.arbor.observe;

import dev.arbor.ProcessInfo.Kind;
import dev.arbor.internal.Described;
import dev.arbor.internal.Process;
import dev.arbor.internal.ProcessTable;
import java.util.Objects;

/**
 * The live processes counted by {@link Kind}, with their mailboxes, from one walk over the process
 * table: what a metrics gauge reads at scrape time, so that nothing is counted on the spawn path.
 * A census is a snapshot: processes spawned or exited while it walks may or may not be in it.
 */
public final class Census {
  private static final Kind[] KINDS = Kind.values();

  private final int[] processes = new int[KINDS.length];
  private final int[] longestMailbox = new int[KINDS.length];
  private final long[] messages = new long[KINDS.length];

  private Census() {}

  /** Walks the live processes once: its cost grows with their number, so read it at scrape time, not per event. */
  public static Census take() {
    Census c = new Census();
    for (Process p : ProcessTable.all()) {
      if (!p.isAlive()) {
        continue;
      }
      int k = kindOf(p).ordinal();
      int depth = p.mailboxDepth();
      c.processes[k]++;
      c.messages[k] += depth;
      c.longestMailbox[k] = Math.max(c.longestMailbox[k], depth);
    }
    return c;
  }

  /** What {@link dev.arbor.Proc#info} calls the process's kind. */
  private static Kind kindOf(Process p) {
    return p.isAdopted() ? Kind.THREAD : p.attachment instanceof Described d ? d.kind() : Kind.PROCESS;
  }

  /** How many live processes of {@code kind} there were. */
  public int processes(Kind kind) {
    return processes[Objects.requireNonNull(kind, "kind").ordinal()];
  }

  /** The most messages waiting in one mailbox of a process of {@code kind} (saved ones included); 0 if none. */
  public int longestMailbox(Kind kind) {
    return longestMailbox[Objects.requireNonNull(kind, "kind").ordinal()];
  }

  /** All messages waiting in the mailboxes of processes of {@code kind}. */
  public long messages(Kind kind) {
    return messages[Objects.requireNonNull(kind, "kind").ordinal()];
  }
}
