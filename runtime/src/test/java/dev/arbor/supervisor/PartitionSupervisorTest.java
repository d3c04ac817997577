package dev.arbor.supervisor;

import static dev.arbor.supervisor.Expect.event;
import static dev.arbor.supervisor.Expect.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.ExitReason;
import dev.arbor.Name;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.server.ServerRef;
import dev.arbor.server.StartException;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.SupervisorEvent.ChildRestarted;
import dev.arbor.supervisor.TestWorker.Started;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Elixir's PartitionSupervisor: N copies of a child, keys routed to partitions. */
class PartitionSupervisorTest extends SupervisorTestBase {
  private record Key(String tenant, int shard) {}

  private static final List<Object> KEYS =
      List.of("alpha", "beta", "gamma", 0, 1, 2, 3, 42, -7, Integer.MIN_VALUE, 3L, new Key("acme", 9));

  private PartitionSupervisor start(int partitions) {
    PartitionSupervisor ps = PartitionSupervisor.start(partitions, i -> TestWorker.spec("worker-" + i, me));
    for (int i = 0; i < partitions; i++) {
      assertEquals("worker-" + i, next(Started.class).id());
    }
    return ps;
  }

  @Test
  void integerKeysRouteToPartitionsAsElixirDoes() {
    // Elixir 1.14, PartitionSupervisor with 3 partitions, read back through {:via, PartitionSupervisor, {name, key}}:
    // -1 -> 1, -2 -> 2, -4 -> 1, 5 -> 2, 7 -> 1, -9223372036854775808 -> 2, 123456789012345678901 -> 1.
    PartitionSupervisor ps = PartitionSupervisor.unstarted(3, i -> TestWorker.spec("worker-" + i, me));
    assertEquals(1, ps.partition(-1));
    assertEquals(2, ps.partition(-2));
    assertEquals(1, ps.partition(-4));
    assertEquals(2, ps.partition(5));
    assertEquals(1, ps.partition(7L));
    assertEquals(2, ps.partition(Long.MIN_VALUE));
    assertEquals(1, ps.partition(new java.math.BigInteger("123456789012345678901")));
    assertEquals(2, ps.partition((short) -5));
    assertEquals(2, ps.partition((byte) -128));
    assertEquals(2, ps.partition(Integer.MIN_VALUE), "2^31 rem 3, not an overflowed abs");
    assertEquals(ps.partition(-1), ps.partition(-1L), "an int and a long of one value share a partition");
  }

  @RepeatedTest(10)
  void partitionKeyAlwaysRoutesToSamePartition() {
    PartitionSupervisor ps = start(4);
    assertEquals(4, ps.partitions());
    List<ChildInfo> children = ps.whichChildren();
    assertEquals(List.of("0", "1", "2", "3"), children.stream().map(ChildInfo::id).toList());

    Set<Integer> used = new HashSet<>();
    for (Object key : KEYS) {
      int partition = ps.partition(key);
      assertTrue(partition >= 0 && partition < 4, key + " -> " + partition);
      used.add(partition);
      Pid pid = ps.pidFor(key);
      for (int again = 0; again < 3; again++) {
        assertEquals(partition, ps.partition(key));
        assertEquals(pid, ps.pidFor(key));
      }
      assertEquals(children.get(partition).pid().orElseThrow(), pid);
      assertEquals(pid, Name.partition(ps, key).whereis().orElseThrow());
    }
    assertTrue(used.size() > 1, "keys spread over partitions: " + used);
    for (int i = 0; i < 4; i++) {
      assertEquals(i, ps.partition(i), "small integers route to their own partition");
    }
  }

  @RepeatedTest(10)
  void restartedPartitionKeepsItsKeys() {
    PartitionSupervisor ps = start(3);
    ps.supervisor().subscribe(me);
    int partition = ps.partition("alpha");
    Pid old = ps.pidFor("alpha");

    Proc.exit(old, ExitReason.kill());

    ChildRestarted restarted = event(ChildRestarted.class, ps.pid());
    assertEquals(Integer.toString(partition), restarted.id());
    assertEquals(partition, ps.partition("alpha"));
    Pid now = ps.pidFor("alpha");
    assertNotEquals(old, now);
    assertEquals(restarted.newPid(), now);
  }

  @RepeatedTest(5)
  void partitionNameBindsAClientToThePartitionsServer() {
    PartitionSupervisor ps = start(4);
    ServerRef<TestWorker.Msg> client = ServerRef.of(TestWorker.TYPE, Name.partition(ps, "beta"));
    int partition = ps.partition("beta");
    String reply = client.call("ping", new TestWorker.Msg.Ping());
    assertEquals("pong from worker-" + partition, reply);
    assertEquals(ps.pidFor("beta"), client.pid());
  }

  @Test
  void aPartitionNameCannotRegisterAProcess() {
    PartitionSupervisor ps = start(2);
    Name name = Name.partition(ps, "k");
    assertThrows(UnsupportedOperationException.class, () -> name.register(me));
    assertThrows(IllegalArgumentException.class, () -> StartOptions.named(name));
  }

  @RepeatedTest(5)
  void partitionSupervisorInATreeKeepsRoutingAfterItsParentRestartsIt() {
    PartitionSupervisor ps = PartitionSupervisor.unstarted(2, i -> TestWorker.spec("worker-" + i, me));
    Supervisor parent = Supervisor.start(SupervisorSpec.oneForOne().child(ps.childSpec("partitions")));
    next(Started.class);
    next(Started.class);
    parent.subscribe(me);
    ServerRef<TestWorker.Msg> client = ServerRef.of(TestWorker.TYPE, Name.partition(ps, "gamma"));
    Pid firstRun = ps.pid();
    assertEquals(parent.whichChildren().get(0).pid().orElseThrow(), firstRun);
    String before = client.call("ping", new TestWorker.Msg.Ping());

    Proc.exit(firstRun, ExitReason.kill());

    ChildRestarted restarted = event(ChildRestarted.class, parent.pid());
    assertEquals("partitions", restarted.id());
    next(Started.class);
    next(Started.class);
    assertEquals(restarted.newPid(), ps.pid());
    assertEquals(before, client.call("ping", new TestWorker.Msg.Ping()), "the same key reaches the same partition");
    assertEquals(ps.supervisor().whichChildren().get(ps.partition("gamma")).pid().orElseThrow(), client.pid());
    parent.stop();
  }

  @Test
  void unstartedPartitionSupervisorSaysHowToStartIt() {
    PartitionSupervisor ps = PartitionSupervisor.unstarted(2, i -> TestWorker.spec("worker-" + i, me));
    IllegalStateException e = assertThrows(IllegalStateException.class, ps::supervisor);
    assertTrue(e.getMessage().contains("childSpec(id)"), e.getMessage());
    assertTrue(ps.whereis("k").isEmpty());
  }

  @Test
  void partitionSupervisorHandleRunsOnceAtATime() {
    PartitionSupervisor ps = start(1);
    StartException e = assertThrows(StartException.class,
        () -> Supervisor.start(SupervisorSpec.oneForOne().child(ps.childSpec("again"))));
    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertTrue(messages.toString().contains("already running"), messages.toString());
    ps.stop();
  }

  @Test
  void partitionsMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PartitionSupervisor.start(0, i -> TestWorker.spec("w", me)));
    assertTrue(e.getMessage().contains("0"), e.getMessage());
  }
}
