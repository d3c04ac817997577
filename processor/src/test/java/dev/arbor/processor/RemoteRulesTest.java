package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.arbor.processor.Compilations.assertSingleError;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The rules of {@code @GenServer(remote = true)}: term forms for every request type, atoms, no generics. */
class RemoteRulesTest {

  private static JavaFileObject remote(String body) {
    return Sources.of("Counter", """
        @GenServer(remote = true)
        public final class Counter {
          @Call public int get() { return 0; }
        """ + body + "}\n");
  }

  @Test
  void unmappableHandlerTypeIsACompileError() {
    assertSingleError(remote("  @Call public int incrementBy(float amount) { return 0; }\n"),
        "[ArborRemoteType] in a @GenServer(remote = true) class every request parameter and reply needs an Erlang"
            + " term form; found float as parameter amount of incrementBy(float): Erlang has no such narrow type;"
            + " use double instead.",
        "float amount");
  }

  @Test
  void unmappableElementIsNamed() {
    assertSingleError(remote("  @Cast public void addAll(List<Thread> threads) {}\n"),
        "[ArborRemoteType] in a @GenServer(remote = true) class every request parameter and reply needs an Erlang"
            + " term form; found java.util.List<java.lang.Thread> as parameter threads of addAll(java.util.List<"
            + "java.lang.Thread>), whose java.lang.Thread has none: it has no term form; use a record, an enum, a"
            + " type of the README's table, or a dev.arbor.dist.term type.",
        "List<Thread> threads");
  }

  @Test
  void unmappableReplyIsACompileErrorOnTheMethod() {
    assertSingleError(remote("  @Call public Thread owner() { return null; }\n"),
        "[ArborRemoteType] in a @GenServer(remote = true) class every request parameter and reply needs an Erlang"
            + " term form; found java.lang.Thread as the reply of owner(): it has no term form;",
        "Thread owner()");
  }

  @Test
  void deferredReplyTypeMustMapToo() {
    assertSingleError(remote("  @Call public void owner(Reply<Object[]> reply) {}\n"),
        "[ArborRemoteType] in a @GenServer(remote = true) class every request parameter and reply needs an Erlang"
            + " term form; found java.lang.Object[] as the reply of owner(dev.arbor.server.Reply<java.lang.Object[]>):"
            + " arrays other than byte[] have no term form; use a List.",
        "void owner(Reply<Object[]> reply)");
  }

  @Test
  void recordThatContainsItselfIsAnError() {
    assertSingleError(remote("  @Cast public void add(Node node) {}\n  public record Node(List<Node> children) {}\n"),
        "found test.Counter.Node as parameter node of add(test.Counter.Node): a record that contains itself has no"
            + " finite term form.",
        "Node node");
  }

  @Test
  void twoRequestsWithOneAtomAndArityAreAnError() {
    assertSingleError(remote("  @Call(atom = \"get\") public int fetch() { return 1; }\n"),
        "[ArborRemoteClash] each remote @Call needs its own atom and arity; found get/0 for both get() and"
            + " fetch(). Set @Call(atom = \"...\") on one of them.",
        "int fetch()");
  }

  @Test
  void aCallAndACastMayShareAnAtom() {
    assertThat(Compilations.compile(remote("  @Cast(atom = \"get\") public void refresh() {}\n")))
        .succeededWithoutWarnings();
  }

  @Test
  void unmappableInfoTypeStaysLocal() {
    assertThat(Compilations.compile(remote("  @Info public void onThread(Thread t) {}\n")))
        .succeededWithoutWarnings();
  }

  @Test
  void genericRemoteServerIsAnError() {
    JavaFileObject source = Sources.of("Box", """
        @GenServer(remote = true)
        public final class Box<T> {
          @Call public int size() { return 0; }
        }
        """);
    assertSingleError(source, "[ArborRemoteGeneric] a @GenServer(remote = true) class must not be generic",
        "@GenServer(remote = true)");
  }

  @Test
  void atomOnACallOfAServerThatIsNotRemoteIsAnErrorOnTheValue() {
    JavaFileObject source = Sources.of("Counter", """
        @GenServer
        public final class Counter {
          @Call(atom = "fetch") public int get() { return 0; }
        }
        """);
    assertSingleError(source, "[ArborAtomNotRemote] atom names a request in Erlang and has no effect elsewhere, so only"
        + " a @GenServer(remote = true) class may set it; found @Call(atom = \"fetch\") on get() in Counter, which is"
        + " not remote. Remove atom, or declare @GenServer(remote = true).",
        "atom = \"fetch\"");
  }

  @Test
  void atomOnACastOfAServerThatIsNotRemoteIsAnError() {
    JavaFileObject source = Sources.of("Counter", """
        @GenServer
        public final class Counter {
          @Cast(atom = "bump") public void increment(int by) {}
        }
        """);
    assertSingleError(source, "[ArborAtomNotRemote] atom names a request in Erlang and has no effect elsewhere, so only"
        + " a @GenServer(remote = true) class may set it; found @Cast(atom = \"bump\") on increment(int) in Counter,"
        + " which is not remote.",
        "atom = \"bump\"");
  }
}
