package dev.arbor.observer;

import com.sun.net.httpserver.HttpServer;
import dev.arbor.observe.ArborEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A live observer of this JVM's Arbor processes, in the browser (Erlang's {@code :observer}):
 *
 * <pre>{@code
 * try (Observer observer = Observer.start()) {   // prints its URL
 *   ...                                         // open it while the application runs
 * }
 * }</pre>
 *
 * <p>It serves five pages, all live over server-sent events: an overview (processes, heap, restarts
 * and crashes per minute, calls per second, with charts of the last minutes), the supervision tree
 * (restarts show as they happen), every process (sorted, filtered and paginated on the server), one
 * process (its info, its state through {@code Server.getStatus}, so {@code FormatStatus} redactions
 * hold, its stack, and a trace of its incoming messages on demand), and call latency per server and
 * handler. Buttons kill a process or terminate or restart a supervisor's child, unless the observer
 * is {@linkplain ObserverOptions#readOnly(boolean) read-only}.
 *
 * <p>Safe by default: it listens on loopback only; every request needs the random token that the
 * printed URL carries (401 without it); the {@code Host} header must name the observer (against DNS
 * rebinding); actions are POSTs that carry the token in a header; every name, state and message
 * reaches the page as text. It reads the runtime's snapshots, and every call it makes to read a
 * server has a timeout, so it cannot block the application; an action waits for the supervisor on a
 * thread of its own. Like Arbor's processes, it does not keep the JVM alive.
 */
public final class Observer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService requests;
  private final Routes routes;
  private final AutoCloseable listener;
  private final Thread sampler;
  private final URI url;
  private final boolean readOnly;
  private volatile boolean closed;

  private Observer(HttpServer server, ExecutorService requests, Routes routes, AutoCloseable listener,
      Thread sampler, URI url, boolean readOnly) {
    this.server = server;
    this.requests = requests;
    this.routes = routes;
    this.listener = listener;
    this.sampler = sampler;
    this.url = url;
    this.readOnly = readOnly;
  }

  /** Starts an observer with {@link ObserverOptions#defaults()}, prints its URL and returns it. */
  public static Observer start() {
    return start(ObserverOptions.defaults());
  }

  /**
   * Starts an observer on loopback, prints its URL (with the token) to standard output and returns.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static Observer start(ObserverOptions options) {
    Objects.requireNonNull(options, "options");
    String token = options.token() != null ? options.token() : randomToken();
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on loopback port " + options.port() + ": " + e.getMessage(), e);
    }
    int port = server.getAddress().getPort();
    Routes[] routes = new Routes[1];
    Telemetry telemetry = new Telemetry(() -> {
      Routes r = routes[0];
      if (r != null) {
        r.restartWatchers.forEach(EventStream::nudge);
      }
    });
    History history = new History(telemetry);
    routes[0] = new Routes(new Gate(token, port), token, options.readOnly(), telemetry, history);
    ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    server.createContext("/", routes[0]);
    server.setExecutor(requests);
    AutoCloseable listener = ArborEvents.addListener(telemetry);
    Thread sampler = Thread.ofVirtual().name("arbor-observer-sampler").start(() -> sample(history));
    startDaemon(server);
    URI url = URI.create("http://127.0.0.1:" + port + "/?token=" + token);
    Observer observer = new Observer(server, requests, routes[0], listener, sampler, url, options.readOnly());
    System.out.println("Arbor observer" + (options.readOnly() ? " (read-only)" : "") + ": " + url);
    return observer;
  }

  /**
   * Starts the server from a virtual thread: its dispatcher thread inherits daemon status from the
   * thread that starts it, and virtual threads are daemons, so an observer, like Arbor's processes,
   * does not keep the JVM alive once the application is done.
   */
  private static void startDaemon(HttpServer server) {
    Thread starter = Thread.ofVirtual().name("arbor-observer-start").start(server::start);
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.stop(0);
      throw new IllegalStateException("interrupted while starting the observer", e);
    }
  }

  private static void sample(History history) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        history.sample();
        Thread.sleep(1000); // the overview's sampling period
      }
    } catch (InterruptedException stopped) {
      // close() ends the sampler
    }
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The URL to open, token included: {@code http://127.0.0.1:PORT/?token=...}. */
  public URI url() {
    return url;
  }

  /** The loopback port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Whether every action is refused. */
  public boolean readOnly() {
    return readOnly;
  }

  /** Stops serving: ends every open page's stream, stops the sampler, unregisters from the runtime. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    routes.open.forEach(EventStream::close);
    sampler.interrupt();
    server.stop(1); // the streams, told to end above, finish their responses within this second
    requests.shutdown();
    try {
      listener.close();
    } catch (Exception cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
  }

  @Override
  public String toString() {
    return "Observer[" + url.getScheme() + "://" + url.getHost() + ":" + port() + (readOnly ? ", read-only" : "") + "]";
  }
}
