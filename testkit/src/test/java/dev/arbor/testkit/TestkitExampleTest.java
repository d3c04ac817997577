package dev.arbor.testkit;

import static dev.arbor.testkit.Testkit.assertReceive;
import static dev.arbor.testkit.Testkit.refuteReceive;
import static dev.arbor.testkit.Testkit.startSupervised;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.Down;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The testkit as a user meets it: a GenServer under startSupervised, messages asserted, nothing left behind. */
@ArborTest
class TestkitExampleTest {
  /** A tiny server written as the processor would generate it: it forwards each note to a listener. */
  sealed interface Msg {
    record Note(String text, Pid listener) implements Msg {}
  }

  static final class Notes {
    int count;
  }

  static final ServerType<Notes, Msg> NOTES = ServerType.builder(Notes.class, Notes.class, new Dispatcher<Notes, Msg>() {
    @Override
    public Object dispatch(Notes state, Msg message, CallContext call) {
      return switch (message) {
        case Msg.Note n -> {
          n.listener().send("noted: " + n.text());
          yield ++state.count;
        }
      };
    }
  }).build();

  @Test
  void serverUnderStartSupervisedAnswersAndNotifies() {
    Pid pid = startSupervised(ServerRef.childSpec(NOTES, StartOptions.named("notes"), Notes::new).withId("notes"));
    ServerRef<Msg> notes = ServerRef.of(NOTES, pid);

    assertEquals(1, notes.<Integer>call("note", new Msg.Note("hello", Proc.self())));
    assertEquals("noted: hello", assertReceive(m -> m.equals("noted: hello"), Duration.ofSeconds(1)));
    refuteReceive(String.class);
  }

  @Test
  void processesSpawnedAndAwaitedDoNotCountAsLeaks() {
    Pid me = Proc.self();
    Pid worker = Proc.spawn(() -> me.send("done"));
    assertReceive(m -> m.equals("done"), Duration.ofSeconds(1));
    Proc.monitor(worker); // the leak check would also wait for it, up to its bound
    assertReceive(Down.class, Duration.ofSeconds(1));
  }

  @Test
  void stopSupervisedStopsOneChildEarly() {
    Pid a = startSupervised(ChildSpec.worker("a", () -> Optional.of(Proc.spawnLink(() -> Proc.receive()))));
    Proc.monitor(a);
    Testkit.stopSupervised("a");
    assertReceive(m -> m instanceof Down d && d.pid().equals(a), Duration.ofSeconds(1));
  }
}
