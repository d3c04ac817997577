package dev.arbor.dist.connection;

import dev.arbor.dist.handshake.Peer;
import dev.arbor.dist.term.DecodeException;
import dev.arbor.dist.term.TermDecoder;
import dev.arbor.dist.term.TermEncoder;
import dev.arbor.dist.term.Tuple;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A live connection to one peer node. {@link #send} never blocks: it encodes on the caller's
 * thread and enqueues; the writer thread drains the queue and sends a tick when it has been idle
 * for a quarter of the net tick time. The reader closes the connection when the peer has been
 * silent for a whole net tick time, or sends a frame that breaks the protocol.
 */
public final class Connection {
  private static final System.Logger LOG = System.getLogger(Connection.class.getName());
  private static final int PASS_THROUGH = 112;
  private static final byte[] CLOSE = new byte[0];

  private final Socket socket;
  private final Peer peer;
  private final TermDecoder decoder;
  private final TermEncoder encoder;
  private final ConnectionHandler handler;
  private final Duration netTickTime;
  private final int maxFrame;
  private final LinkedBlockingQueue<byte[]> outbound = new LinkedBlockingQueue<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A connection over {@code socket}, whose handshake with {@code peer} is done. Call {@link
   * #start()} to run it.
   */
  public Connection(Socket socket, Peer peer, TermDecoder decoder, TermEncoder encoder,
      ConnectionHandler handler, Duration netTickTime, int maxFrame) {
    this.socket = socket;
    this.peer = peer;
    this.decoder = decoder;
    this.encoder = encoder;
    this.handler = handler;
    this.netTickTime = netTickTime;
    this.maxFrame = maxFrame;
  }

  /** Starts the reader and writer threads. */
  public void start() {
    Thread.ofVirtual().name("arbor-dist-read-" + peer.name()).start(this::readLoop);
    Thread.ofVirtual().name("arbor-dist-write-" + peer.name()).start(this::writeLoop);
  }

  /** The node at the other end. */
  public Peer peer() {
    return peer;
  }

  /** Whether the connection is still up. */
  public boolean isOpen() {
    return !closed.get();
  }

  /**
   * Encodes {@code control} and {@code payload} (null for none) and queues them. Encoding errors
   * (a value that is no Erlang term) throw here, to the sender; a closed connection drops the
   * frame, as Erlang drops messages to a node that went away.
   */
  public void send(Tuple control, Object payload) {
    TermEncoder.Output out = new TermEncoder.Output(64);
    out.u32(0).u8(PASS_THROUGH);
    encoder.encodeTo(out, control);
    if (payload != null) {
      encoder.encodeTo(out, payload);
    }
    if (out.size() - 4 > maxFrame) {
      throw new IllegalArgumentException("message of " + (out.size() - 4)
          + " bytes exceeds the frame limit of " + maxFrame + " bytes");
    }
    out.putU32(0, out.size() - 4);
    if (!closed.get()) {
      outbound.add(out.toByteArray());
    }
  }

  /** Closes the connection for {@code reason}; the handler hears of it once. */
  public void close(String reason) {
    if (closed.compareAndSet(false, true)) {
      outbound.add(CLOSE);
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      handler.onClosed(this, reason);
    }
  }

  private void writeLoop() {
    long tickMillis = Math.max(1, netTickTime.toMillis() / 4);
    try {
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
      while (!closed.get()) {
        byte[] frame = outbound.poll(tickMillis, TimeUnit.MILLISECONDS);
        if (frame == CLOSE) {
          return;
        }
        if (frame == null) {
          out.write(new byte[4]); // a tick: an empty frame
        } else {
          do {
            out.write(frame);
            frame = outbound.poll();
          } while (frame != null && frame != CLOSE);
          if (frame == CLOSE) {
            return;
          }
        }
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      close("write failed: " + e);
    }
  }

  private void readLoop() {
    try {
      socket.setSoTimeout((int) Math.max(1, netTickTime.toMillis()));
      DataInputStream in = new DataInputStream(
          new BufferedInputStream(socket.getInputStream(), 64 * 1024));
      while (!closed.get()) {
        int length = in.readInt();
        if (length == 0) {
          continue; // a tick
        }
        if (length < 0 || length > maxFrame) {
          throw new FrameException("frame of " + Integer.toUnsignedString(length)
              + " bytes exceeds the limit of " + maxFrame);
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        dispatch(frame);
      }
    } catch (SocketTimeoutException e) {
      close("net_tick_timeout: nothing heard for " + netTickTime);
    } catch (EOFException e) {
      close("connection closed by peer");
    } catch (FrameException | DecodeException e) {
      LOG.log(System.Logger.Level.WARNING, "closing the connection to " + peer.name()
          + ": malformed frame: " + e.getMessage());
      close("malformed frame: " + e.getMessage());
    } catch (IOException e) {
      close("read failed: " + e);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "closing the connection to " + peer.name()
          + ": handling a frame failed", e);
      close("handling a frame failed: " + e);
    }
  }

  private void dispatch(byte[] frame) throws FrameException {
    if ((frame[0] & 0xFF) != PASS_THROUGH) {
      throw new FrameException("frame starts with " + (frame[0] & 0xFF)
          + ", not the pass-through byte 112 (no atom cache header was negotiated)");
    }
    TermDecoder.Decoded control = decoder.decode(frame, 1, frame.length);
    Object payload = null;
    if (control.end() < frame.length) {
      TermDecoder.Decoded message = decoder.decode(frame, control.end(), frame.length);
      if (message.end() != frame.length) {
        throw new FrameException((frame.length - message.end())
            + " bytes left after the payload");
      }
      payload = message.term();
    }
    if (!(control.term() instanceof Tuple tuple) || tuple.size() == 0
        || !(tuple.get(0) instanceof Long)) {
      throw new FrameException("control message is not a tuple with an operation: "
          + control.term());
    }
    handler.onControl(this, tuple, payload);
  }

  @Override
  public String toString() {
    return "Connection[" + peer.name() + (closed.get() ? ", closed]" : "]");
  }
}
