package dev.arbor.dist;

import dev.arbor.dist.handshake.DistFlags;
import dev.arbor.dist.handshake.Handshake;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A hand-driven peer: it passes the real handshake with a node, then writes whatever bytes a test
 * gives it, to see how the node treats a peer that breaks the protocol.
 */
final class FakePeer implements AutoCloseable {
  private final Socket socket;

  private FakePeer(Socket socket) {
    this.socket = socket;
  }

  /**
   * A peer that does not offer the atom cache: its frames start with the pass-through byte 112 and
   * carry their atoms in full.
   */
  static FakePeer connect(Node node, String name, String cookie) throws IOException {
    return connect(node, name, cookie, DistFlags.ARBOR & ~DistFlags.DIST_HDR_ATOM_CACHE);
  }

  /** A peer that offers the atom cache: its frames must start with a distribution header. */
  static FakePeer connectWithAtomCache(Node node, String name, String cookie) throws IOException {
    return connect(node, name, cookie, DistFlags.ARBOR | DistFlags.DIST_HDR_ATOM_CACHE);
  }

  private static FakePeer connect(Node node, String name, String cookie, long flags)
      throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), node.port());
    try {
      socket.setSoTimeout(10_000);
      new Handshake(name, flags, 1, cookie)
          .connect(socket.getInputStream(), socket.getOutputStream(), node.name());
      return new FakePeer(socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Writes a frame: its 4-byte length, then {@code body}. */
  void frame(byte[] body) throws IOException {
    byte[] out = new byte[4 + body.length];
    out[0] = (byte) (body.length >>> 24);
    out[1] = (byte) (body.length >>> 16);
    out[2] = (byte) (body.length >>> 8);
    out[3] = (byte) body.length;
    System.arraycopy(body, 0, out, 4, body.length);
    raw(out);
  }

  void raw(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  /** Whether the node closes the connection within {@code timeout} (ticks are skipped). */
  boolean closedByNodeWithin(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    InputStream in = socket.getInputStream();
    byte[] sink = new byte[8192];
    try {
      while (true) {
        if (in.read(sink) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  /** Reads until an empty frame (a tick) arrives; false if none comes within {@code timeout}. */
  boolean tickWithin(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
    try {
      while (true) {
        int length = in.readInt();
        if (length == 0) {
          return true;
        }
        in.readFully(new byte[length]);
      }
    } catch (SocketTimeoutException | java.io.EOFException e) {
      return false;
    }
  }

  /** The next frame other than a tick, or null if none comes within {@code timeout}. */
  byte[] frameWithin(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
    try {
      while (true) {
        int length = in.readInt();
        if (length > 0) {
          byte[] frame = new byte[length];
          in.readFully(frame);
          return frame;
        }
      }
    } catch (SocketTimeoutException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
