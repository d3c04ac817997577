package dev.arbor.dist.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both sides of the handshake against each other over loopback. */
class HandshakeTest {
  private static Peer[] run(String connectCookie, String acceptCookie) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Peer> accepted = CompletableFuture.supplyAsync(() -> {
        try (Socket socket = server.accept()) {
          return new Handshake("b@127.0.0.1", DistFlags.ARBOR, 7, acceptCookie)
              .accept(socket.getInputStream(), socket.getOutputStream(), name -> true);
        } catch (Exception e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      Peer connected;
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        connected = new Handshake("a@127.0.0.1", DistFlags.ARBOR, 5, connectCookie)
            .connect(socket.getInputStream(), socket.getOutputStream(), "b@127.0.0.1");
      } catch (Exception e) {
        try {
          accepted.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException ignored) {
          // the connecting side's exception is the one under test
        }
        throw e;
      }
      return new Peer[] {connected, accepted.get(5, TimeUnit.SECONDS)};
    }
  }

  @Test
  void sameCookieConnectsAndExchangesNamesAndCreations() throws Exception {
    Peer[] peers = run("secret", "secret");
    assertEquals(new Peer("b@127.0.0.1", DistFlags.ARBOR, 7), peers[0]);
    assertEquals(new Peer("a@127.0.0.1", DistFlags.ARBOR, 5), peers[1]);
  }

  @Test
  void wrongCookieIsRefusedWithTheNameOfThePeer() {
    WrongCookieException e = assertThrows(WrongCookieException.class, () -> run("x", "y"));
    assertEquals("b@127.0.0.1", e.peer());
  }

  @Test
  void cookieFileIsCreatedReadOnlyForItsOwnerAndReadBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".erlang.cookie");
    String cookie = Cookie.fromFile(file);
    assertTrue(cookie.matches("[A-Z]{20}"), cookie);
    assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(cookie, Cookie.fromFile(file));
  }
}
