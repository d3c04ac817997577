package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Shapes of servers whose generated clients must compile without a single warning under
 * {@code -Xlint:all -Werror}, and the names and signatures the clients get.
 */
class GeneratedCodeTest {

  private static Compilation compileClean(JavaFileObject... sources) {
    Compilation compilation = Compilations.compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  private static String client(Compilation compilation, String name) {
    return Compilations.generatedSource(compilation, name);
  }

  @Test
  void nestedServerClientIsNamedAfterOuterAndInner() {
    Compilation compilation = compileClean(Sources.of("Shop", """
        public final class Shop {
          @GenServer
          public static final class Till {
            @Call public int total() { return 0; }
          }

          interface Parts {
            @GenServer
            final class Inner {
              @Cast public void poke() {}
            }
          }
        }
        """));
    assertThat(compilation).generatedSourceFile("test.Shop_TillClient").contentsAsUtf8String()
        .contains("public final class Shop_TillClient {");
    // An interface's member class is implicitly static; its client is package-private like Parts.
    assertThat(compilation).generatedSourceFile("test.Shop_Parts_InnerClient").contentsAsUtf8String()
        .contains("\nfinal class Shop_Parts_InnerClient {");
  }

  @Test
  void clientMethodDeclaresHandlerExceptionsButNotInterruptedException() {
    Compilation compilation = compileClean(Sources.of("Slow", """
        @GenServer
        public final class Slow {
          static final class Stalled extends InterruptedException {
            private static final long serialVersionUID = 1L;
          }

          @Call public int nap() throws InterruptedException, java.io.IOException { return 0; }
          @Call public int stall() throws Stalled { return 0; }
        }
        """));
    // The server loop takes an interrupt as its own exit: the caller sees an ExitException instead.
    assertThat(compilation).generatedSourceFile("test.SlowClient").contentsAsUtf8String()
        .contains("public int nap() throws IOException {");
    assertThat(compilation).generatedSourceFile("test.SlowClient").contentsAsUtf8String()
        .contains("public int stall() {");
  }

  @Test
  void clientNameOverridesTheDefault() {
    Compilation compilation = compileClean(Sources.of("Counter", """
        @GenServer(clientName = "Tally")
        public final class Counter {
          @Call public int get() { return 0; }
        }
        """));
    assertThat(compilation).generatedSourceFile("test.Tally").contentsAsUtf8String()
        .contains("ServerType.builder(Counter.class,");
  }

  @Test
  void packagePrivateServerGetsAPackagePrivateClient() {
    Compilation compilation = compileClean(Sources.of("Quiet", """
        @GenServer
        final class Quiet {
          @Call int get() { return 0; }
        }
        """));
    assertThat(compilation).generatedSourceFile("test.QuietClient").contentsAsUtf8String()
        .contains("\nfinal class QuietClient {");
  }

  @Test
  void recordServerGetsAClientMirroringItsCanonicalConstructor() {
    Compilation compilation = compileClean(Sources.of("Tally", """
        @GenServer
        public record Tally(List<String> names) {
          @Cast public void add(String name) { names.add(name); }
          @Call public int size() { return names.size(); }
        }
        """));
    assertThat(compilation).generatedSourceFile("test.TallyClient").contentsAsUtf8String()
        .contains("public static TallyClient start(List<String> names)");
  }

  @Test
  void serverInTheUnnamedPackageWorks() {
    compileClean(JavaFileObjects.forSourceString("Loose", """
        import dev.arbor.annotation.*;

        @GenServer
        public final class Loose {
          @Call public int get() { return 0; }
        }
        """));
  }

  @Test
  void serverWithoutRequestsGetsAClientWithoutRequestMethods() {
    Compilation compilation = compileClean(Sources.of("Watcher", """
        @GenServer
        public final class Watcher {
          @Info public void on(String message) {}
          @Init public void setUp() {}
        }
        """));
    assertThat(compilation).generatedSourceFile("test.WatcherClient").contentsAsUtf8String()
        .contains("private interface Message {");
  }

  @Test
  void userTypesNamedLikeGeneratedTypesAreNotShadowed() {
    Compilation compilation = compileClean(
        Sources.of("Message", "public record Message(String text) {}\n"),
        Sources.of("Dispatch", "public record Dispatch(int id) {}\n"),
        Sources.of("Get", "public record Get(String key) {}\n"),
        Sources.of("Mailer", """
            @GenServer
            public final class Mailer {
              @Call public Message get(Get get) { return new Message(get.key()); }
              @Cast public void send(Message message, Dispatch dispatch) {}
              @Info public void on(Message message) {}
            }
            """));
    String client = client(compilation, "test.MailerClient");
    org.junit.jupiter.api.Assertions.assertTrue(client.contains("private sealed interface Message_"), client);
    org.junit.jupiter.api.Assertions.assertTrue(client.contains("record Get_(Get get)"), client);
  }

  @Test
  void parameterNamesThatClashWithGeneratedNamesAreKept() {
    Compilation compilation = compileClean(Sources.of("Names", """
        @GenServer
        public final class Names {
          public Names(String options, String id, String TYPE, String... ref) {}

          @Call public int ref(String ref) { return 0; }
          @Cast public void record(int hashCode, String toString, int m) {}
          @Call public String type(String call, String server, String message) { return ""; }
        }
        """));
    String client = client(compilation, "test.NamesClient");
    for (String expected : new String[] {
        "start(StartOptions options_, String options, String id, String TYPE,",
        "childSpec(String id_, StartOptions options_, String options, String id,",
        "<p>{@code options_} name the server and bound its start.",
        "NamesClient.TYPE",
        "return this.ref.call(\"ref\", new Message.Ref(ref));",
        "public void record(int hashCode, String toString, int m)",
        "record Record(int hashCode_, String toString_, int m)",
        "public String type(String call, String server, String message)"}) {
      org.junit.jupiter.api.Assertions.assertTrue(client.contains(expected), expected + " in\n" + client);
    }
  }

  @Test
  void genericHandlersBindTheirTypeVariablesOnce() {
    Compilation compilation = compileClean(Sources.of("Registry", """
        @GenServer
        public final class Registry {
          private final Map<Class<?>, Object> values = new HashMap<>();

          @Cast public <T> void put(Class<T> type, T value) { values.put(type, value); }
          @Call public <T> T get(Class<T> type) { return type.cast(values.get(type)); }
          @Call public <T extends Number & Comparable<T>> void max(List<T> xs, Reply<T> reply) {}
          @Call public <E extends Exception> void run(E failure) throws E { throw failure; }
        }
        """));
    String client = client(compilation, "test.RegistryClient");
    org.junit.jupiter.api.Assertions.assertTrue(client.contains("case Message.Put<?> m -> put(server, m, call);"), client);
    org.junit.jupiter.api.Assertions.assertTrue(
        client.contains("public <T extends Number & Comparable<T>> T max(List<T> xs)"), client);
    org.junit.jupiter.api.Assertions.assertTrue(client.contains("public <E extends Exception> void run(E failure) throws E"),
        client);
  }

  @Test
  void varargsWithoutSafeVarargsStayWarningFree() {
    Compilation compilation = compileClean(Sources.of("Lists", """
        @GenServer
        public final class Lists<T> {
          @SuppressWarnings("unchecked")
          @Call public int count(List<String>... lists) { return lists.length; }
          @SuppressWarnings("unchecked")
          @Cast public void addAll(T... items) {}
          @SafeVarargs
          @Cast public final void addSafely(T... items) {}
          public Lists() {}
          @SafeVarargs
          public Lists(T... seed) {}
        }
        """));
    String client = client(compilation, "test.ListsClient");
    org.junit.jupiter.api.Assertions.assertTrue(client.contains("@SafeVarargs\n  @SuppressWarnings(\"varargs\")\n"
        + "  public final void addSafely(T... items)"), client);
    org.junit.jupiter.api.Assertions.assertTrue(client.contains("items.clone()"), client);
  }

  @Test
  void infoHandlersOfEveryReifiableShapeCompile() {
    Compilation compilation = compileClean(Sources.of("Shapes", """
        @GenServer
        public final class Shapes {
          @Info public void onInt(int value) {}
          @Info public void onGrid(int[][] grid) {}
          @SuppressWarnings("rawtypes")
          @Info public void onRawList(List list) {}
          @Info public void onMaps(Map<?, ?>[] maps) {}
          @Info public void onEntry(Map.Entry<?, ?> entry) {}
          @Info public void onObject(Object anything) {}
          @Continue public void next(CharSequence step) {}
          @Continue public void next(String step) {}
        }
        """));
    String client = client(compilation, "test.ShapesClient");
    for (String expected : new String[] {
        "if (message instanceof Integer m) {",
        "if (message instanceof List<?> m) {",
        "if (message instanceof Object m && !(message instanceof Integer) && !(message instanceof int[][])",
        "if (value instanceof CharSequence m && !(value instanceof String)) {"}) {
      org.junit.jupiter.api.Assertions.assertTrue(client.contains(expected), expected + " in\n" + client);
    }
  }

  @Test
  void deprecatedServersAndHandlersCompileWithoutWarnings() {
    Compilation compilation = compileClean(
        Sources.of("Old", """
            /** @deprecated use something newer */
            @Deprecated(forRemoval = true)
            public final class Old {}
            """),
        Sources.of("Legacy", """
            /** A server kept for old callers. @deprecated use the new one */
            @Deprecated
            @GenServer
            public final class Legacy {
              @Deprecated public Legacy() {}
              /** Legacy. */
              @SuppressWarnings("removal")
              @Call public Old old() { return null; }
              /**
               * Hurried.
               *
               * @deprecated do not rush
               */
              @Deprecated(since = "1", forRemoval = true)
              @Cast public void rush() {}
            }
            """));
    String client = client(compilation, "test.LegacyClient");
    org.junit.jupiter.api.Assertions.assertTrue(client.contains("@SuppressWarnings({\"deprecation\", \"removal\"})"),
        client);
  }

  @Test
  void genericServerWithRecursiveBoundsCompiles() {
    compileClean(Sources.of("Ranked", """
        @GenServer(trapExits = true, defaultCallTimeoutMillis = 250)
        public final class Ranked<K extends Comparable<K>, V extends List<K>> {
          public Ranked(Map<K, V> initial) {}
          @Call public V top(K key) { return null; }
          @Call public void await(K key, Reply<V> reply) {}
          @Info public void on(Comparable<?> anything) {}
        }
        """));
  }

  @Test
  void handlerNamedLikeThePrivateTypeAccessorKeepsItsName() {
    Compilation compilation = compileClean(Sources.of("Holder", """
        @GenServer
        public final class Holder<T> {
          @Call public T type() { return null; }
          @Call public T typeAsync(int unused) { return null; }
        }
        """));
    String client = client(compilation, "test.HolderClient");
    org.junit.jupiter.api.Assertions.assertTrue(client.contains("public T type() {"), client);
    org.junit.jupiter.api.Assertions.assertTrue(client.contains("HolderClient.<T>type_()"), client);
  }

  @Test
  void typeUseAnnotationsAreCarriedIntoTheClient() {
    Compilation compilation = compileClean(
        Sources.of("Nullable", """
            @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)
            public @interface Nullable {}
            """),
        Sources.of("Lookup", """
            @GenServer
            public final class Lookup {
              @Call public @Nullable String find(@Nullable String key) { return key; }
              @Info public void on(@Nullable CharSequence text) {}
            }
            """));
    assertThat(compilation).generatedSourceFile("test.LookupClient").contentsAsUtf8String()
        .contains("find(@Nullable String key)");
  }

  @Test
  void overloadsTakingLambdasStayWarningFree() {
    compileClean(Sources.of("Hooks", """
        @GenServer
        @SuppressWarnings("overloads")
        public final class Hooks {
          @Cast public void on(java.util.function.Consumer<String> consumer) {}
          @Cast public void on(java.util.function.Function<String, String> function) {}
        }
        """));
  }
}
