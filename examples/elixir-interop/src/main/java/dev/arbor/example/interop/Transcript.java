package dev.arbor.example.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * What both sides of the example did, line by line, in the order the lines arrived: the desk's
 * servers and the Elixir script's output write here, the demo waits here for the lines that say
 * a step is done. Each line is also passed on (to stdout when the demo runs from the command line).
 *
 * <p>A lock and a condition, not {@code synchronized}: servers write from virtual threads.
 */
public final class Transcript {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition added = lock.newCondition();
  private final List<String> lines = new ArrayList<>();
  private final Consumer<String> echo;

  /** A transcript that also hands each line to {@code echo} as it arrives. */
  public Transcript(Consumer<String> echo) {
    this.echo = echo;
  }

  /** Adds a line said by {@code who} ({@code arbor}, {@code shop}, {@code demo}). */
  public void say(String who, String line) {
    String entry = String.format("%-5s | %s", who, line);
    lock.lock();
    try {
      lines.add(entry);
      echo.accept(entry);
      added.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** What the desk's servers say goes through this. */
  public Consumer<String> as(String who) {
    return line -> say(who, line);
  }

  /** Every line so far. */
  public List<String> lines() {
    lock.lock();
    try {
      return List.copyOf(lines);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a line at index {@code from} or later contains {@code text}, and returns its index.
   *
   * @throws IllegalStateException naming the text and the transcript so far if none comes within
   *     {@code timeout}
   */
  public int await(int from, String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      for (int next = from; ; ) {
        for (; next < lines.size(); next++) {
          if (lines.get(next).contains(text)) {
            return next;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("no line containing \"" + text + "\" within " + timeout
              + "; the transcript so far:\n" + String.join("\n", lines));
        }
        added.await(left, TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The number of lines so far: where {@link #await} should start looking for what comes next. */
  public int size() {
    lock.lock();
    try {
      return lines.size();
    } finally {
      lock.unlock();
    }
  }
}
