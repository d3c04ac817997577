package dev.arbor.dist.handshake;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * One handshake over an open connection, in 2-byte length-prefixed messages. The caller owns the
 * socket: on any exception it closes it, so nothing half-open stays behind.
 *
 * @param self this node's full name
 * @param flags the capability flags this node offers
 * @param creation this node's incarnation
 * @param cookie the shared secret
 */
public record Handshake(String self, long flags, long creation, String cookie) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_MESSAGE = 1024;

  /**
   * Runs the connecting side against the node expected to be {@code peerName}.
   *
   * @throws WrongCookieException when the peer refuses this node's digest or sends a wrong one
   * @throws HandshakeException when the peer refuses the connection or breaks the protocol
   */
  public Peer connect(InputStream input, OutputStream output, String peerName)
      throws IOException {
    DataInputStream in = new DataInputStream(input);
    DataOutputStream out = new DataOutputStream(output);
    byte[] name = self.getBytes(StandardCharsets.UTF_8);
    send(out, frame(15 + name.length).u8('N').u64(flags).u32(creation).u16(name.length)
        .bytes(name));
    Message status = receive(in, peerName, "status");
    String text = status.expect('s', peerName).rest();
    switch (text) {
      case "ok", "ok_simultaneous" -> { }
      case "alive" -> send(out, frame(5).u8('s').bytes("true".getBytes(StandardCharsets.UTF_8)));
      case "nok" -> throw new SimultaneousConnectException(peerName);
      default -> throw new HandshakeException(peerName, "peer answered status '" + text + "'");
    }
    Message challenge = receive(in, peerName, "challenge").expect('N', peerName);
    long peerFlags = challenge.u64();
    long peerChallenge = challenge.u32();
    long peerCreation = challenge.u32();
    String actualName = challenge.name();
    if (!actualName.equals(peerName)) {
      throw new HandshakeException(peerName, "the node there is " + actualName);
    }
    checkFlags(peerName, peerFlags);
    long ourChallenge = RANDOM.nextInt() & 0xFFFF_FFFFL;
    send(out, frame(21).u8('r').u32(ourChallenge).bytes(digest(peerChallenge)));
    Message ack;
    try {
      ack = receive(in, peerName, "challenge ack");
    } catch (EOFException refused) {
      throw new WrongCookieException(peerName,
          "it closed the connection after our challenge reply, so it refused our digest");
    }
    byte[] digest = ack.expect('a', peerName).rest(16);
    if (!MessageDigest.isEqual(digest, digest(ourChallenge))) {
      throw new WrongCookieException(peerName, "its challenge ack carries a wrong digest");
    }
    return new Peer(peerName, peerFlags, peerCreation);
  }

  /**
   * Runs the accepting side. {@code admit} decides whether the named node may connect now (for
   * instance not while a connection to it is up).
   *
   * @throws WrongCookieException when the peer's digest is wrong
   * @throws HandshakeException when the peer breaks the protocol or is not admitted
   */
  public Peer accept(InputStream input, OutputStream output,
      java.util.function.Predicate<String> admit) throws IOException {
    DataInputStream in = new DataInputStream(input);
    DataOutputStream out = new DataOutputStream(output);
    Message hello = receive(in, "unknown node", "name");
    if (hello.tag() == 'n') {
      throw new HandshakeException("unknown node",
          "peer speaks the pre-OTP 23 handshake ('n'); Arbor needs OTP 23 or later");
    }
    hello.expect('N', "unknown node");
    long peerFlags = hello.u64();
    long peerCreation = hello.u32();
    String peerName = hello.name();
    if (peerName.indexOf('@') <= 0 || peerName.endsWith("@")) {
      throw new HandshakeException(peerName, "not a node name");
    }
    checkFlags(peerName, peerFlags);
    if (!admit.test(peerName)) {
      send(out, frame(4).u8('s').bytes("nok".getBytes(StandardCharsets.UTF_8)));
      throw new HandshakeException(peerName, "a connection to it is already up or pending");
    }
    send(out, frame(3).u8('s').bytes("ok".getBytes(StandardCharsets.UTF_8)));
    long ourChallenge = RANDOM.nextInt() & 0xFFFF_FFFFL;
    byte[] name = self.getBytes(StandardCharsets.UTF_8);
    send(out, frame(19 + name.length).u8('N').u64(flags).u32(ourChallenge).u32(creation)
        .u16(name.length).bytes(name));
    Message reply = receive(in, peerName, "challenge reply").expect('r', peerName);
    long peerChallenge = reply.u32();
    byte[] digest = reply.rest(16);
    if (!MessageDigest.isEqual(digest, digest(ourChallenge))) {
      throw new WrongCookieException(peerName, "its challenge reply carries a wrong digest");
    }
    send(out, frame(17).u8('a').bytes(digest(peerChallenge)));
    return new Peer(peerName, peerFlags, peerCreation);
  }

  private static void checkFlags(String peer, long peerFlags) throws HandshakeException {
    if ((peerFlags & DistFlags.MANDATORY) != DistFlags.MANDATORY) {
      throw new HandshakeException(peer, "it lacks mandatory capability flags "
          + DistFlags.missing(peerFlags) + " (Arbor needs OTP 25 or later)");
    }
  }

  /** MD5 of the cookie followed by the challenge in decimal, as {@code dist_util:gen_digest}. */
  byte[] digest(long challenge) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(cookie.getBytes(StandardCharsets.ISO_8859_1));
      md5.update(Long.toString(challenge).getBytes(StandardCharsets.ISO_8859_1));
      return md5.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  private static Frame frame(int length) {
    return new Frame(length);
  }

  private static void send(DataOutputStream out, Frame frame) throws IOException {
    out.write(frame.bytes, 0, frame.size);
    out.flush();
  }

  private static Message receive(DataInputStream in, String peer, String what)
      throws IOException {
    int length = in.readUnsignedShort();
    if (length == 0 || length > MAX_MESSAGE) {
      throw new HandshakeException(peer, what + " message of " + length + " bytes");
    }
    byte[] body = new byte[length];
    in.readFully(body);
    return new Message(body, peer, what);
  }

  /** An outgoing handshake message, its 2-byte length first. */
  private static final class Frame {
    final byte[] bytes;
    int size;

    Frame(int length) {
      bytes = new byte[length + 2];
      u8(length >>> 8).u8(length);
    }

    Frame u8(int v) {
      bytes[size++] = (byte) v;
      return this;
    }

    Frame u16(int v) {
      return u8(v >>> 8).u8(v);
    }

    Frame u32(long v) {
      return u16((int) (v >>> 16) & 0xFFFF).u16((int) v & 0xFFFF);
    }

    Frame u64(long v) {
      return u32(v >>> 32).u32(v & 0xFFFF_FFFFL);
    }

    Frame bytes(byte[] b) {
      System.arraycopy(b, 0, bytes, size, b.length);
      size += b.length;
      return this;
    }
  }

  /** An incoming handshake message, read field by field with bounds checks. */
  private static final class Message {
    private final byte[] body;
    private final String peer;
    private final String what;
    private int pos = 1;

    Message(byte[] body, String peer, String what) {
      this.body = body;
      this.peer = peer;
      this.what = what;
    }

    int tag() {
      return body[0];
    }

    Message expect(char tag, String peerName) throws HandshakeException {
      if (body[0] != tag) {
        throw new HandshakeException(peerName, "expected a '" + tag + "' " + what
            + " message, got tag " + (body[0] & 0xFF));
      }
      return this;
    }

    private void need(int n) throws HandshakeException {
      if (body.length - pos < n) {
        throw new HandshakeException(peer, what + " message too short: " + body.length
            + " bytes");
      }
    }

    long u32() throws HandshakeException {
      need(4);
      long v = 0;
      for (int i = 0; i < 4; i++) {
        v = (v << 8) | (body[pos++] & 0xFF);
      }
      return v;
    }

    long u64() throws HandshakeException {
      return (u32() << 32) | u32();
    }

    String name() throws HandshakeException {
      need(2);
      int length = ((body[pos] & 0xFF) << 8) | (body[pos + 1] & 0xFF);
      pos += 2;
      need(length);
      String name = new String(body, pos, length, StandardCharsets.UTF_8);
      pos += length;
      return name;
    }

    String rest() {
      return new String(body, pos, body.length - pos, StandardCharsets.UTF_8);
    }

    byte[] rest(int exactly) throws HandshakeException {
      if (body.length - pos != exactly) {
        throw new HandshakeException(peer, what + " message must carry " + exactly
            + " bytes, has " + (body.length - pos));
      }
      return Arrays.copyOfRange(body, pos, body.length);
    }
  }
}
