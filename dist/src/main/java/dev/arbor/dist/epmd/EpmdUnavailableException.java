package dev.arbor.dist.epmd;

import java.io.IOException;

/** No epmd answered: it must run for Erlang distribution to work. */
public final class EpmdUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  EpmdUnavailableException(String host, int port, Throwable cause) {
    super("no epmd (the Erlang port mapper daemon) answers at " + host + ":" + port
        + "; start it with `epmd -daemon` (Debian/Ubuntu: apt-get install erlang-base;"
        + " it also starts with any `erl -name`/`-sname` node)", cause);
  }
}
