package dev.arbor.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Down;
import dev.arbor.ExitException;
import dev.arbor.ExitReason;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.Ref;
import dev.arbor.server.CallContext;
import dev.arbor.server.Dispatcher;
import dev.arbor.server.FormatStatus;
import dev.arbor.server.Server;
import dev.arbor.server.ServerRef;
import dev.arbor.server.ServerType;
import dev.arbor.server.StartOptions;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.DynamicSupervisor;
import dev.arbor.supervisor.DynamicSupervisorSpec;
import dev.arbor.supervisor.Supervisor;
import dev.arbor.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Crash reports through System.Logger (java.util.logging here), FormatStatus, getState and the tree. */
class ReportsAndIntrospectionTest {
  private static final Duration BOUND = Duration.ofSeconds(10);

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger jul = Logger.getLogger("dev.arbor.server");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level previous;
  private boolean usedParent;

  @BeforeEach
  void setUp() {
    Proc.adopt();
    previous = jul.getLevel();
    usedParent = jul.getUseParentHandlers();
    jul.setLevel(Level.ALL);
    jul.setUseParentHandlers(false); // keep the expected crash out of the test output
    jul.addHandler(capture);
  }

  @AfterEach
  void tearDown() {
    jul.removeHandler(capture);
    jul.setLevel(previous);
    jul.setUseParentHandlers(usedParent);
    Proc.release();
  }

  // ------------------------------------------------------------------ a server holding a secret

  sealed interface Msg {
    record Put(String key, String secret) implements Msg {}

    record Explode(String why) implements Msg {}
  }

  /** Its toString would print the secrets; its FormatStatus shows only how many there are. */
  static final class Vault implements FormatStatus {
    final java.util.Map<String, String> secrets = new java.util.HashMap<>();

    @Override
    public Object formatStatus() {
      return "Vault(" + secrets.size() + " secrets)";
    }

    @Override
    public String toString() {
      return "Vault" + secrets;
    }
  }

  /** The same without FormatStatus: reports fall back to toString. */
  static final class Plain {
    int puts;

    @Override
    public String toString() {
      return "Plain(puts=" + puts + ")";
    }
  }

  private static <S> ServerType<S, Msg> type(Class<S> c, java.util.function.BiConsumer<S, Msg.Put> put) {
    return ServerType.builder(c, c, new Dispatcher<S, Msg>() {
      @Override
      public Object dispatch(S server, Msg message, CallContext call) {
        return switch (message) {
          case Msg.Put m -> {
            put.accept(server, m);
            yield "ok";
          }
          case Msg.Explode m -> throw new IllegalStateException(m.why());
        };
      }
    }).build();
  }

  private static final ServerType<Vault, Msg> VAULT = type(Vault.class, (v, m) -> v.secrets.put(m.key(), m.secret()));
  private static final ServerType<Plain, Msg> PLAIN = type(Plain.class, (p, m) -> p.puts++);

  private void crash(ServerRef<Msg> server, String why) {
    Ref ref = Proc.monitor(server.pid());
    assertThrows(ExitException.class, () -> server.call("explode", new Msg.Explode(why)));
    // The report is written before the server exits, so its Down means the report is there.
    assertTrue(Proc.receive(m -> m instanceof Down d && d.ref().equals(ref), BOUND).isPresent());
  }

  private LogRecord onlyCrashReport() {
    List<LogRecord> crashes = records.stream().filter(r -> r.getMessage().startsWith("[arbor.crash]")).toList();
    assertEquals(1, crashes.size(), () -> "crash reports: " + crashes.stream().map(LogRecord::getMessage).toList());
    return crashes.get(0);
  }

  // ------------------------------------------------------------------ tests

