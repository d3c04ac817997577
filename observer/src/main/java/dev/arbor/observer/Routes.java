package dev.arbor.observer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.observe.MessageTrace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Every request, after the {@link Gate}: the static page, one event stream per page, a JSON endpoint
 * for the processes table, and the actions (POST only, refused when read-only).
 */
final class Routes implements HttpHandler {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  /** How many traced messages the process page keeps and shows, newest last. */
  static final int TRACE_KEEP = 100;
  private static final int TRACE_TEXT = 500;

  /**
   * No inline script or style can run, whatever a name or a state contains; nothing is loaded from
   * elsewhere; the page cannot be framed; the token in the URL never leaves in a Referer.
   */
  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
      + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private static final Map<String, String> FILES = Map.of(
      "/", "index.html",
      "/static/observer.css", "observer.css",
      "/static/observer.js", "observer.js");

  private final Gate gate;
  private final boolean readOnly;
  private final String token;
  private final Telemetry telemetry;
  private final History history;
  private final ProcessTableView table = new ProcessTableView();
  /** Open streams that a restart should redraw now. */
  final Set<EventStream> restartWatchers = ConcurrentHashMap.newKeySet();
  /** Every open stream, to end them when the observer stops. */
  final Set<EventStream> open = ConcurrentHashMap.newKeySet();

