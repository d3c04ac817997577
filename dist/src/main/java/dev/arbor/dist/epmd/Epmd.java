package dev.arbor.dist.epmd;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Talks to one epmd ({@code erts/doc}, "Distribution Protocol", section EPMD Protocol).
 *
 * @param host where epmd listens
 * @param port epmd's port: 4369 unless {@code ERL_EPMD_PORT} says otherwise
 */
public record Epmd(InetAddress host, int port) {
  private static final int ALIVE2_REQ = 120;
  private static final int ALIVE2_X_RESP = 118;
  private static final int ALIVE2_RESP = 121;
  private static final int PORT_PLEASE2_REQ = 122;
  private static final int PORT2_RESP = 119;
  private static final int NORMAL_NODE = 77;
  private static final int TCP_IPV4 = 0;
  /** Distribution protocol version 6 is OTP 23's handshake ({@code N} messages). */
  private static final int HIGHEST_VERSION = 6;
  private static final int LOWEST_VERSION = 6;
  private static final int TIMEOUT_MILLIS = 5_000;

  /** epmd's port for this machine: {@code ERL_EPMD_PORT}, or 4369. */
  public static int defaultPort() {
    String env = System.getenv("ERL_EPMD_PORT");
    if (env == null || env.isBlank()) {
      return 4369;
    }
    try {
      return Integer.parseInt(env.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ERL_EPMD_PORT is not a port number: " + env, e);
    }
  }

  /** Where a node listens, as epmd reported it. */
  public record NodePort(int port, int highestVersion, int lowestVersion) {}

  private Socket open() throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      return socket;
    } catch (ConnectException e) {
      socket.close();
      throw new EpmdUnavailableException(host.getHostAddress(), port, e);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Registers {@code alive} (the part of the node name before {@code @}) as listening on {@code
   * listenPort}.
   *
   * @throws IOException when epmd refuses (the name is taken, for instance) or does not answer
   */
  public Registration register(String alive, int listenPort) throws IOException {
    byte[] name = alive.getBytes(StandardCharsets.UTF_8);
    Socket socket = open();
    try {
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeShort(13 + name.length);
      out.writeByte(ALIVE2_REQ);
      out.writeShort(listenPort);
      out.writeByte(NORMAL_NODE);
      out.writeByte(TCP_IPV4);
      out.writeShort(HIGHEST_VERSION);
      out.writeShort(LOWEST_VERSION);
      out.writeShort(name.length);
      out.write(name);
      out.writeShort(0);
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int tag = in.readUnsignedByte();
      int result = in.readUnsignedByte();
      long creation = switch (tag) {
        case ALIVE2_X_RESP -> in.readInt() & 0xFFFF_FFFFL;
        case ALIVE2_RESP -> in.readUnsignedShort();
        default -> throw new IOException("epmd answered ALIVE2 with unknown tag " + tag);
      };
      if (result != 0) {
        throw new IOException("epmd at " + host.getHostAddress() + ":" + port
            + " refused to register '" + alive + "' (result " + result
            + "): is a node of that name already running?");
      }
      // epmd holds the name while this socket is open; it sends nothing more.
      socket.setSoTimeout(0);
      return new Registration(socket, creation);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** The port of node {@code alive} on epmd's host, or empty when no such node is registered. */
  public Optional<NodePort> lookup(String alive) throws IOException {
    byte[] name = alive.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = open()) {
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.writeShort(1 + name.length);
      out.writeByte(PORT_PLEASE2_REQ);
      out.write(name);
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int tag = in.readUnsignedByte();
      if (tag != PORT2_RESP) {
        throw new IOException("epmd answered PORT_PLEASE2 with unknown tag " + tag);
      }
      if (in.readUnsignedByte() != 0) {
        return Optional.empty();
      }
      int nodePort = in.readUnsignedShort();
      in.readUnsignedByte(); // node type
      in.readUnsignedByte(); // protocol
      int highest = in.readUnsignedShort();
      int lowest = in.readUnsignedShort();
      return Optional.of(new NodePort(nodePort, highest, lowest));
    } catch (EOFException e) {
      throw new IOException("epmd closed the connection while answering PORT_PLEASE2 for '"
          + alive + "'", e);
    }
  }
}
