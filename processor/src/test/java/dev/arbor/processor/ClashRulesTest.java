package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.arbor.processor.Compilations.assertSingleError;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Handlers whose client methods would collide with each other or with the client's own methods. */
class ClashRulesTest {

  private static JavaFileObject server(String handlers) {
    return Sources.of("Counter", """
        @GenServer
        public final class Counter {
        """ + handlers + "}\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"start", "startLink", "childSpec", "of", "pid", "withTimeout", "stop"})
  void handlerNamedLikeAClientMethodIsAnError(String name) {
    assertSingleError(server("  @Cast public void " + name + "(String why) {}\n"),
        "[ArborReservedName]", "public void " + name + "(String why)");
  }

  @Test
  void callNamedToStringIsAnError() {
    assertSingleError(server("  @Call @Override public String toString() { return \"\"; }\n"),
        "[ArborObjectMethod]", "public String toString()");
  }

  @Test
  void callNamedHashCodeIsAnError() {
    assertSingleError(server("  @Call @Override public int hashCode() { return 0; }\n"),
        "[ArborObjectMethod]", "public int hashCode()");
  }

  @Test
  void callNamedEqualsIsAnError() {
    assertSingleError(server("  @Call @Override public boolean equals(Object other) { return false; }\n"),
        "[ArborObjectMethod]", "public boolean equals(Object other)");
  }

  @Test
  void callNamedCloneIsAnError() {
    assertSingleError(server("  @Cast public void clone(int copies) {}\n  @Call @Override public Object clone() {"
        + " return this; }\n"), "[ArborObjectMethod]", "public Object clone()");
  }

  @Test
  void handlerNamedLikeAnObjectMethodWithOtherParametersIsFine() {
    Compilation compilation = Compilations.compile(server("  @Cast public void wait(String reason) {}\n"
        + "  @Call public boolean equals(String text) { return false; }\n"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void callWhoseAsyncNameIsAnotherHandlerIsAnError() {
    assertSingleError(server("""
          @Call public int get() { return 0; }
          @Call public int getAsync() { return 1; }
        """), "[ArborMethodClash]", "public int getAsync()");
  }

  @Test
  void castWhoseNameIsAnotherCallsAsyncIsAnError() {
    assertSingleError(server("""
          @Call public int load(String key) { return 0; }
          @Cast public void loadAsync(String key) {}
        """), "[ArborMethodClash]", "public void loadAsync(String key)");
  }

  @Test
  void handlersThatDifferOnlyInTheirReplyParameterAreAnError() {
    assertSingleError(server("""
          @Call public void fetch(int id, Reply<String> reply) {}
          @Cast public void fetch(int id) {}
        """), "[ArborMethodClash]", "public void fetch(int id)");
  }

  @Test
  void overloadsWithDistinctParametersAreFine() {
    Compilation compilation = Compilations.compile(server("""
          @Call public int add(int x) { return x; }
          @Call public long add(long x) { return x; }
          @Cast public void add(String... xs) {}
          @Call public int add() { return 0; }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