  Routes(Gate gate, String token, boolean readOnly, Telemetry telemetry, History history) {
    this.gate = gate;
    this.token = token;
    this.readOnly = readOnly;
    this.telemetry = telemetry;
    this.history = history;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      answer(ex);
    }
  }

  /** Answers one request; the caller closes the exchange after (a catch here still has it open). */
  private void answer(HttpExchange ex) throws IOException {
    try {
      headers(ex);
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      boolean action = path.startsWith("/api/action/");
      Gate.Refusal refused = gate.check(ex, action && method.equals("POST"));
      if (refused != null) {
        send(ex, refused.status(), "text/plain", refused.message());
        return;
      }
      if (action) {
        if (!method.equals("POST")) {
          ex.getResponseHeaders().set("Allow", "POST");
          send(ex, 405, "text/plain", "actions are POST only");
        } else if (readOnly) {
          send(ex, 403, "text/plain", "refused: this observer is read-only; actions are off");
        } else {
          send(ex, 200, "application/json", Json.of(Map.of("result", act(path, Query.parse(ex.getRequestURI())))));
        }
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, "text/plain", method + " is not allowed on " + path);
        return;
      }
      get(ex, path, Query.parse(ex.getRequestURI()));
    } catch (Query.BadRequest e) {
      send(ex, 400, "text/plain", e.getMessage());
    } catch (IOException browserWentAway) {
      // nothing to answer
    } catch (RuntimeException e) {
      send(ex, 500, "text/plain", "the observer failed: " + e);
    }
  }

  private static void headers(HttpExchange ex) {
    var h = ex.getResponseHeaders();
    h.set("Content-Security-Policy", CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cache-Control", "no-store");
  }

  private String act(String path, Query q) {
    return switch (path) {
      case "/api/action/kill" -> Actions.kill(q.require("pid"));
      case "/api/action/terminate" -> Actions.terminate(q.require("supervisor"), q.require("id"));
      case "/api/action/restart" -> Actions.restart(q.require("supervisor"), q.require("id"));
      default -> throw new Query.BadRequest("no such action: " + path);
    };
  }

  private void get(HttpExchange ex, String path, Query q) throws IOException {
    String file = FILES.get(path);
    if (file != null) {
      if (path.equals("/")) {
        ex.getResponseHeaders().add("Set-Cookie", gate.cookie(token));
      }
      staticFile(ex, file);
      return;
    }
    switch (path) {
      case "/api/processes" -> send(ex, 200, "application/json", Json.of(table.page(ProcessTableView.Request.from(q))));
      case "/api/config" -> send(ex, 200, "application/json", Json.of(Map.of("readOnly", readOnly)));
      // Timing calls costs every call a little, so the overview counts them only when asked (calls=1).
      case "/events/overview" -> stream(ex, SECOND, true, "1".equals(q.get("calls")) ? telemetry.watchCalls() : null,
          () -> Json.of(history.overview()));
      case "/events/tree" -> stream(ex, 2 * SECOND, true, null, () -> Json.of(TreeView.render()));
      case "/events/processes" -> {
        ProcessTableView.Request r = ProcessTableView.Request.from(q);
        stream(ex, 2 * SECOND, false, null, () -> Json.of(table.page(r)));
      }
      case "/events/calls" -> stream(ex, SECOND, false, telemetry.watchCalls(), () -> Json.of(calls()));
      case "/events/process" -> process(ex, q);
      default -> send(ex, 404, "text/plain", "no such page: " + path);
    }
  }

  private Map<String, Object> calls() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("windowSeconds", CallStats.WINDOW_SECONDS);
    m.put("rows", telemetry.calls.rows());
    return m;
  }

  /** The process page's stream; with {@code trace=1}, the server's received messages too, while it is open. */
  private void process(HttpExchange ex, Query q) throws IOException {
    long id = Pids.id(q.require("pid"));
    Pid pid = Pids.live(q.require("pid"));
    boolean trace = "1".equals(q.get("trace"));
    ArrayDeque<String> traced = new ArrayDeque<>();
    long[] seen = {0};
    ReentrantLock lock = new ReentrantLock();
    EventStream stream = new EventStream();
    AutoCloseable tracing = null;
    if (trace && pid != null) {
      tracing = MessageTrace.trace(pid, r -> {
        String text = r.kind() + (r.handler() != null ? " " + r.handler() : "") + ": " + r.message();
        lock.lock();
        try {
          seen[0]++;
          traced.addLast(text.length() > TRACE_TEXT ? text.substring(0, TRACE_TEXT) + "..." : text);
          if (traced.size() > TRACE_KEEP) {
            traced.removeFirst();
          }
        } finally {
          lock.unlock();
        }
        stream.nudge();
      });
    }
    try {
      stream(ex, stream, SECOND, false, tracing, () -> {
        Map<String, Object> m = pid == null ? Map.of("pid", "<0." + id + ".0>", "alive", false) : ProcessView.render(pid);
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.put("tracing", trace && pid != null);
        lock.lock();
        try {
          out.put("traced", new ArrayList<>(traced));
          out.put("tracedTotal", seen[0]);
        } finally {
          lock.unlock();
        }
        return Json.of(out);
      });
    } finally {
      close(tracing);
    }
  }

  private void stream(HttpExchange ex, long period, boolean onRestart, AutoCloseable whileOpen,
      Supplier<String> data) throws IOException {
    stream(ex, new EventStream(), period, onRestart, whileOpen, data);
  }

  /**
   * Runs one page's stream on this request's thread, which takes a process identity for the stream's
   * life (asking a supervisor or a server for its state is a call); {@code whileOpen} is closed with
   * it.
   */
  private void stream(HttpExchange ex, EventStream stream, long period, boolean onRestart, AutoCloseable whileOpen,
      Supplier<String> data) throws IOException {
    open.add(stream);
    if (onRestart) {
      restartWatchers.add(stream);
    }
    try (var me = Proc.adopt()) {
      // Named, so that the processes page says what these identities are.
      Proc.register("arbor-observer " + ex.getRequestURI().getPath() + " " + me.pid(), me.pid());
      stream.run(ex, period, data);
    } finally {
      open.remove(stream);
      restartWatchers.remove(stream);
      close(whileOpen);
    }
  }

  private static void close(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception cannotHappen) {
        throw new IllegalStateException(cannotHappen);
      }
    }
  }

  private static void staticFile(HttpExchange ex, String name) throws IOException {
    byte[] body;
    try (InputStream in = Routes.class.getResourceAsStream("web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the observer's jar lacks web/" + name);
      }
      body = in.readAllBytes();
    }
    String type = name.endsWith(".html") ? "text/html" : name.endsWith(".css") ? "text/css" : "text/javascript";
    send(ex, 200, type + "; charset=utf-8", body);
  }

  static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    send(ex, status, type.contains("charset") ? type : type + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head) {
      ex.getResponseBody().write(body);
    }
  }
}
