package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.arbor.processor.Compilations.assertSingleError;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code @RemoteServer}: an interface whose abstract methods are all requests, with term
 * forms, their own atoms and no type parameters; default and static methods are left alone.
 */
class RemoteServerRulesTest {

  private static JavaFileObject stack(String body) {
    return Sources.of("Stack", """
        @RemoteServer
        public interface Stack {
          @Call int pop();
        """ + body + "}\n");
  }

  @Test
  void remoteServerMustBeAnInterface() {
    JavaFileObject source = Sources.of("Stack", """
        @RemoteServer
        public abstract class Stack {
          @Call public abstract int pop();
        }
        """);
    assertSingleError(source, "[ArborRemoteServerKind] @RemoteServer must annotate an interface that is not sealed,"
        + " which its generated client implements; found a class Stack. Declare the remote server's requests in an"
        + " interface that is not sealed.",
        "@RemoteServer");
  }

  @Test
  void sealedInterfaceIsAnErrorOnTheInterface() {
    JavaFileObject source = Sources.of("Stack", """
        @RemoteServer
        public sealed interface Stack {
          @Call int pop();

          record Empty() implements Stack {
            @Override public int pop() { return 0; }
          }
        }
        """);
    assertSingleError(source, "[ArborRemoteServerKind] @RemoteServer must annotate an interface that is not sealed,"
        + " which its generated client implements; found a sealed interface Stack. Declare the remote server's"
        + " requests in an interface that is not sealed.",
        "@RemoteServer");
  }

  @Test
  void abstractMethodWithoutCallOrCastIsAnError() {
    assertSingleError(stack("  int size();\n"),
        "[ArborRemoteServerMethod] every abstract method of a @RemoteServer interface must be a @Call or a @Cast,"
            + " because its client sends each one as a request; found no annotation on size(). Annotate it @Call"
            + " or @Cast, or make it a default method.",
        "int size();");
  }

  @Test
  void infoInARemoteServerIsAnErrorOnTheAnnotation() {
    assertSingleError(stack("  @Info void onNote(String note);\n"),
        "[ArborRemoteServerMethod] every abstract method of a @RemoteServer interface must be a @Call or a @Cast,"
            + " because its client sends each one as a request; found @Info on onNote(java.lang.String).",
        "@Info void onNote");
  }

