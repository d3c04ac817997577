package dev.arbor.dist;

import dev.arbor.Pid;
import dev.arbor.Proc;
import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.GenServer;
import dev.arbor.annotation.Info;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A counter that Elixir calls in {@link ElixirGenServerTest}: {@code {:counter, :"arbor@127.0.0.1"}}. */
@GenServer(remote = true)
public final class Counter {
  private int count;
  private Mode mode = Mode.HEAT;
  private final List<String> notes = new ArrayList<>();

  /** {@code :get}. */
  @Call
  public int get() {
    return count;
  }

  /** {@code {:increment_by, 5}}. */
  @Call
  public int incrementBy(int amount) {
    return count += amount;
  }

  /** {@code GenServer.cast(counter, :increment)}. */
  @Cast
  public void increment() {
    count++;
  }

  /** {@code {:take, 3}}; more than the count is a declared failure, which the caller gets as an error term. */
  @Call(atom = "take")
  public int withdraw(int amount) throws TooFewException {
    if (amount > count) {
      throw new TooFewException("only " + count + ", asked for " + amount);
    }
    return count -= amount;
  }

  /** {@code {:configure, %{name: "hall", mode: :cool}}}: a record from a map, an enum from an atom. */
  @Call
  public String configure(Settings settings) {
    mode = settings.mode();
    return settings.name() + " is " + mode;
  }

  /** {@code :snapshot}: a record back as a map with atom keys. */
  @Call
  public Snapshot snapshot() {
    return new Snapshot(count, mode, List.copyOf(notes),
        notes.isEmpty() ? Optional.empty() : Optional.of(notes.get(notes.size() - 1)));
  }

  /** {@code {:sleep, ms}}: a slow call, for callers that time out. */
  @Call
  public void sleep(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }

  /** {@code {:distinct_modes, MapSet.new([:heat, :cool])}}: a set from an Elixir MapSet or a list. */
  @Call
  public int distinctModes(Set<Mode> modes) {
    return modes.size();
  }

  /** {@code :server_pid}: the server's own pid, for clients bound to a pid rather than a name. */
  @Call
  public Pid serverPid() {
    return Proc.self();
  }

  /** {@code :crash}: an undeclared exception crashes the server, as a raise in Elixir would. */
  @Call
  public void crash() {
    throw new IllegalStateException("asked to crash");
  }

  /** A plain {@code send(counter, "text")}. */
  @Info
  public void note(String text) {
    notes.add(text);
  }

  /** How the room is kept. */
  public enum Mode { HEAT, COOL }

  /** What {@link #configure} takes. */
  public record Settings(String name, Mode mode) {}

  /** What {@link #snapshot} answers. */
  public record Snapshot(int count, Mode mode, List<String> notes, Optional<String> lastNote) {}

  /** Asked to take more than there is. */
  public static final class TooFewException extends Exception {
    private static final long serialVersionUID = 1L;

    public TooFewException(String message) {
      super(message);
    }
  }
}
