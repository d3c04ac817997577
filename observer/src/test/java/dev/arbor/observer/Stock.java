package dev.arbor.observer;

import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.GenServer;

/** A test server: a stock count that calls read and casts change. */
@GenServer
public final class Stock {
  private int count;

  public Stock(int count) {
    this.count = count;
  }

  @Call
  public int count() {
    return count;
  }

  @Cast
  public void add(int n) {
    count += n;
  }
}
