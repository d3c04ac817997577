package dev.arbor.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting and stopping: an observer ends its pages' streams when closed, and never holds the JVM. */
class ObserverLifecycleTest {
  /** Started in a JVM of its own by {@link #observerDoesNotKeepTheJvmAlive}: starts an observer and returns. */
  public static void main(String[] args) {
    Observer.start();
  }

  @Test
  void observerDoesNotKeepTheJvmAlive() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ObserverLifecycleTest.class.getName()).redirectErrorStream(true).start();
    try {
      String printed = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), "the JVM is still running after main returned");
      assertEquals(0, jvm.exitValue(), printed);
      assertTrue(printed.startsWith("Arbor observer: http://127.0.0.1:"), printed);
    } finally {
      jvm.destroyForcibly();
    }
  }

  @Test
  void closeEndsTheOpenStreams() throws Exception {
    Observer observer = Observer.start();
    String token = observer.url().getQuery().substring("token=".length());
    HttpResponse<InputStream> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + observer.port() + "/events/overview?token=" + token)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      assertTrue(in.readLine().startsWith("data: {\"node\":"), "the overview's first event");
      observer.close();
      String line;
      do {
        line = in.readLine(); // the rest of what was sent, then the end of the stream
      } while (line != null);
    }
  }
}
