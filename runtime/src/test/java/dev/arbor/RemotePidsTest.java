package dev.arbor;

import static dev.arbor.Waits.down;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.remote.Handles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a pid is across nodes: Erlang's V4 pid (node, ID, Serial, Creation), equal by all four,
 * printed as Erlang prints it, and a local pid that follows the local node's name.
 */
@ExtendWith(WithIdentity.class)
class RemotePidsTest {

  @Test
  void remotePidsAreEqualByNodeIdSerialAndCreation() {
    Pid a = Handles.pid("a@127.0.0.1", 42, 7, 3);
    Pid same = Handles.pid("a@127.0.0.1", 42, 7, 3);
    assertEquals(a, same);
    assertEquals(a.hashCode(), same.hashCode());
    assertNotEquals(a, Handles.pid("b@127.0.0.1", 42, 7, 3));
    assertNotEquals(a, Handles.pid("a@127.0.0.1", 43, 7, 3));
    assertNotEquals(a, Handles.pid("a@127.0.0.1", 42, 8, 3));
    assertNotEquals(a, Handles.pid("a@127.0.0.1", 42, 7, 4)); // the node restarted: another process
    assertNotEquals(a, Proc.self());
    assertFalse(a.isLocal());
    assertEquals("a@127.0.0.1", a.node());
    assertEquals(42, Handles.number(a));
    assertEquals(7, Handles.serial(a));
    assertEquals(3, Handles.creation(a));
  }

  @Test
  void pidsPrintAsErlangPrintsThem() {
    Pid me = Proc.self();
    assertEquals("<0." + me.id() + ".0>", me.toString());
    Pid remote = Handles.pid("printed@127.0.0.1", 42, 7, 1);
    String text = remote.toString();
    assertTrue(text.matches("<[1-9][0-9]*\\.42\\.7>"), text);
    // One number per node, whatever the creation or the process.
    String channel = text.substring(1, text.indexOf('.'));
    assertEquals("<" + channel + ".5.0>", Handles.pid("printed@127.0.0.1", 5, 0, 2).toString());
    assertNotEquals(channel, Handles.pid("other@127.0.0.1", 5, 0, 2).toString().substring(1).split("\\.")[0]);
  }

  @Test
  void aLocalPidIsIdAndSerialOfItsLongId() {
    Pid me = Proc.self();
    assertEquals((int) me.id(), Handles.number(me));
    assertEquals((int) (me.id() >>> 32), Handles.serial(me));
    assertTrue(me.isLocal());
  }

  @Test
  void localPidsFollowTheLocalNodesNameAndCreation() {
    Pid me = Proc.self();
    assertEquals("nonode@nohost", me.node());
    assertEquals(0, Handles.creation(me));
    try (FakeNode node = new FakeNode("arbor@127.0.0.1", 9)) {
      assertEquals("arbor@127.0.0.1", me.node());
      assertEquals("arbor@127.0.0.1", Proc.node());
      assertEquals(9, Handles.creation(me));
      assertSame(me, Handles.pid("arbor@127.0.0.1", Handles.number(me), Handles.serial(me), 9));
      Pid earlierLife = Handles.pid("arbor@127.0.0.1", Handles.number(me), Handles.serial(me), 8);
      assertFalse(earlierLife.isLocal());
      assertNotEquals(me, earlierLife);
    }
    assertEquals("nonode@nohost", me.node());
    assertSame(me, Handles.pid("nonode@nohost", Handles.number(me), Handles.serial(me), 0));
  }

  @Test
  void aLocalPidRebuiltForAGoneProcessEqualsItAndAnswersNothing() {
    Spawned s = Proc.spawnMonitor(() -> {});
    down(s);
    Pid rebuilt = Handles.pid(Proc.node(), Handles.number(s.pid()), Handles.serial(s.pid()), Handles.localCreation());
    assertEquals(s.pid(), rebuilt);
    assertEquals(rebuilt, s.pid());
    assertEquals(s.pid().hashCode(), rebuilt.hashCode());
    assertTrue(rebuilt.isLocal());
    assertFalse(rebuilt.isAlive());
    rebuilt.send("nobody"); // dropped, as for any dead pid
    Ref ref = Proc.monitor(rebuilt);
    assertEquals(ExitReason.noproc(), down(ref).reason());
  }

  @Test
  void onlyALocalProcessAnswersWhetherItIsAliveOrCanBeRegistered() {
    Pid remote = Handles.pid("a@127.0.0.1", 1, 0, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, remote::isAlive);
    assertTrue(e.getMessage().contains("a@127.0.0.1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Proc.register("remote-pids-name", remote));
    assertTrue(e.getMessage().contains(remote.toString()), e.getMessage());
    assertTrue(Proc.info(remote).isEmpty());
  }

  @Test
  void aRemoteNameIsNameAtNode() {
    Name n = Name.remote("counter", "a@127.0.0.1");
    assertEquals("{counter,a@127.0.0.1}", n.toString());
    assertThrows(UnsupportedOperationException.class, n::whereis);
    assertThrows(UnsupportedOperationException.class, () -> n.register(Proc.self()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Name.remote("counter", "nohost"));
    assertTrue(e.getMessage().contains("nohost"), e.getMessage());
  }
}
