package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compares generated clients with the expected sources under {@code src/test/resources/goldens}.
 * After an intended change to the generator, run {@code mvn -pl processor verify
 * -Darbor.regenerateGoldens=true} and review the diff of the goldens like any other change.
 */
class GoldenTest {
  private static final boolean REGENERATE = Boolean.getBoolean("arbor.regenerateGoldens");
  private static final Path RESOURCES = Path.of("src", "test", "resources");

  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "servers/test/Counter.java, test.CounterClient, goldens/test/CounterClient.java",
      "servers/test/Inventory.java, test.InventoryClient, goldens/test/InventoryClient.java",
      "servers/test/Thermostat.java, test.ThermostatClient, goldens/test/ThermostatClient.java",
      "servers/test/Stack.java, test.StackClient, goldens/test/StackClient.java",
  })
  void generatedClientMatchesGolden(String server, String client, String golden) throws IOException {
    Compilation compilation = Compilations.compile(JavaFileObjects.forResource(server));
    assertThat(compilation).succeededWithoutWarnings();
    String actual = Compilations.generatedSource(compilation, client);

    Path goldenFile = RESOURCES.resolve(golden);
    if (REGENERATE) {
      Files.createDirectories(goldenFile.getParent());
      Files.writeString(goldenFile, actual);
      return;
    }
    assertTrue(Files.exists(goldenFile), goldenFile + " is missing; run with -Darbor.regenerateGoldens=true");
    assertEquals(Files.readString(goldenFile), actual,
        "the generated " + client + " differs from " + goldenFile
            + "; if the change is intended, run with -Darbor.regenerateGoldens=true and review the diff");
  }
}
