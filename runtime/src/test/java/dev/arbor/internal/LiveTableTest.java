package dev.arbor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live-process table: every process it holds is found by its pid number, and only those. */
class LiveTableTest {
  /** Processes that never run: adopted ones, so that creating them touches no other table. */
  private static List<Process> processes(int n) {
    List<Process> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new Process(true));
    }
    return list;
  }

  @Test
  void findsEveryProcessAddedAcrossGrowthAndForgetsRemovedOnes() {
    LiveTable table = new LiveTable();
    List<Process> all = processes(5_000); // 64 stripes of 8 buckets grow several times
    all.forEach(table::add);
    assertEquals(5_000, table.size());
    for (Process p : all) {
      assertSame(p, table.get(p.pid().id()));
    }
    for (int i = 0; i < all.size(); i += 2) {
      table.remove(all.get(i));
    }
    assertEquals(2_500, table.size());
    for (int i = 0; i < all.size(); i++) {
      Process p = all.get(i);
      if (i % 2 == 0) {
        assertNull(table.get(p.pid().id()), "removed " + p.pid());
      } else {
        assertSame(p, table.get(p.pid().id()));
      }
    }
    List<Process> listed = new ArrayList<>();
    table.addAllTo(listed);
    HashSet<Process> odd = new HashSet<>();
    for (int i = 1; i < all.size(); i += 2) {
      odd.add(all.get(i));
    }
    assertEquals(odd, new HashSet<>(listed));
    assertEquals(2_500, listed.size());
  }

  @Test
  void removingTwiceOrRemovingAStrangerChangesNothing() {
    LiveTable table = new LiveTable();
    List<Process> two = processes(2);
    table.add(two.get(0));
    table.remove(two.get(1)); // never added
    table.remove(two.get(0));
    table.remove(two.get(0));
    assertEquals(0, table.size());
    assertNull(table.get(two.get(0).pid().id()));
  }

  @Test
  void concurrentAddsAndRemovesLoseNothing() throws Exception {
    LiveTable table = new LiveTable();
    int threads = 4;
    int each = 20_000;
    List<List<Process>> kept = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(threads);
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      List<Process> mine = processes(each);
      List<Process> keep = new ArrayList<>();
      kept.add(keep);
      Thread.ofPlatform().start(() -> {
        try {
          for (int i = 0; i < mine.size(); i++) {
            Process p = mine.get(i);
            table.add(p);
            if (i % 3 == 0) {
              table.remove(p);
            } else {
              keep.add(p);
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        } finally {
          done.countDown();
        }
      });
    }
    assertTrue(done.await(60, TimeUnit.SECONDS), "the writers did not finish within 60 s");
    assertEquals(List.of(), failures);
    int expected = kept.stream().mapToInt(List::size).sum();
    assertEquals(expected, table.size());
    for (List<Process> keep : kept) {
      for (Process p : keep) {
        assertSame(p, table.get(p.pid().id()));
      }
    }
  }
}
