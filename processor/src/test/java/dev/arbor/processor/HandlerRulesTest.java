package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.arbor.processor.Compilations.assertSingleError;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The rules on handler methods: modifiers, return types, parameters, and how many of each. */
class HandlerRulesTest {

  /** A server whose body is {@code handlers}, plus a valid handler so that the class is otherwise fine. */
  private static JavaFileObject server(String handlers) {
    return Sources.of("Counter", """
        @GenServer
        public final class Counter {
          @Call public int get() { return 0; }
        """ + handlers + "}\n");
  }

  @Test
  void privateHandlerIsAnError() {
    assertSingleError(server("  @Call private int secret() { return 1; }\n"),
        "[ArborPrivateHandler]", "private int secret()");
  }

  @Test
  void staticHandlerIsAnError() {
    assertSingleError(server("  @Cast static void reset() {}\n"), "[ArborStaticHandler]", "static void reset()");
  }

  @Test
  void castReturningAValueIsAnError() {
    assertSingleError(server("  @Cast public int increment() { return 1; }\n"),
        "[ArborCastReturn] @Cast methods must return void; found int. Use @Call to reply.", "int increment()");
  }

  @Test
  void replyHandlerThatReturnsAValueIsAnError() {
    assertSingleError(server("  @Call public int fetch(String key, Reply<String> reply) { return 0; }\n"),
        "[ArborReplyReturn]", "int fetch(String key, Reply<String> reply)");
  }

  @Test
  void replyThatIsNotTheLastParameterIsAnError() {
    assertSingleError(server("  @Call public void fetch(Reply<String> reply, String key) {}\n"),
        "[ArborReplyParameter]", "void fetch(Reply<String> reply, String key)");
  }

  @Test
  void rawReplyIsAnError() {
    assertSingleError(server("  @SuppressWarnings(\"rawtypes\") @Call public void fetch(Reply reply) {}\n"),
        "[ArborReplyParameter]", "void fetch(Reply reply)");
  }

  @Test
  void wildcardReplyIsAnError() {
    assertSingleError(server("  @Call public void fetch(Reply<?> reply) {}\n"),
        "[ArborReplyParameter]", "void fetch(Reply<?> reply)");
  }

  @Test
  void replyInACastIsAnError() {
    assertSingleError(server("  @Cast public void fetch(Reply<String> reply) {}\n"),
        "[ArborReplyParameter]", "void fetch(Reply<String> reply)");
  }

  @Test
  void infoWithoutParametersIsAnError() {
    assertSingleError(server("  @Info public void onAnything() {}\n"), "[ArborInfoParameter]", "void onAnything()");
  }

  @Test
  void infoWithTwoParametersIsAnError() {
    assertSingleError(server("  @Info public void onPair(String a, String b) {}\n"),
        "[ArborInfoParameter]", "void onPair(String a, String b)");
  }

  @Test
  void infoWithAParameterizedTypeIsAnError() {
    assertSingleError(server("  @Info public void onNames(List<String> names) {}\n"),
        "[ArborInfoType]", "void onNames(List<String> names)");
  }

  @Test
  void infoWithATypeVariableIsAnError() {
    assertSingleError(server("  @Info public <T> void onAnything(T message) {}\n"),
        "[ArborInfoType]", "void onAnything(T message)");
  }

  @Test
  void twoInfoHandlersForTheSameTypeAreAnError() {
    assertSingleError(server("""
          @Info public void first(String text) {}
          @Info public void second(String text) {}
        """), "[ArborDuplicateInfo]", "void second(String text)");
  }

  @Test
  void infoForAPrimitiveAndItsBoxIsADuplicate() {
    assertSingleError(server("""
          @Info public void onInt(int value) {}
          @Info public void onInteger(Integer value) {}
        """), "[ArborDuplicateInfo]", "void onInteger(Integer value)");
  }

  @Test
  void continueWithTwoParametersIsAnError() {
    assertSingleError(server("  @Continue public void next(String a, String b) {}\n"),
        "[ArborContinueParameter]", "void next(String a, String b)");
  }

  @Test
  void continueWithANonReifiableTypeIsAnError() {
    assertSingleError(server("  @Continue public void next(Map<String, Integer> plan) {}\n"),
        "[ArborContinueType]", "void next(Map<String, Integer> plan)");
  }

