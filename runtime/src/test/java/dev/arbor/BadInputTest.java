package dev.arbor;

import static dev.arbor.Waits.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad arguments get an exception naming the argument, and a bad call loses nothing already in the
 * mailbox.
 */
@ExtendWith(WithIdentity.class)
class BadInputTest {
  private static final Duration NEGATIVE = Duration.ofMillis(-1);
  private Pid me;

  @BeforeEach
  void fillMailbox() {
    me = Proc.self();
    me.send("first");
    me.send(2);
    me.send("third");
  }

  /** Checks the exception and its message, then that the mailbox still holds what the test put in. */
  private void rejects(Class<? extends RuntimeException> type, String argument, Executable call) {
    RuntimeException e = assertThrows(type, call);
    assertTrue(e.getMessage() != null && e.getMessage().contains(argument),
        () -> "expected the message to name '" + argument + "': " + e.getMessage());
    assertMailboxIntact();
  }

  private void assertMailboxIntact() {
    assertEquals(3, Proc.info(me).orElseThrow().mailboxLength(), "a bad call lost or added messages");
  }

  private void assertMailboxInOrder() {
    assertEquals(List.of("first", 2, "third"), List.of(next(), next(), next()));
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO));
  }

  @Test
  void nullMessagesAndPidsNameTheArgument() {
    rejects(NullPointerException.class, "message", () -> Proc.send(me, null));
    rejects(NullPointerException.class, "message", () -> me.send(null));
    rejects(NullPointerException.class, "to", () -> Proc.send((Pid) null, "x"));
    rejects(NullPointerException.class, "name", () -> Proc.send((Name) null, "x"));
    rejects(NullPointerException.class, "message", () -> Proc.send(Name.local("nobody"), null));
    rejects(NullPointerException.class, "other", () -> Proc.link(null));
    rejects(NullPointerException.class, "other", () -> Proc.unlink(null));
    rejects(NullPointerException.class, "target", () -> Proc.monitor((Pid) null));
    rejects(NullPointerException.class, "name", () -> Proc.monitor((Name) null));
    rejects(NullPointerException.class, "node", () -> Proc.monitorNode(null));
    rejects(NullPointerException.class, "ref", () -> Proc.demonitor(null));
    rejects(NullPointerException.class, "target", () -> Proc.exit(null, ExitReason.kill()));
    rejects(NullPointerException.class, "reason", () -> Proc.exit(me, null));
    rejects(NullPointerException.class, "reason", () -> Proc.exit(null));
    rejects(NullPointerException.class, "pid", () -> Proc.info(null));
    rejects(NullPointerException.class, "pid", () -> Proc.register("bad-input", null));
    rejects(NullPointerException.class, "name", () -> Proc.register(null, me));
    rejects(NullPointerException.class, "name", () -> Proc.unregister(null));
    rejects(NullPointerException.class, "name", () -> Proc.whereis(null));
    rejects(NullPointerException.class, "body", () -> Proc.spawn(null));
    rejects(NullPointerException.class, "body", () -> Proc.spawnLink(null));
    rejects(NullPointerException.class, "body", () -> Proc.spawnMonitor(null));
    rejects(NullPointerException.class, "options", () -> Proc.spawn(null, () -> {}));
    rejects(NullPointerException.class, "name", () -> SpawnOptions.defaults().name(null));
    assertTrue(me.isAlive(), "a bad call is not an exit signal");
    assertMailboxInOrder();
  }

  @Test
  void badTimeoutsNameTheArgumentAndTakeNothing() {
    rejects(IllegalArgumentException.class, "timeout", () -> Proc.receive(NEGATIVE));
    rejects(NullPointerException.class, "timeout", () -> Proc.receive((Duration) null));
    rejects(IllegalArgumentException.class, "timeout", () -> Proc.receive(String.class, NEGATIVE));
    rejects(NullPointerException.class, "timeout", () -> Proc.receive(String.class, null));
    rejects(NullPointerException.class, "type", () -> Proc.receive((Class<?>) null, Duration.ZERO));
    rejects(IllegalArgumentException.class, "timeout", () -> Proc.receive(m -> true, NEGATIVE));
    rejects(NullPointerException.class, "timeout", () -> Proc.receive(m -> true, null));
    rejects(NullPointerException.class, "match", () -> Proc.receive((Predicate<Object>) null, Duration.ZERO));
    assertMailboxInOrder();
  }

  @Test
  void aThrowingPredicateLosesNoMessage() {
    RuntimeException oops = new IllegalStateException("predicate failed");
    // Throws on the second message, after skipping the first.
    Predicate<Object> bad = m -> {
      if (m.equals(2)) {
        throw oops;
      }
      return false;
    };
    assertEquals(oops, assertThrows(IllegalStateException.class, () -> Proc.receive(bad, Duration.ZERO)));
    assertMailboxIntact();
    // Again, now that the first message sits among the skipped ones.
    assertEquals(oops, assertThrows(IllegalStateException.class, () -> Proc.receive(bad, Duration.ZERO)));
    assertMailboxInOrder();
  }

  /**
   * A predicate that receives (odd, but nothing forbids it) takes messages from under the receive
   * that called it: each message still goes to exactly one receive, and the rest stay in order.
   */
  @Test
  void aReceiveInsideAPredicateTakesEachMessageOnce() {
    List<Object> inner = new ArrayList<>();
    Predicate<Object> receivesFirst = m -> {
      if (m.equals("first")) {
        inner.add(Proc.receive(Duration.ZERO).orElseThrow()); // takes "first" itself
        return true; // which the outer receive then no longer has
      }
      return m.equals("third");
    };
    assertEquals(Optional.of("third"), Proc.receive(receivesFirst, Duration.ZERO));
    assertEquals(List.of("first"), inner);
    assertEquals(1, Proc.info(me).orElseThrow().mailboxLength(), "2, passed over");
    assertEquals(Optional.of(2), Proc.receive(Duration.ZERO));
    assertEquals(Optional.empty(), Proc.receive(Duration.ZERO));
  }

  @Test
  void aWrongTypeInAReceiveByClassTakesNothing() {
    assertEquals(Optional.empty(), Proc.receive(Long.class, Duration.ZERO));
    assertMailboxInOrder();
  }
}
