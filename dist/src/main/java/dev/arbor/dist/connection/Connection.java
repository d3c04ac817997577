package dev.arbor.dist.connection;

import dev.arbor.dist.handshake.DistFlags;
import dev.arbor.dist.handshake.Peer;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.AtomCache;
import dev.arbor.dist.term.DecodeException;
import dev.arbor.dist.term.FrameAtoms;
import dev.arbor.dist.term.TermDecoder;
import dev.arbor.dist.term.TermEncoder;
import dev.arbor.dist.term.Tuple;
import dev.arbor.remote.LocalNode;
import dev.arbor.remote.ReaderThread;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A live connection to one peer node.
 *
 * <p>{@link #send} never blocks. It encodes on the sender's thread, queues the frame and, when no
 * other thread is writing, writes the queue to the socket itself without blocking: a round trip
 * then costs no hand-off to a writer thread, and frames queued while another sender writes go out
 * in that sender's one gathering write; a {@link Batch} holds a thread's frames back until it
 * closes, so that they too leave together, and a sender that is a process with more messages to
 * handle leaves the write to the moment it waits ({@link LocalNode#holdWrite}), so that a server's
 * replies to a burst of requests leave in one write. The socket is non-blocking, so a sender that is a process
 * being killed (its thread interrupted) can never tear a frame or close the connection. When the
 * socket's buffer is full the writer thread takes over, waits for room and writes the rest; it also
 * sends a tick when nothing has been written for a quarter of the net tick time.
 *
 * <p>The reader is a platform thread, woken by the kernel directly rather than through the virtual
 * threads' poller: one hand-off less on every frame received. It runs the process a frame woke
 * itself, until that process waits, rather than waking a carrier for it (and the others a read woke,
 * in turn): one more hand-off less
 * (see {@link ReaderThread}, which also hands the reading to a new thread when a process keeps the
 * reader). When the kernel has no more bytes, it reads on for a while before it sleeps, yielding
 * the CPU in between ({@link ReadSpin}): waking a sleeping thread costs more than a round trip. It
 * closes the connection when the peer has been silent for a whole net tick time, or
 * sends a frame that breaks the protocol.
 */
public final class Connection {
  private static final System.Logger LOG = System.getLogger(Connection.class.getName());
  private static final int PASS_THROUGH = 112;
  private static final int READ_BUFFER = 64 * 1024;
  /** At most this many frames go into one gathering write. */
  private static final int GATHER = 64;
  private static final ByteBuffer TICK = ByteBuffer.allocate(4).asReadOnlyBuffer();
  /**
   * Bytes left free before a frame's terms, for its length and distribution header: enough for a
   * header that names a dozen cached atoms, so a frame is one array.
   */
  private static final int HEADROOM = 48;

  private final SocketChannel channel;
  private final Peer peer;
  private final TermDecoder decoder;
  private final TermEncoder encoder;
  private final ConnectionHandler handler;
  private final Duration netTickTime;
  private final int maxFrame;
  /** Both directions' atom caches when the peer speaks the distribution header, else null. */
  private final AtomCache atomCache;
  private final ConcurrentLinkedQueue<ByteBuffer> outbound = new ConcurrentLinkedQueue<>();
  /** Held by whichever thread writes to the socket; the rest only queue. */
  private final ReentrantLock writing = new ReentrantLock();
  /** Frames taken from {@link #outbound} and not yet wholly written, in order; guarded by {@link #writing}. */
  private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
  /** Released when the socket's buffer is full and the writer thread must finish the writing. */
  private final Semaphore socketFull = new Semaphore(0);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile long lastWrite = System.nanoTime();
  private volatile Selector readable;
  /**
   * The reader's buffer, when it last heard from the peer and its spin: the reading thread's only,
   * handed to the next one with the reading (see {@link #startReader}).
   */
  private ByteBuffer in;
  private long lastHeard;
  private final ReadSpin spin = new ReadSpin(ReadSpin.DEFAULT_NANOS);
  private volatile Selector writable;
  /** This connection's write of its queue, as a sender holds it until it waits ({@link LocalNode#holdWrite}). */
  private final Runnable write = this::flush;

  /**
   * A connection over {@code socket}, whose handshake with {@code peer} is done. The socket must
   * come from a {@link SocketChannel}. Call {@link #start()} to run it.
   */
  public Connection(Socket socket, Peer peer, TermDecoder decoder, TermEncoder encoder,
      ConnectionHandler handler, Duration netTickTime, int maxFrame) {
    this.channel = Objects.requireNonNull(socket.getChannel(), "a socket opened by a SocketChannel");
    this.peer = peer;
    this.decoder = decoder;
    this.encoder = encoder;
    this.handler = handler;
    this.netTickTime = netTickTime;
    this.maxFrame = maxFrame;
    this.atomCache = (DistFlags.ARBOR & peer.flags() & DistFlags.DIST_HDR_ATOM_CACHE) != 0
        ? new AtomCache() : null;
  }

  /** Starts the reader and writer threads. */
  public void start() throws IOException {
    Selector r = Selector.open();
    Selector w = Selector.open();
    try {
      channel.configureBlocking(false);
      channel.register(r, SelectionKey.OP_READ);
      channel.register(w, SelectionKey.OP_WRITE);
    } catch (ClosedChannelException e) {
      r.close();
      w.close();
      return; // closed before it started: the handler has heard already
    }
    readable = r;
    writable = w;
    in = ByteBuffer.allocate(READ_BUFFER);
    lastHeard = System.nanoTime();
    startReader();
    Thread.ofPlatform().daemon().name("arbor-dist-write-" + peer.name()).start(this::writeLoop);
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
   * Encodes {@code control} and {@code payload} (null for none) and sends them, or queues them
   * behind a sender already writing. Encoding errors (a value that is no Erlang term) throw here, to
   * the sender; a closed connection drops the frame, as Erlang drops messages to a node that went
   * away.
   */
  public void send(Tuple control, Object payload) {
    if (atomCache == null) {
      TermEncoder.Output out = new TermEncoder.Output(64);
      out.u32(0).u8(PASS_THROUGH);
      encoder.encodeTo(out, control);
      if (payload != null) {
        encoder.encodeTo(out, payload);
      }
      checkSize(out.size() - 4);
      out.putU32(0, out.size() - 4);
      if (closed.get()) {
        return;
      }
      outbound.add(ByteBuffer.wrap(out.array(), 0, out.size()));
    } else {
      FrameAtoms atoms = new FrameAtoms();
      TermEncoder.Output terms = new TermEncoder.Output(128, atoms).skip(HEADROOM);
      encoder.encodeAfterHeader(terms, control);
      if (payload != null) {
        encoder.encodeAfterHeader(terms, payload);
      }
      checkSize(terms.size() - HEADROOM + AtomCache.maxHeaderBytes(atoms));
      if (closed.get()) {
        return;
      }
      synchronized (atomCache) { // the peer fills its cache in the order the frames arrive
        outbound.add(withHeader(terms, atoms));
      }
    }
    if (!Batch.defers(this) && !LocalNode.holdWrite(write)) {
      flush();
    }
  }

  private void checkSize(int bytes) {
    if (bytes > maxFrame) {
      throw new IllegalArgumentException("message of " + bytes
          + " bytes exceeds the frame limit of " + maxFrame + " bytes");
    }
  }

  /**
   * The frame of {@code terms} (encoded after {@link #HEADROOM} free bytes), with its length and its
   * distribution header in front: written into that room when they fit, as they do once the peer
   * has the frame's atoms cached. Holds {@link #atomCache}'s lock.
   */
  private ByteBuffer withHeader(TermEncoder.Output terms, FrameAtoms atoms) {
    TermEncoder.Output header = new TermEncoder.Output(32);
    atomCache.write(header, atoms);
    int headerSize = header.size();
    int length = headerSize + terms.size() - HEADROOM;
    int start = HEADROOM - headerSize - 4;
    if (start >= 0) {
      terms.putU32(start, length);
      System.arraycopy(header.array(), 0, terms.array(), start + 4, headerSize);
      return ByteBuffer.wrap(terms.array(), start, 4 + length);
    }
    ByteBuffer frame = ByteBuffer.allocate(4 + length).putInt(length)
        .put(header.array(), 0, headerSize)
        .put(terms.array(), HEADROOM, terms.size() - HEADROOM);
    return frame.flip();
  }

  /** Closes the connection for {@code reason}; the handler hears of it once. */
  public void close(String reason) {
    if (closed.compareAndSet(false, true)) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      wake(readable);
      wake(writable);
      socketFull.release();
      handler.onClosed(this, reason);
    }
  }

  private static void wake(Selector selector) {
    if (selector != null) {
      selector.wakeup();
    }
  }

  // ------------------------------------------------------------------ writing

  /**
   * Writes what is queued unless another thread is writing. The loop re-checks the queue after
   * letting go of the lock: a frame queued by a sender whose {@code tryLock} failed just before the
   * unlock would otherwise wait for the next write.
   */
  void flush() {
    while (!outbound.isEmpty() && !closed.get()) {
      if (!writing.tryLock()) {
        return; // the thread that holds it writes this frame too
      }
      try {
        if (!writeWhatFits()) {
          socketFull.release();
          return;
        }
      } catch (IOException e) {
        // Not closed here: the sender may be a process, and closing runs the node's noconnection
        // signals. The writer thread meets the same error and closes on its own thread.
        socketFull.release();
        return;
      } finally {
        writing.unlock();
      }
    }
  }

  /**
   * Writes the unsent frames, then the queued ones, without blocking. True when all are written;
   * false when the socket takes no more (what is left stays in {@link #unsent}, or behind it in the
   * queue). Holds {@link #writing}.
   */
  private boolean writeWhatFits() throws IOException {
    for (; ; ) {
      ByteBuffer next;
      while (unsent.size() < GATHER && (next = outbound.poll()) != null) {
        unsent.add(next);
      }
      if (unsent.isEmpty()) {
        return true;
      }
      if (unsent.size() == 1) {
        channel.write(unsent.peek());
      } else {
        channel.write(unsent.toArray(ByteBuffer[]::new));
      }
      lastWrite = System.nanoTime();
      while (!unsent.isEmpty() && !unsent.peek().hasRemaining()) {
        unsent.poll();
      }
      if (!unsent.isEmpty()) {
        return false;
      }
    }
  }

  /** Finishes writing when the socket was full, and sends ticks when the connection is idle. */
  private void writeLoop() {
    long tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), netTickTime.toNanos() / 4);
    try (Selector w = writable) {
      while (!closed.get()) {
        if (socketFull.tryAcquire(tickNanos, TimeUnit.NANOSECONDS)) {
          writeWhenThereIsRoom(w, tickNanos);
        } else if (!outbound.isEmpty()) {
          flush(); // frames a lazy batch left for a later write
        } else if (System.nanoTime() - lastWrite >= tickNanos) {
          outbound.add(TICK.duplicate()); // an empty frame
          flush();
        }
      }
    } catch (IOException e) {
      close("write failed: " + e);
    } catch (InterruptedException e) {
      close("the writer was interrupted");
    }
  }

  private void writeWhenThereIsRoom(Selector w, long tickNanos) throws IOException {
    writing.lock();
    try {
      while (!closed.get() && !writeWhatFits()) {
        w.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(tickNanos)));
        w.selectedKeys().clear();
      }
    } finally {
      writing.unlock();
    }
    flush(); // what senders queued while this thread held the lock
  }

  // ------------------------------------------------------------------ reading

  /**
   * Starts a thread that reads: at the start, and again when the process the reader ran kept it (see
   * {@link ReaderThread}); the new thread goes on from {@link #in} and {@link #lastHeard}.
   */
  private void startReader() {
    ReaderThread.start("arbor-dist-read-" + peer.name(), this::readLoop, this::startReader);
  }

  private void readLoop() {
    long silence = netTickTime.toNanos();
    boolean handedOver = false;
    boolean drained = false; // whether the last read took every byte the kernel had
    try {
      while (!closed.get()) {
        int room = in.remaining();
        int n = drained ? readOn() : channel.read(in);
        if (n < 0) {
          throw new EOFException();
        }
        if (n > 0) {
          lastHeard = System.nanoTime(); // any bytes count as a tick
          if (!ReaderThread.deliver(() -> in = frames(in.flip()))) {
            handedOver = true;
            return; // the process this thread ran kept it: another thread reads now
          }
          drained = n < room;
          continue;
        }
        long left = silence - (System.nanoTime() - lastHeard);
        if (left <= 0) {
          close("net_tick_timeout: nothing heard for " + netTickTime);
          return;
        }
        readable.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        readable.selectedKeys().clear();
        drained = false;
      }
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
    } finally {
      if (!handedOver) {
        try {
          readable.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
  }

  /**
   * The read after one that emptied the kernel's buffer: unless {@link #spin} says to skip it, reads
   * again and again, yielding the CPU in between, until bytes come or the spin's time is up. Returns
   * what the last read returned (0 for nothing, when the reader should sleep).
   */
  private int readOn() throws IOException {
    if (!spin.due()) {
      return 0;
    }
    long until = System.nanoTime() + spin.nanos();
    int n;
    while ((n = channel.read(in)) == 0 && System.nanoTime() - until < 0) {
      Thread.yield();
    }
    if (n == 0) {
      spin.missed();
    } else {
      spin.found();
    }
    return n;
  }

  /**
   * Dispatches every whole frame in {@code in} (ready for reading) and returns the buffer, ready
   * for the next read, with the start of any partial frame kept: grown when that frame is larger
   * than the buffer, back to its usual size once a large frame has gone through.
   */
  private ByteBuffer frames(ByteBuffer in) throws FrameException {
    while (in.remaining() >= 4) {
      int length = in.getInt(in.position());
      if (length == 0) {
        in.position(in.position() + 4); // a tick
        continue;
      }
      if (length < 0 || length > maxFrame) {
        throw new FrameException("frame of " + Integer.toUnsignedString(length)
            + " bytes exceeds the limit of " + maxFrame);
      }
      if (in.remaining() - 4 < length) {
        if (4 + length > in.capacity()) {
          return ByteBuffer.allocate(4 + length).put(in);
        }
        break;
      }
      int start = in.position() + 4;
      in.position(start + length);
      dispatch(Arrays.copyOfRange(in.array(), start, start + length));
    }
    if (in.capacity() > READ_BUFFER && in.remaining() <= READ_BUFFER) {
      return ByteBuffer.allocate(READ_BUFFER).put(in);
    }
    return in.compact();
  }

  private void dispatch(byte[] frame) throws FrameException {
    Atom[] atoms = null;
    int start = 1;
    if (atomCache != null) {
      AtomCache.Header header = atomCache.read(frame);
      atoms = header.atoms();
      start = header.end();
    } else if ((frame[0] & 0xFF) != PASS_THROUGH) {
      throw new FrameException("frame starts with " + (frame[0] & 0xFF)
          + ", not the pass-through byte 112 (no atom cache header was negotiated)");
    }
    TermDecoder.Decoded control = term(frame, start, atoms);
    Object payload = null;
    if (control.end() < frame.length) {
      TermDecoder.Decoded message = term(frame, control.end(), atoms);
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

  /** The term at {@code start}: after a distribution header when {@code atoms} are its atoms. */
  private TermDecoder.Decoded term(byte[] frame, int start, Atom[] atoms) {
    return atoms == null ? decoder.decode(frame, start, frame.length)
        : decoder.decodeAfterHeader(frame, start, frame.length, atoms);
  }

  @Override
  public String toString() {
    return "Connection[" + peer.name() + (closed.get() ? ", closed]" : "]");
  }
}
