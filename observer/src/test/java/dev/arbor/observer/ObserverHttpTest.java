package dev.arbor.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Pid;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The observer's safety rules over plain HTTP: token, Host check, POST-only actions, read-only mode. */
class ObserverHttpTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static ShopTree shop;
  private static Observer observer;
  private static Observer readOnly;

  @BeforeAll
  static void start() {
    shop = new ShopTree();
    observer = Observer.start();
    readOnly = Observer.start(ObserverOptions.defaults().readOnly(true));
  }

  @AfterAll
  static void stop() {
    observer.close();
    readOnly.close();
    shop.close();
  }

  private static String token(Observer o) {
    return o.url().getQuery().substring("token=".length());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI at(Observer o, String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + o.port() + pathAndQuery);
  }

  @Test
  void requestWithoutTokenIsRefused() throws Exception {
    for (String path : new String[] {"/", "/static/observer.js", "/api/processes", "/api/config"}) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(at(observer, path)));
      assertEquals(401, r.statusCode(), path);
      assertTrue(r.body().contains("no token"), r.body());
    }
    HttpResponse<String> wrong = send(HttpRequest.newBuilder(at(observer, "/api/processes?token=" + "0".repeat(48))));
    assertEquals(401, wrong.statusCode());
    assertEquals("refused: wrong token", wrong.body());
    HttpResponse<String> right = send(HttpRequest.newBuilder(at(observer, "/api/processes?token=" + token(observer))));
    assertEquals(200, right.statusCode(), right.body());
  }

  @Test
  void foreignHostHeaderIsRefused() throws Exception {
    String answer = raw("GET /api/config?token=" + token(observer) + " HTTP/1.1\r\nHost: evil.example:" + observer.port()
        + "\r\nConnection: close\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
    assertTrue(answer.contains("evil.example"), answer);
    String local = raw("GET /api/config?token=" + token(observer) + " HTTP/1.1\r\nHost: localhost:" + observer.port()
        + "\r\nConnection: close\r\n\r\n");
    assertTrue(local.startsWith("HTTP/1.1 200"), local);
  }

  private static String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", observer.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void actionsArePostOnlyWithTheTokenInTheHeader() throws Exception {
    Pid w1 = shop.whereis("w1");
    String path = "/api/action/kill?pid=" + w1.id();
    HttpResponse<String> get = send(HttpRequest.newBuilder(at(observer, path + "&token=" + token(observer))));
    assertEquals(405, get.statusCode(), get.body());
    HttpResponse<String> queryToken = send(HttpRequest.newBuilder(at(observer, path + "&token=" + token(observer)))
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(401, queryToken.statusCode(), "a POST takes its token from the header only");
    assertTrue(w1.isAlive());
    HttpResponse<String> post = send(HttpRequest.newBuilder(at(observer, path))
        .header(Gate.TOKEN_HEADER, token(observer)).POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, post.statusCode(), post.body());
    assertEquals("{\"result\":\"killed \\u003c0." + w1.id() + ".0\\u003e\"}", post.body());
    assertTrue(!w1.isAlive());
  }

  @Test
  void readOnlyObserverAnswersActionsWith403() throws Exception {
    Pid stock = shop.whereis("stock");
    HttpResponse<String> post = send(HttpRequest.newBuilder(at(readOnly, "/api/action/kill?pid=" + stock.id()))
        .header(Gate.TOKEN_HEADER, token(readOnly)).POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(403, post.statusCode());
    assertTrue(post.body().contains("read-only"), post.body());
    HttpResponse<String> terminate = send(HttpRequest.newBuilder(
            at(readOnly, "/api/action/terminate?supervisor=" + shop.shop.pid().id() + "&id=stock"))
        .header(Gate.TOKEN_HEADER, token(readOnly)).POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(403, terminate.statusCode());
    assertTrue(stock.isAlive(), "nothing was killed");
    assertEquals(stock, shop.whereis("stock"), "nothing was restarted");
    HttpResponse<String> config = send(HttpRequest.newBuilder(at(readOnly, "/api/config?token=" + token(readOnly))));
    assertEquals("{\"readOnly\":true}", config.body());
  }

  @Test
  void badPidIsAClearError() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(at(observer, "/api/action/kill?pid=%3Cnope%3E"))
        .header(Gate.TOKEN_HEADER, token(observer)).POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(400, r.statusCode());
    assertEquals("not a pid: \"<nope>\" (expected <0.N.0>)", r.body());
    HttpResponse<String> far = send(HttpRequest.newBuilder(
        at(observer, "/api/processes?page=2147483647&size=500&token=" + token(observer))));
    assertEquals(200, far.statusCode(), far.body());
    assertTrue(far.body().contains("\"rows\":[]"), far.body());
    HttpResponse<String> size = send(HttpRequest.newBuilder(at(observer, "/api/processes?size=0&token=" + token(observer))));
    assertEquals(400, size.statusCode());
    assertEquals("query parameter \"size\" must be within 1..500: 0", size.body());
    HttpResponse<String> sort = send(HttpRequest.newBuilder(at(observer, "/api/processes?sort=color&token=" + token(observer))));
    assertEquals(400, sort.statusCode());
    assertTrue(sort.body().startsWith("cannot sort by \"color\""), sort.body());
  }

  @Test
  void namesReachThePageAsEscapedJsonText() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(
        at(observer, "/api/processes?filter=script&token=" + token(observer))));
    assertTrue(r.body().contains("\"name\":\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\""), r.body());
    assertTrue(!r.body().contains("<script>"), r.body());
    assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
        + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'", r.headers().firstValue("Content-Security-Policy").orElseThrow());
  }
}
