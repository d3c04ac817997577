package test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Drives every kind of handler of the golden Inventory server through its generated client. */
public final class InventoryScenario implements java.util.concurrent.Callable<Map<String, Object>> {
  @Override
  @SuppressWarnings("deprecation") // clear() is deprecated on purpose
  public Map<String, Object> call() throws Exception {
    Map<String, Object> seen = new LinkedHashMap<>();
    InventoryClient<String, Integer> inventory = InventoryClient.start("stock", Map.of("a", 1));
    try {
      seen.put("lifecycle", inventory.seen());
      seen.put("get", inventory.get("a"));
      inventory.put("b", 2);
      seen.put("count", inventory.count());
      seen.put("countRange", inventory.count("a", "b"));
      try {
        inventory.put(null, 3);
        seen.put("checked", "no exception");
      } catch (IOException e) {
        seen.put("checked", "IOException: " + e.getMessage());
      }
      seen.put("tag", inventory.tag("x", "y"));
      String[] keys = {"a"};
      CompletableFuture<Integer> removed = inventory.removeAllAsync(keys);
      keys[0] = "b"; // the client copied the array: the server still removes "a"
      seen.put("removeAll", removed.get(5, TimeUnit.SECONDS));
      seen.put("afterRemove", inventory.get("b"));
      seen.put("transform", inventory.<String>transform("b", v -> "v" + v));
      CompletableFuture<Integer> awaited = inventory.awaitAsync("c");
      inventory.put("c", 3);
      seen.put("await", awaited.get(5, TimeUnit.SECONDS));
      inventory.flush();
      seen.put("snapshot", new String(inventory.snapshot(), StandardCharsets.UTF_8));

      inventory.pid().send(42);
      inventory.pid().send(4.5);
      inventory.pid().send("text");
      inventory.pid().send(List.of(1, 2));
      seen.put("infos", inventory.seen().subList(2, 6));

      inventory.putAll(Map.of("d", 4));
      inventory.clear();
      seen.put("afterClear", inventory.count());

      CompletableFuture<Integer> pending = inventory.awaitAsync("never");
      inventory.count(); // the await has been handled once this returns
      inventory.stop();
      try {
        pending.get(5, TimeUnit.SECONDS);
        seen.put("pendingAtStop", "answered");
      } catch (ExecutionException e) {
        seen.put("pendingAtStop", e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
      }
    } finally {
      if (inventory.pid().isAlive()) {
        inventory.stop();
      }
    }
    InventoryClient<String, String> sized = InventoryClient.start(16, "t1", "t2");
    seen.put("varargsConstructor", sized.snapshot().length);
    sized.stop();
    return seen;
  }
}