  @Test
  void inheritedAbstractMethodMustBeARequestToo() {
    JavaFileObject base = Compilations.source("test.Sized", """
        package test;

        public interface Sized {
          int size();
        }
        """);
    JavaFileObject stack = Sources.of("Stack", """
        @RemoteServer
        public interface Stack extends Sized {
          @Call int pop();
        }
        """);
    Compilation compilation = Compilations.compile(base, stack);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborRemoteServerMethod] every abstract method of a @RemoteServer"
        + " interface must be a @Call or a @Cast").inFile(base).onLineContaining("int size();");
  }

  @Test
  void castMustReturnVoid() {
    assertSingleError(stack("  @Cast int push(int x);\n"),
        "[ArborCastReturn] @Cast methods must return void; found int. Use @Call to reply.",
        "@Cast int push(int x);");
  }

  @Test
  void unmappableParameterIsAnErrorOnTheParameter() {
    assertSingleError(stack("  @Cast void push(float x);\n"),
        "[ArborRemoteType] in a @RemoteServer interface every request parameter and reply needs an Erlang term"
            + " form; found float as parameter x of push(float): Erlang has no such narrow type; use double"
            + " instead.",
        "float x");
  }

  @Test
  void unmappableReplyIsAnErrorOnTheMethod() {
    assertSingleError(stack("  @Call Thread owner();\n"),
        "[ArborRemoteType] in a @RemoteServer interface every request parameter and reply needs an Erlang term"
            + " form; found java.lang.Thread as the reply of owner(): it has no term form; use a record, an enum, a"
            + " type of the README's table, or a dev.arbor.dist.term type.",
        "Thread owner();");
  }

  @Test
  void replyParameterIsJustAnUnmappableType() {
    assertSingleError(stack("  @Call void top(Reply<Integer> reply);\n"),
        "[ArborRemoteType] in a @RemoteServer interface every request parameter and reply needs an Erlang term"
            + " form; found dev.arbor.server.Reply<java.lang.Integer> as parameter reply of"
            + " top(dev.arbor.server.Reply<java.lang.Integer>): it has no term form;",
        "Reply<Integer> reply");
  }

  @Test
  void twoRequestsWithOneAtomAndArityAreAnError() {
    assertSingleError(stack("  @Call(atom = \"pop\") int take();\n"),
        "[ArborRemoteClash] each remote @Call needs its own atom and arity; found pop/0 for both pop() and"
            + " take(). Set @Call(atom = \"...\") on one of them.",
        "int take();");
  }

  @Test
  void genericInterfaceIsAnError() {
    JavaFileObject source = Sources.of("Stack", """
        @RemoteServer
        public interface Stack<T> {
          @Call int size();
        }
        """);
    assertSingleError(source, "[ArborRemoteGeneric] a @RemoteServer interface must not be generic, because its"
        + " requests and replies are terms of fixed types; found interface Stack with type parameters. Use concrete"
        + " types.", "@RemoteServer");
  }

  @Test
  void genericMethodIsAnError() {
    assertSingleError(stack("  @Cast <T> void push(T item);\n"),
        "[ArborRemoteGeneric] a @RemoteServer interface must not be generic, because its requests and replies are"
            + " terms of fixed types; found method push(T) with type parameters. Use concrete types.",
        "<T> void push(T item);");
  }

  @Test
  void requestMayNotTakeAClientMethodsName() {
    assertSingleError(stack("  @Call int withTimeout(int millis);\n"),
        "[ArborReservedName] handler names must differ from the client's own methods (start, startLink, childSpec,"
            + " of, pid, withTimeout, stop); found @Call withTimeout(int). Rename it.",
        "int withTimeout");
  }

  @Test
  void privateInterfaceIsAnError() {
    JavaFileObject source = Sources.of("Shop", """
        public class Shop {
          @RemoteServer
          private interface Stack {
            @Call int pop();
          }
        }
        """);
    assertSingleError(source, "[ArborPrivateServer] a @RemoteServer interface must be visible to its generated"
        + " client in the same package; found private interface Shop.Stack. Make it package-private or public.",
        "private interface Stack");
  }

  @Test
  void nonPositiveTimeoutIsAnErrorOnTheValue() {
    JavaFileObject source = Sources.of("Stack", """
        @RemoteServer(defaultCallTimeoutMillis = 0)
        public interface Stack {
          @Call int pop();
        }
        """);
    assertSingleError(source, "[ArborCallTimeout] defaultCallTimeoutMillis must be positive; found 0.",
        "defaultCallTimeoutMillis = 0");
  }

  @Test
  void defaultAndStaticMethodsAreLeftAlone() {
    Compilation compilation = Compilations.compile(stack("""
          default int popTwice() { return pop() + pop(); }
          static Stack none() { return null; }
          private int helper() { return 0; }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    String client = Compilations.generatedSource(compilation, "test.StackClient");
    org.junit.jupiter.api.Assertions.assertFalse(client.contains("popTwice") || client.contains("none()")
        || client.contains("helper"), client);
  }

  @Test
  void callOnADefaultMethodIsAnError() {
    assertSingleError(stack("  @Call default int peek() { return pop(); }\n"),
        "[ArborRemoteServerBody] in a @RemoteServer interface only abstract methods are requests, because the"
            + " client implements those alone; found @Call on peek(), which has a body. Remove @Call, or the body.",
        "default int peek()");
  }

  @Test
  void olderReleaseErrorNamesRemoteServer() {
    JavaFileObject source = stack("");
    Compilation compilation = Compilations.javac().withOptions("--release", "17").compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborRelease] a @RemoteServer interface must be compiled for Java 21"
        + " or newer, as its generated client runs on Arbor's runtime, which needs Java 21; found release 17. Compile"
        + " with --release 21 or newer.").inFile(source).onLineContaining("public interface Stack");
  }

  @Test
  void clientNameOfATypeInTheSourcesIsAnErrorThatSaysToRenameTheInterface() {
    JavaFileObject existing = Sources.of("StackClient", "public final class StackClient {}\n");
    JavaFileObject source = stack("");
    Compilation compilation = Compilations.compile(existing, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborClientExists] the client's name must be free in its package;"
        + " found an existing type StackClient in test. Rename the @RemoteServer interface, whose client is named"
        + " after it, or the other type.").inFile(source).onLineContaining("public interface Stack");
  }

  @Test
  void clientNameTakenByAGenServersClientIsAnErrorNamingThatGenServer() {
    JavaFileObject counter = Sources.of("Counter", """
        @GenServer(clientName = "StackClient")
        public final class Counter {
          @Call public int get() { return 0; }
        }
        """);
    JavaFileObject source = stack("");
    Compilation compilation = Compilations.compile(counter, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborClientExists] the client's name must be free in its package;"
        + " found StackClient in test, the client generated for @GenServer test.Counter. Rename the @RemoteServer"
        + " interface, whose client is named after it, or the other type.")
        .inFile(source).onLineContaining("public interface Stack");
  }

  @Test
  void genServerClientNameTakenByARemoteServersClientIsAnErrorNamingThatRemoteServer() {
    // Counter names OtherClient, so it waits a round: StackClient exists by then.
    JavaFileObject other = Sources.of("Other", """
        @GenServer
        public final class Other {
          @Call public int get() { return 0; }
        }
        """);
    JavaFileObject counter = Sources.of("Counter", """
        @GenServer(clientName = "StackClient")
        public final class Counter {
          @Cast public void use(OtherClient other) {}
        }
        """);
    Compilation compilation = Compilations.compile(other, counter, stack(""));
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborClientExists] the client's name must be free in its package;"
        + " found StackClient in test, the client generated for @RemoteServer test.Stack. Set @GenServer(clientName ="
        + " \"...\") to another name.").inFile(counter).onLineContaining("public final class Counter");
  }
}
