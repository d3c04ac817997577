package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What the client's javadoc keeps of the server's, and what it must say differently. */
class CopiedDocsTest {

  /** Documented the way a careful user documents a server; every comment must still hold on the client. */
  private static final JavaFileObject GAUGE = Sources.of("Gauge", """
      /**
       * A gauge that remembers its last reading; see {@link #reading()}.
       *
       * @param <U> the unit readings are in
       */
      @GenServer
      public final class Gauge<U> {
        private int last;

        /**
         * The last reading, as {@link #helper()} computes it and {@linkplain #stop() stop} leaves it.
         *
         * @return the reading
         * @throws IllegalStateException if no reading was ever taken
         * @see #helper()
         */
        @Call public int reading() { return helper(); }

        /**
         * Records a reading.
         *
         * @param value the reading, checked by {@link #helper()}
         * @throws IllegalArgumentException if {@code value} is negative
         */
        @Cast public void record(int value) { last = value; }

        /**
         * Loads a reading from {@code path}.
         *
         * @param path where to read
         * @return the reading
         * @throws java.io.IOException if {@code path} cannot be read
         * @throws ArithmeticException if the file holds a bad number
         */
        @Call public int load(String path) throws java.io.IOException { return path.length(); }

        /** Not a handler; the client has a stop() of its own. */
        public void stop() {}

        int helper() { return last; }
      }
      """);

  private static Compilation compileWithDoclint() {
    return Compilations.javac()
        .withOptions("-Xlint:all,-processing", "-Werror", "-Xdoclint:all,-missing")
        .compile(GAUGE);
  }

  @Test
  void javadocMemberLinksResolveInGeneratedClient() {
    Compilation compilation = compileWithDoclint();

    // Before, "{@link #helper()}" was "reference not found" in the client, and "#stop()" named the client's stop.
    assertThat(compilation).succeededWithoutWarnings();
    String client = Compilations.generatedSource(compilation, "test.GaugeClient");
    assertTrue(client.contains("as {@link test.Gauge#helper()} computes it and {@linkplain test.Gauge#stop() stop}"),
        client);
    assertTrue(client.contains("@see test.Gauge#helper()"), client);
    assertTrue(client.contains("checked by {@link test.Gauge#helper()}"), client);
  }

  @Test
  void uncheckedThrowsSaysTheCallerGetsTheServersCrash() {
    String client = Compilations.generatedSource(compileWithDoclint(), "test.GaugeClient");

    assertTrue(client.contains("@throws dev.arbor.ExitException if the server crashes: the handler throws"
        + " {@code IllegalStateException} if no reading was ever taken"), client);
    assertTrue(client.contains("@throws java.io.IOException if {@code path} cannot be read"),
        "a checked exception is rethrown to the caller as itself: " + client);
    assertTrue(client.contains("@throws dev.arbor.ExitException if the server crashes: the handler throws"
        + " {@code ArithmeticException} if the file holds a bad number"), client);
    assertTrue(client.contains("<p>The handler throws {@code IllegalArgumentException} if {@code value} is negative."
        + " That crashes the server; the cast itself never fails."), client);
    assertTrue(!client.contains("@throws IllegalStateException") && !client.contains("@throws IllegalArgumentException"),
        client);
  }

  @Test
  void clientCarriesTheServersClassComment() {
    String client = Compilations.generatedSource(compileWithDoclint(), "test.GaugeClient");

    assertTrue(client.contains("<p>A gauge that remembers its last reading; see {@link test.Gauge#reading()}."),
        client);
    assertTrue(client.contains("@param <U> the unit readings are in"), client);
  }
}
