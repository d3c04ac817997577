package dev.arbor.dist.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.Pid;
import dev.arbor.remote.Handles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scope's table follows pg's ETS updates: lists with repeats, Erlang's {@code --}. */
class GroupTableTest {
  private static final Pid LOCAL = Handles.pid(Handles.localNode(), 1, 0, Handles.localCreation());
  private static final Pid A = Handles.pid("a@127.0.0.1", 7, 0, 1);
  private static final Pid B = Handles.pid("b@127.0.0.1", 8, 0, 1);

  private final GroupTable table = new GroupTable();

  @Test
  void joinsListNewestFirstAndOncePerJoin() {
    table.joinLocal("g", List.of(LOCAL));
    table.joinRemote("g", List.of(A, A));
    table.joinLocal("g", List.of(LOCAL));
    assertEquals(List.of(LOCAL, A, A, LOCAL), table.members("g"));
    assertEquals(List.of(LOCAL, LOCAL), table.localMembers("g"));
    assertEquals(List.of("g"), table.localGroups());
  }

  @Test
  void leaveTakesOneOccurrenceOfEachAndAnEmptyGroupIsGone() {
    table.joinRemote("g", List.of(A, B, A));
    table.leave("g", List.of(A, B));
    assertEquals(List.of(A), table.members("g"));
    table.leave("g", List.of(A, A));
    assertEquals(List.of(), table.members("g"));
    assertEquals(List.of(), table.groups());
    assertEquals(List.of(), table.localGroups());
  }

  @Test
  void syncReplacesOnlyThatPeersMembers() {
    table.joinLocal("g", List.of(LOCAL));
    table.joinRemote("g", List.of(A));
    table.joinRemote("g", List.of(B));
    table.replaceRemote("g", List.of(A), List.of(A, A));
    assertEquals(List.of(A, A, B, LOCAL), table.members("g"));
    assertEquals(List.of(LOCAL), table.localMembers("g"));
    table.replaceRemote("h", List.of(), List.of(B));
    assertEquals(List.of(B), table.members("h"));
  }

  @Test
  void erlangMinusRemovesFirstOccurrences() {
    assertEquals(List.of(B, A), GroupTable.minus(List.of(A, B, A), List.of(A)));
    assertEquals(List.of(B), GroupTable.minus(List.of(B), List.of(A)));
  }
}
