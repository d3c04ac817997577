package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How errors reach the user: per class, all of them, never a crash, never half a file. */
class ReportingTest {
  private static final JavaFileObject GOOD = Sources.of("Good", """
      @GenServer
      public final class Good {
        @Call public int get() { return 1; }
      }
      """);
  private static final JavaFileObject BAD = Sources.of("Bad", """
      @GenServer
      public final class Bad {
        @Cast public int get() { return 1; }
      }
      """);

  @Test
  void anInvalidClassDoesNotStopAValidOneFromGettingItsClient() {
    Compilation compilation = Compilations.compile(BAD, GOOD);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborCastReturn]").inFile(BAD).onLineContaining("int get()");
    assertEquals(Set.of("test/GoodClient.java"), GeneratedFiles.of(new ArborProcessor(), BAD, GOOD));
  }

  @Test
  void anUnexpectedFailureBecomesAnErrorOnThatClassAndTheOthersStillGenerate() {
    JavaFileObject boom = Sources.of("Boom", """
        @GenServer
        public final class Boom {
          @Call public int get() { return 1; }
        }
        """);
    ArborProcessor failing = new ArborProcessor(type -> {
      if (type.getSimpleName().contentEquals("Boom")) {
        throw new IllegalStateException("simulated bug");
      }
    });
    Compilation compilation = Compiler.javac().withProcessors(failing).compile(boom, GOOD);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborInternalError]").inFile(boom)
        .onLineContaining("public final class Boom");
    assertThat(compilation).hadErrorContaining("java.lang.IllegalStateException: simulated bug");
    assertThat(compilation).hadErrorContaining("please report");
    assertThat(compilation).hadErrorContaining("at dev.arbor.processor.");
    assertEquals(Set.of("test/GoodClient.java"), GeneratedFiles.of(new ArborProcessor(type -> {
      if (type.getSimpleName().contentEquals("Boom")) {
        throw new IllegalStateException("simulated bug");
      }
    }), boom, GOOD));
  }

  /** Sources that are wrong in ways the rules do not name, or not Java at all: no crash, ever. */
  @ParameterizedTest
  @ValueSource(strings = {
      "@GenServer public @interface Odd {}",
      "@GenServer public record Odd(int x) { @Call public int x() { return x; } }",
      "@GenServer public final class Odd { @Call public Missing get() { return null; } }",
      "@GenServer public final class Odd { @Info public void on(Missing<String> m) {} }",
      "@GenServer public final class Odd { public Odd(Missing m) {} }",
      "@GenServer public final class Odd<T extends Missing> { }",
      "@GenServer public final class Odd { @Call public int get( { return 0; } }",
      "@GenServer public final class Odd { @Call public int get() { return \"no\"; } }",
      "@GenServer(clientName = 42) public final class Odd { }",
      "@GenServer(defaultCallTimeoutMillis = \"soon\") public final class Odd { }",
      "@GenServer public final class Odd extends Missing { @Call public int get() { return 0; } }",
      "@GenServer public final class Odd { @Call @Call public int get() { return 0; } }",
      "@GenServer public final class Odd { @Call public <T extends Comparable<T>> T max(T... xs) { return null; } }",
      "@GenServer public final class Odd { @Info public void on(int[][] grid) {} @Info public void on(List<?>[] l) {} }",
      "@GenServer public final class Odd { @Call public void get(Reply<List<? extends Number>> r) {} }",
      "@GenServer public final class Odd { @Call public void get(Reply<Missing> r) {} }",
      "@GenServer public final class Odd { @Terminate public void t(ExitReason... r) {} }",
      "public final class Odd { @GenServer static class A { @Call int a() { return 0; } @Call int aAsync() { return 0; } } }",
      "@GenServer public final class Odd { Odd(Odd other) {} @Call public Odd self() { return this; } }",
  })
  void oddSourcesNeverCrashTheProcessor(String code) {
    Compilation compilation = Compiler.javac().withProcessors(new ArborProcessor()).compile(Sources.of("Odd", code));
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      assertFalse(d.getMessage(null).contains("[ArborInternalError]"), d.toString());
    }
  }
}
