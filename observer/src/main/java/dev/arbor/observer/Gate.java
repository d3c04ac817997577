package dev.arbor.observer;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every request must pass before anything answers it (Jupyter's model): the {@code Host} header
 * names this loopback server (a DNS-rebinding page on another name is refused), and the request
 * carries the token: in the {@code token} query parameter (the printed URL), the {@code
 * X-Observer-Token} header (the page's own requests), or the cookie set when the URL was opened (the
 * page's style sheet, script and event streams, which cannot send headers). State changes are POSTs
 * only and take the token from the header alone, so no form, link or image on another site can
 * trigger one, even in a browser that holds the cookie.
 */
final class Gate {
  /** The header the page sends its token in. */
  static final String TOKEN_HEADER = "X-Observer-Token";

  private final byte[] token;
  private final Set<String> hosts;

  private final String cookieName;

  Gate(String token, int port) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    this.cookieName = "arbor-observer-" + port; // cookies are per host, not per port
  }

  /** The cookie that lets the page's own sub-requests in once its URL carried the token. */
  String cookie(String value) {
    return cookieName + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  }

  private String fromCookie(HttpExchange ex) {
    for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String part : header.split(";")) {
        String p = part.trim();
        if (p.startsWith(cookieName + "=")) {
          return p.substring(cookieName.length() + 1);
        }
      }
    }
    return null;
  }

  /** Why the request is refused (status and message), or null when it may go on. */
  Refusal check(HttpExchange ex, boolean stateChanging) {
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
      return new Refusal(403, "refused: the Host header " + (host == null ? "is missing" : "\"" + host + "\"")
          + " does not name this observer (127.0.0.1, localhost or [::1] on its port)");
    }
    String header = ex.getRequestHeaders().getFirst(TOKEN_HEADER);
    String given = header;
    if (given == null && !stateChanging) {
      given = Query.parse(ex.getRequestURI()).get("token");
      if (given == null) {
        given = fromCookie(ex);
      }
    }
    if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      return new Refusal(401, given == null
          ? "refused: no token; open the URL the observer printed, which carries it"
          : "refused: wrong token");
    }
    return null;
  }

  /** A refused request: the status and a message that says why. */
  record Refusal(int status, String message) {}
}
