package dev.arbor.observer;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.ProcessInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The processes page: one snapshot of every process, then sorted, filtered and cut into a page on the
 * server, so the browser receives 50 rows whether 100 or 100,000 processes are alive. A snapshot
 * serves every viewer for {@link #MAX_AGE_NANOS}, so two open tabs do not walk the table twice.
 */
final class ProcessTableView {
  /** How long one snapshot serves every request. */
  static final long MAX_AGE_NANOS = 1_000_000_000L;

  /** One process as the table shows it. */
  record Row(Pid pid, String name, String kind, String status, int mailbox, String handler, int links,
      int monitors) {
    /** The text a filter looks in: pid, name, kind. */
    boolean matches(String needle) {
      return pid.toString().contains(needle)
          || (name != null && name.toLowerCase(Locale.ROOT).contains(needle))
          || kind.toLowerCase(Locale.ROOT).contains(needle);
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("pid", pid.toString());
      m.put("name", name);
      m.put("kind", kind);
      m.put("status", status);
      m.put("mailbox", mailbox);
      m.put("handler", handler);
      m.put("links", links);
      m.put("monitors", monitors);
      return m;
    }
  }

  private record Snapshot(long takenAt, List<Row> rows) {}

  /** The columns that sort, each with its order. */
  private static final Map<String, Comparator<Row>> SORTS = Map.of(
      "pid", Comparator.comparingLong(r -> r.pid().id()),
      "name", Comparator.comparing(Row::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)),
      "kind", Comparator.comparing(Row::kind, String.CASE_INSENSITIVE_ORDER),
      "status", Comparator.comparing(Row::status),
      "mailbox", Comparator.comparingInt(Row::mailbox),
      "handler", Comparator.comparing(Row::handler, Comparator.nullsLast(Comparator.naturalOrder())),
      "links", Comparator.comparingInt(Row::links),
      "monitors", Comparator.comparingInt(Row::monitors));

  private final AtomicReference<Snapshot> last = new AtomicReference<>();

  /** What the page asked for: sort column and direction, a filter, the page and its size. */
  record Request(String sort, boolean descending, String filter, int page, int size) {
    static Request from(Query q) {
      String sort = q.get("sort", "pid");
      if (!SORTS.containsKey(sort)) {
        throw new Query.BadRequest("cannot sort by \"" + sort + "\"; columns: " + new java.util.TreeSet<>(SORTS.keySet()));
      }
      String dir = q.get("dir", "asc");
      if (!dir.equals("asc") && !dir.equals("desc")) {
        throw new Query.BadRequest("dir must be asc or desc: " + dir);
      }
      return new Request(sort, dir.equals("desc"), q.get("filter", "").trim().toLowerCase(Locale.ROOT),
          q.integer("page", 0, 0, Integer.MAX_VALUE), q.integer("size", 50, 1, 500));
    }
  }

  /** The page of rows {@code r} asks for, as JSON-ready data. */
  Map<String, Object> page(Request r) {
    long start = System.nanoTime();
    List<Row> all = snapshot().rows();
    List<Row> matched;
    if (r.filter().isEmpty()) {
      matched = new ArrayList<>(all);
    } else {
      matched = new ArrayList<>();
      for (Row row : all) {
        if (row.matches(r.filter())) {
          matched.add(row);
        }
      }
    }
    Comparator<Row> order = SORTS.get(r.sort());
    if (r.descending()) {
      order = order.reversed();
    }
    matched.sort(order.thenComparingLong(row -> row.pid().id()));
    int from = (int) Math.min((long) r.page() * r.size(), matched.size()); // a page past the end is empty
    int to = Math.min(from + r.size(), matched.size());
    List<Map<String, Object>> rows = new ArrayList<>(to - from);
    for (Row row : matched.subList(from, to)) {
      rows.add(row.json());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", all.size());
    out.put("matched", matched.size());
    out.put("page", r.page());
    out.put("size", r.size());
    out.put("sort", r.sort());
    out.put("dir", r.descending() ? "desc" : "asc");
    out.put("rows", rows);
    out.put("millis", (System.nanoTime() - start) / 1_000_000);
    return out;
  }

  private static Row row(ProcessInfo i) {
    return new Row(i.pid(), i.name(), Kinds.label(i), STATUS[i.status().ordinal()], i.mailboxLength(),
        i.currentHandler(), i.links().size(), i.monitors().size());
  }

  private static final String[] STATUS = java.util.Arrays.stream(ProcessInfo.Status.values())
      .map(st -> st.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

  private Snapshot snapshot() {
    Snapshot s = last.get();
    long now = System.nanoTime();
    if (s != null && now - s.takenAt() < MAX_AGE_NANOS) {
      return s;
    }
    // Reading a process's info takes its lock for a moment; with 100,000 processes that is most of
    // the page's first data, so the reads are spread over the common pool's threads.
    List<Row> rows = Proc.list().parallelStream()
        .map(pid -> Proc.info(pid).map(ProcessTableView::row).orElse(null))
        .filter(java.util.Objects::nonNull)
        .toList();
    Snapshot taken = new Snapshot(System.nanoTime(), rows);
    last.set(taken);
    return taken;
  }
}
