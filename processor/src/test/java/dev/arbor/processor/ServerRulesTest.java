package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.arbor.processor.Compilations.assertSingleError;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The rules on the {@code @GenServer} type itself, its attributes and its constructors. */
class ServerRulesTest {

  @Test
  void genServerOnAnInterfaceIsAnError() {
    assertSingleError(Sources.of("Api", """
        @GenServer
        public interface Api {}
        """), "[ArborServerKind]", "public interface Api");
  }

  @Test
  void genServerOnAnEnumIsAnError() {
    assertSingleError(Sources.of("Mode", """
        @GenServer
        public enum Mode { ON, OFF }
        """), "[ArborServerKind]", "public enum Mode");
  }

  @Test
  void abstractServerIsAnError() {
    assertSingleError(Sources.of("Base", """
        @GenServer
        public abstract class Base {
          @Call public int get() { return 0; }
        }
        """), "[ArborAbstractServer]", "public abstract class Base");
  }

  @Test
  void privateNestedServerIsAnError() {
    assertSingleError(Sources.of("Outer", """
        public class Outer {
          @GenServer
          private static final class Hidden {
            @Call int get() { return 0; }
          }
        }
        """), "[ArborPrivateServer]", "private static final class Hidden");
  }

  @Test
  void serverInsideAPrivateClassIsAnError() {
    assertSingleError(Sources.of("Outer", """
        public class Outer {
          private static class Holder {
            @GenServer
            static final class Inside {
              @Call int get() { return 0; }
            }
          }
        }
        """), "[ArborPrivateServer]", "static final class Inside");
  }

  @Test
  void innerServerIsAnError() {
    assertSingleError(Sources.of("Outer", """
        public class Outer {
          @GenServer
          public final class Inner {
            @Call public int get() { return 0; }
          }
        }
        """), "[ArborInnerServer]", "public final class Inner");
  }

  @Test
  void serverWithOnlyPrivateConstructorsIsAnError() {
    assertSingleError(Sources.of("Singleton", """
        @GenServer
        public final class Singleton {
          private Singleton() {}
          @Call public int get() { return 0; }
        }
        """), "[ArborNoConstructor]", "public final class Singleton");
  }

  @Test
  void clientNameThatIsNotAJavaNameIsAnError() {
    assertSingleError(Sources.of("Counter", """
        @GenServer(clientName = "not a name")
        public final class Counter {
          @Call public int get() { return 0; }
        }
        """), "[ArborClientName]", "clientName = \"not a name\"");
  }

  @Test
  void clientNameEqualToTheServersNameIsAnError() {
    assertSingleError(Sources.of("Counter", """
        @GenServer(clientName = "Counter")
        public final class Counter {
          @Call public int get() { return 0; }
        }
        """), "[ArborClientName]", "clientName = \"Counter\"");
  }

  @Test
  void clientNameOfATypeInTheSourcesIsAnError() {
    JavaFileObject helper = Sources.of("Helper", "public final class Helper {}\n");
    JavaFileObject counter = Sources.of("Counter", """
        @GenServer(clientName = "Helper")
        public final class Counter {
          @Call public int get() { return 0; }
        }
        """);
    Compilation compilation = Compilations.compile(helper, counter);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborClientExists]").inFile(counter)
        .onLineContaining("public final class Counter");
  }

  @Test
  void twoServersWithTheSameClientNameIsAnError() {
    JavaFileObject first = Sources.of("First", """
        @GenServer(clientName = "Shared")
        public final class First {
          @Call public int get() { return 1; }
        }
        """);
    JavaFileObject second = Sources.of("Second", """
        @GenServer(clientName = "Shared")
        public final class Second {
          @Call public int get() { return 2; }
        }
        """);
    Compilation compilation = Compilations.compile(first, second);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborClientExists] the client's name must be free in its package;"
        + " found Shared in test, the client generated for @GenServer test.First. Set @GenServer(clientName = \"...\")"
        + " to another name.").inFile(second).onLineContaining("public final class Second");
  }

  @Test
  void clientNameErrorSuggestsThisServersOwnDefault() {
    JavaFileObject gauge = Sources.of("Gauge", """
        @GenServer(clientName = "not a name")
        public final class Gauge {
          @Call public int get() { return 0; }
        }
        """);
    Compilation compilation = Compilations.compile(gauge);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborClientName] clientName must be a Java class name that differs"
        + " from the server's own; found \"not a name\". Choose another name, such as \"GaugeClient\".")
        .inFile(gauge).onLineContaining("clientName = \"not a name\"");
  }

  @Test
  void olderReleaseGetsATaggedError() {
    JavaFileObject counter = Sources.of("Counter", """
        @GenServer
        public final class Counter {
          @Call public int get() { return 0; }
        }
        """);
    Compilation compilation = Compilations.javac().withOptions("--release", "17").compile(counter);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborRelease] a @GenServer class must be compiled for Java 21 or"
        + " newer, as its generated client uses pattern matching in switch; found release 17. Compile with"
        + " --release 21 or newer.").inFile(counter).onLineContaining("public final class Counter");
  }

  @Test
  void nonPositiveCallTimeoutIsAnError() {
    assertSingleError(Sources.of("Counter", """
        @GenServer(defaultCallTimeoutMillis = 0)
        public final class Counter {
          @Call public int get() { return 0; }
        }
        """), "[ArborCallTimeout]", "defaultCallTimeoutMillis = 0");
  }

  @Test
  void constructorWithATypeTheClientCannotNameIsAnError() {
    assertSingleError(Sources.of("Vault", """
        @GenServer
        public final class Vault {
          public Vault(Secret secret) {}
          Vault() {}
          @Call public int get() { return 0; }
          private record Secret(String value) {}
        }
        """), "[ArborInaccessibleType]", "public Vault(Secret secret)");
  }

  @Test
  void constructorsThatGenerateTheSameStartMethodAreAnError() {
    assertSingleError(Sources.of("Counter", """
        @GenServer
        public final class Counter {
          public Counter() {}
          public Counter(StartOptions options) {}
          @Call public int get() { return 0; }
        }
        """), "[ArborConstructorClash]", "public Counter(StartOptions options)");
  }

  @Test
  void constructorTypeVariableHidingTheClassVariableIsAnError() {
    assertSingleError(Sources.of("Box", """
        @GenServer
        public final class Box<T> {
          public <T> Box(T seed) {}
          @Call public int get() { return 0; }
        }
        """), "[ArborTypeVariableShadow]", "public <T> Box(T seed)");
  }

  @Test
  void everyProblemWithTheClassItselfIsReported() {
    Compilation compilation = Compilations.compile(Sources.of("Outer", """
        public class Outer {
          @GenServer(clientName = "1st", defaultCallTimeoutMillis = -5)
          private abstract class Broken {
            private Broken() {}
          }
        }
        """));
    assertThat(compilation).hadErrorCount(6);
    for (String tag : new String[] {"[ArborAbstractServer]", "[ArborInnerServer]", "[ArborNoConstructor]",
        "[ArborPrivateServer]", "[ArborClientName]", "[ArborCallTimeout]"}) {
      assertThat(compilation).hadErrorContaining(tag);
    }
  }
}
