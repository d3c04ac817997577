package test;

import dev.arbor.ExitException;
import dev.arbor.Name;
import dev.arbor.server.StartOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Uses CounterClient as the API contract shows it; returns what it observed. */
public final class CounterScenario implements Callable<Map<String, Object>> {
  @Override
  public Map<String, Object> call() throws Exception {
    Map<String, Object> seen = new LinkedHashMap<>();
    CounterClient counter = CounterClient.start(0);
    try {
      counter.increment();
      seen.put("incrementBy", counter.incrementBy(5));
      seen.put("get", counter.get());
      seen.put("getAsync", counter.getAsync().get(5, TimeUnit.SECONDS));
      seen.put("withTimeout", counter.withTimeout(Duration.ofSeconds(1)).get());
      counter.pid().send(new Counter.Tick());
      seen.put("afterTick", counter.get());

      CounterClient named = CounterClient.start(StartOptions.named("arbor-processor-run-counter"), 7);
      seen.put("byName", CounterClient.of(Name.local("arbor-processor-run-counter")).get());
      seen.put("byPid", CounterClient.of(named.pid()).incrementBy(1));
      named.stop();

      seen.put("childSpecId", CounterClient.childSpec(0).id());
      seen.put("childSpecWithId", CounterClient.childSpec("c1", StartOptions.defaults(), 0).id());
    } finally {
      counter.stop();
    }
    try {
      counter.get();
      seen.put("afterStop", "answered");
    } catch (ExitException e) {
      seen.put("afterStop", e.reason().toString());
    }
    return seen;
  }
}