  @Test
  void twoContinueHandlersForTheSameTypeAreAnError() {
    assertSingleError(server("""
          @Continue public void first(String step) {}
          @Continue public void second(String step) {}
        """), "[ArborDuplicateContinue]", "void second(String step)");
  }

  @Test
  void initWithParametersIsAnError() {
    assertSingleError(server("  @Init public void setUp(int size) {}\n"), "[ArborInitParameters]", "void setUp(int size)");
  }

  @Test
  void twoInitMethodsAreAnError() {
    assertSingleError(server("""
          @Init public void first() {}
          @Init public void second() {}
        """), "[ArborDuplicateInit]", "void second()");
  }

  @Test
  void terminateWithAnotherParameterTypeIsAnError() {
    assertSingleError(server("  @Terminate public void stop(String why) {}\n"),
        "[ArborTerminateParameters]", "void stop(String why)");
  }

  @Test
  void terminateWithTwoParametersIsAnError() {
    assertSingleError(server("  @Terminate public void cleanUp(ExitReason reason, int code) {}\n"),
        "[ArborTerminateParameters]", "void cleanUp(ExitReason reason, int code)");
  }

  @Test
  void twoTerminateMethodsAreAnError() {
    assertSingleError(server("""
          @Terminate public void first() {}
          @Terminate public void second(ExitReason reason) {}
        """), "[ArborDuplicateTerminate]", "void second(ExitReason reason)");
  }

  @Test
  void methodWithTwoHandlerAnnotationsIsAnError() {
    assertSingleError(server("  @Call @Cast public void both() {}\n"), "[ArborHandlerAnnotations]", "void both()");
  }

  @Test
  void handlerOutsideAGenServerClassIsAnError() {
    assertSingleError(Sources.of("Plain", """
        public final class Plain {
          @Call public int get() { return 0; }
        }
        """), "[ArborOrphanHandler]", "public int get()");
  }

  @Test
  void handlerInAClassNestedInAServerIsAnError() {
    assertSingleError(server("""
          public static final class Helper {
            @Cast public void poke() {}
          }
        """), "[ArborOrphanHandler]", "public void poke()");
  }

  @Test
  void handlerWithAPrivateTypeIsAnError() {
    assertSingleError(server("""
          @Call public int use(Secret secret) { return 0; }
          private record Secret(int value) {}
        """), "[ArborInaccessibleType]", "int use(Secret secret)");
  }

  @Test
  void handlerWithAnInheritedProtectedTypeIsAnError() {
    JavaFileObject base = JavaFileObjects.forSourceString("other.Base", """
        package other;

        public class Base {
          protected static class Token {}
        }
        """);
    JavaFileObject server = Sources.of("Counter", """
        @GenServer
        public final class Counter extends other.Base {
          @Call public int use(Token token) { return 0; }
        }
        """);
    Compilation compilation = Compilations.compile(base, server);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborInaccessibleType]").inFile(server)
        .onLineContaining("int use(Token token)");
  }

  @Test
  void handlerTypeVariableHidingTheClassVariableIsAnError() {
    assertSingleError(Sources.of("Box", """
        @GenServer
        public final class Box<T> {
          @Call public <T> T echo(T value) { return value; }
        }
        """), "[ArborTypeVariableShadow]", "public <T> T echo(T value)");
  }

  @Test
  void everyErrorInAClassIsReported() {
    JavaFileObject source = server("""
          @Cast public int increment() { return 1; }
          @Call private int secret() { return 1; }
          @Info public void onPair(String a, String b) {}
          @Init public void setUp(int size) {}
          @Call public int stop() { return 0; }
        """);
    Compilation compilation = Compilations.compile(source);
    assertThat(compilation).hadErrorCount(5);
    assertThat(compilation).hadErrorContaining("[ArborCastReturn]").inFile(source).onLineContaining("int increment()");
    assertThat(compilation).hadErrorContaining("[ArborPrivateHandler]").inFile(source).onLineContaining("int secret()");
    assertThat(compilation).hadErrorContaining("[ArborInfoParameter]").inFile(source).onLineContaining("void onPair(");
    assertThat(compilation).hadErrorContaining("[ArborInitParameters]").inFile(source).onLineContaining("void setUp(");
    assertThat(compilation).hadErrorContaining("[ArborReservedName]").inFile(source).onLineContaining("int stop()");
    org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of(), GeneratedFiles.of(new ArborProcessor(), source));
  }
}
