package dev.arbor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arbor.ExitReason;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The local name table while an exited holder's entry has not been removed yet. */
class NameTableTest {
  private static final AtomicLong NAMES = new AtomicLong();

  private static String freshName() {
    return "name-table-test-" + NAMES.incrementAndGet();
  }

  @Test
  void aNameStillMappedToAnExitedHolderIsFreeToRegister() {
    String name = freshName();
    NameTableStates.LateRelease late = NameTableStates.holdByExitedProcess(name);
    assertNull(ProcessTable.whereis(name), "whereis already treats a dead holder's name as free");

    Process next = Process.create(false, null);
    ProcessTable.register(name, next);
    assertSame(next, ProcessTable.whereis(name));
    assertEquals(name, next.name());

    late.release(); // the dead holder's late removal must leave the new holder's entry alone
    assertSame(next, ProcessTable.whereis(name));
    assertEquals(next.pid(), NameTableStates.mappedPid(name));

    next.exit(ExitReason.kill());
    assertNull(NameTableStates.mappedPid(name), "the new holder's exit releases the name");
  }

  @Test
  void aNameHeldByALiveProcessStaysTaken() {
    String name = freshName();
    Process holder = Process.create(false, null);
    ProcessTable.register(name, holder);
    Process other = Process.create(false, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcessTable.register(name, other));
    assertEquals("the name \"" + name + "\" is already registered to " + holder.pid(), e.getMessage());
    assertSame(holder, ProcessTable.whereis(name));
    holder.exit(ExitReason.kill());
    other.exit(ExitReason.kill());
    assertNull(NameTableStates.mappedPid(name));
  }
}
