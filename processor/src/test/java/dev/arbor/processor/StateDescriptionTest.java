package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.arbor.Proc;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The state description the processor generates for each server: what crash reports and {@code
 * Server.getStatus} show of a state that has no {@code toString} and no {@code FormatStatus}, with
 * {@code @Redacted} fields hidden; and a user's strict build of a server.
 */
@Timeout(30)
class StateDescriptionTest {
  private static final JavaFileObject ACCOUNT = Compilations.source("test.Account", """
      package test;

      import dev.arbor.annotation.Call;
      import dev.arbor.annotation.GenServer;
      import dev.arbor.annotation.Redacted;
      import java.util.ArrayList;
      import java.util.List;

      /** A state with no toString: reports must still read at once. */
      @GenServer
      public final class Account<T extends Comparable<T>> {
        private static final int LIMIT = 100;
        private int balance;
        private final String owner;
        @Redacted private final String apiKey;
        private final List<String> history = new ArrayList<>();
        private final int[] recent = {1, 2};
        private Tag tag = new Tag("gold");
        private T mark;

        private record Tag(String level) {}

        public Account(String owner, String apiKey) {
          this.owner = owner;
          this.apiKey = apiKey;
        }

        /** Adds to the balance. */
        @Call
        public int deposit(int amount) {
          history.add("deposit " + amount);
          if (balance + amount > LIMIT) {
            throw new IllegalStateException("over the limit: " + (balance + amount));
          }
          return balance += amount;
        }

        /** Sets the mark. */
        @Call
        public void mark(T mark) {
          this.mark = mark;
        }
      }
      """);

  private static final JavaFileObject SCENARIO = Compilations.source("test.AccountScenario", """
      package test;

      import dev.arbor.ExitException;
      import dev.arbor.server.Server;
      import java.util.LinkedHashMap;
      import java.util.Map;
      import java.util.concurrent.Callable;

      public final class AccountScenario implements Callable<Map<String, Object>> {
        @Override
        public Map<String, Object> call() {
          Map<String, Object> seen = new LinkedHashMap<>();
          AccountClient<String> account = AccountClient.start("alice", "sk_live_123");
          account.deposit(30);
          account.mark("m1");
          seen.put("status", Server.getStatus(account.pid()));
          try {
            account.deposit(500);
            seen.put("crash", "none");
          } catch (ExitException e) {
            seen.put("crash", e.reason().toString());
          }
          return seen;
        }
      }
      """);

  private final List<LogRecord> reports = new CopyOnWriteArrayList<>();
  private final Logger jul = Logger.getLogger("dev.arbor.server");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      reports.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private boolean usedParent;

  @BeforeEach
  void captureReports() {
    usedParent = jul.getUseParentHandlers();
    jul.setUseParentHandlers(false); // the crash is expected: keep it out of the test output
    jul.addHandler(capture);
  }

  @AfterEach
  void restore() {
    jul.removeHandler(capture);
    jul.setUseParentHandlers(usedParent);
    Proc.release();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> runScenario() throws Exception {
    Compilation compilation = Compilations.compile(ACCOUNT, SCENARIO);
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> type = new CompiledClasses(compilation).loadClass("test.AccountScenario");
    return ((Callable<Map<String, Object>>) type.getConstructor().newInstance()).call();
  }

  private String crashReport() {
    List<String> crashes = reports.stream().map(LogRecord::getMessage)
        .filter(m -> m.startsWith("[arbor.crash] GenServer test.Account")).toList();
    assertEquals(1, crashes.size(), () -> "crash reports: " + reports.stream().map(LogRecord::getMessage).toList());
    return crashes.get(0);
  }

  @Test
  void crashReportDescribesStateWithoutToString() throws Exception {
    Map<String, Object> seen = runScenario();
    String expectedState = "Account[balance=30, owner=alice, apiKey=<redacted>, history=[deposit 30, deposit 500],"
        + " recent=[1, 2], tag=Tag[level=gold], mark=m1]";
    assertTrue(crashReport().contains("\n  state: " + expectedState + "\n"), crashReport());
    assertTrue(crashReport().contains("\n  reason: crash: java.lang.IllegalStateException: over the limit: 530"),
        crashReport());
    assertEquals("crash: java.lang.IllegalStateException: over the limit: 530", seen.get("crash"));
    assertFalse(crashReport().contains("Account@"), crashReport());
  }

  @Test
  void redactedFieldIsHiddenInReports() throws Exception {
    Map<String, Object> seen = runScenario();
    assertEquals("Account[balance=30, owner=alice, apiKey=<redacted>, history=[deposit 30], recent=[1, 2],"
        + " tag=Tag[level=gold], mark=m1]", seen.get("status"), "getStatus shows what reports show");
    assertFalse(crashReport().contains("sk_live_123"), crashReport());
    assertTrue(crashReport().contains("apiKey=<redacted>"), crashReport());
  }

  @Test
  void strictLintBuildOfAServerPasses() {
    // What a user's build with the common strict setting does: every lint, processing included.
    Compilation compilation = Compiler.javac().withProcessors(new ArborProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(ACCOUNT);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.AccountClient");
  }
}
