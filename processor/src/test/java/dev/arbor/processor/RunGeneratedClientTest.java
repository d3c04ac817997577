package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.arbor.Proc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Compiles a server with the processor, loads the generated client, and runs it against the real
 * runtime: each scenario is plain user code calling the client as the API contract shows it.
 */
@Timeout(30)
class RunGeneratedClientTest {

  @AfterEach
  void releaseTheTestThreadsProcess() {
    Proc.release();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> run(String server, String scenario) throws Exception {
    Compilation compilation = Compilations.compile(
        JavaFileObjects.forResource("servers/test/" + server + ".java"),
        JavaFileObjects.forResource("scenarios/test/" + scenario + ".java"));
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> type = new CompiledClasses(compilation).loadClass("test." + scenario);
    return ((Callable<Map<String, Object>>) type.getConstructor().newInstance()).call();
  }

  @Test
  void counterClientStartsCallsCastsAndStops() throws Exception {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("incrementBy", 6);
    expected.put("get", 6);
    expected.put("getAsync", 6);
    expected.put("withTimeout", 6);
    expected.put("afterTick", 0);
    expected.put("byName", 7);
    expected.put("byPid", 8);
    expected.put("childSpecId", "CounterClient");
    expected.put("childSpecWithId", "c1");
    expected.put("afterStop", "noproc");
    assertEquals(expected, run("Counter", "CounterScenario"));
  }

  @Test
  void inventoryClientCoversEveryKindOfHandler() throws Exception {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("lifecycle", List.of("init", "warmup:3"));
    expected.put("get", 1);
    expected.put("count", 2);
    expected.put("countRange", 1);
    expected.put("checked", "IOException: no key");
    expected.put("tag", 2);
    expected.put("removeAll", 1);
    expected.put("afterRemove", 2);
    expected.put("transform", "v2");
    expected.put("await", 3);
    expected.put("snapshot", "stock");
    expected.put("infos", List.of("integer:42", "number:4.5", "text:text", "list:2"));
    expected.put("afterClear", 0);
    expected.put("pendingAtStop", "IllegalStateException: stopped");
    expected.put("varargsConstructor", "sized-16".length());
    assertEquals(expected, run("Inventory", "InventoryScenario"));
  }
}
