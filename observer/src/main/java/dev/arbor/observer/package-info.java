/**
 * A live observer in the browser, served from inside the application (Erlang's {@code :observer},
 * Phoenix LiveDashboard): the supervision tree, every process, a process's state, stack and traced
 * messages, call latency, and actions to kill a process or stop and restart a supervisor's child.
 *
 * <p>Start one with {@link dev.arbor.observer.Observer#start()}. It runs on the JDK's own HTTP server
 * with a virtual thread per request, binds to loopback, and answers only requests carrying the random
 * token of the URL it prints. Pages get their data as JSON over server-sent events, computed from the
 * runtime's snapshots; the page itself is static HTML, CSS and JavaScript in this jar.
 */
package dev.arbor.observer;