  @Test
  void crashReportNamesServerLastMessageAndReason() {
    ServerRef<Msg> server = ServerRef.start(PLAIN, StartOptions.named("plain-crasher"), Plain::new);
    server.call("put", new Msg.Put("k", "v"));
    crash(server, "disk on fire");

    LogRecord report = onlyCrashReport();
    String[] lines = report.getMessage().split("\n");
    assertEquals("[arbor.crash] GenServer " + Plain.class.getName() + " " + server.pid() + " (plain-crasher) terminating",
        lines[0]);
    assertTrue(lines[1].startsWith("  last message: call explode Explode[why=disk on fire] from " + Proc.self()), lines[1]);
    assertEquals("  state: Plain(puts=1)", lines[2]);
    assertTrue(lines[3].startsWith("  reason: ") && lines[3].contains("disk on fire"), lines[3]);
    assertEquals(Level.SEVERE, report.getLevel());
    assertTrue(report.getThrown() instanceof IllegalStateException, String.valueOf(report.getThrown()));
  }

  @Test
  void formatStatusRedactsState() {
    ServerRef<Msg> server = ServerRef.start(VAULT, StartOptions.defaults(), Vault::new);
    server.call("put", new Msg.Put("db", "hunter2"));

    assertEquals("Vault(1 secrets)", Server.getStatus(server.pid()));
    Object raw = Server.getState(server.pid());
    assertTrue(raw instanceof Vault v && v.secrets.get("db").equals("hunter2"), "getState hands over the state itself");

    crash(server, "leak?");
    String report = onlyCrashReport().getMessage();
    assertTrue(report.contains("\n  state: Vault(1 secrets)\n"), report);
    assertFalse(report.contains("hunter2"), report);
  }

  @Test
  void formatStatusThatThrowsIsReportedNotPropagated() {
    final class Broken implements FormatStatus {
      @Override
      public Object formatStatus() {
        throw new UnsupportedOperationException("nope");
      }
    }
    ServerRef<Msg> server = ServerRef.start(type(Broken.class, (b, m) -> {}), StartOptions.defaults(), Broken::new);
    Object status = Server.getStatus(server.pid());
    assertTrue(status.toString().contains("formatStatus threw java.lang.UnsupportedOperationException: nope"),
        status.toString());
    server.stop();
  }

  @Test
  void getStateWithoutFormatStatusIsTheStateObject() {
    Plain state = new Plain();
    ServerRef<Msg> server = ServerRef.start(PLAIN, StartOptions.defaults(), () -> state);
    assertSame(state, Server.getState(server.pid()));
    assertSame(state, Server.getStatus(server.pid()));
    server.stop();
  }

  @Test
  void getStateOfDeadOrNonServerProcessSaysWhy() {
    ServerRef<Msg> server = ServerRef.start(PLAIN, StartOptions.defaults(), Plain::new);
    server.stop();
    ExitException dead = assertThrows(ExitException.class, () -> Server.getState(server.pid()));
    assertEquals(ExitReason.noproc(), dead.reason());

    Pid plain = Proc.spawn(() -> Proc.receive());
    var e = assertThrows(IllegalArgumentException.class, () -> Server.getState(plain));
    assertTrue(e.getMessage().contains(plain + " is not a GenServer"), e.getMessage());
    Proc.exit(plain, ExitReason.kill());
  }

  @Test
  void supervisorTreeRendersNestedChildren() {
    Supervisor root = Supervisor.start(SupervisorSpec.oneForOne().name("observe-root")
        .child(ServerRef.childSpec(PLAIN, StartOptions.defaults(), Plain::new).withId("cache"))
        .child(DynamicSupervisor.childSpec("sessions", DynamicSupervisorSpec.defaults())));
    Pid cache = root.whichChildren().get(0).pid().orElseThrow();
    Pid sessions = root.whichChildren().get(1).pid().orElseThrow();
    Pid session = DynamicSupervisor.of(sessions)
        .startChild(ChildSpec.worker("session", () -> Optional.of(Proc.spawnLink(() -> Proc.receive()))))
        .orElseThrow();

    String tree = Supervisor.tree(root.pid());

    String[] lines = tree.split("\n");
    assertEquals(root.pid() + " supervisor observe-root", lines[0]);
    assertTrue(lines[1].startsWith("  cache " + cache + " worker"), tree);
    assertTrue(lines[2].startsWith("  sessions " + sessions + " supervisor"), tree);
    assertTrue(lines[3].startsWith("    ") && lines[3].contains(session.toString()), tree);
    assertEquals(4, lines.length, tree);
    root.stop();
  }
}
