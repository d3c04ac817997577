package test;

import dev.arbor.Pid;
import dev.arbor.annotation.Call;
import dev.arbor.annotation.Cast;
import dev.arbor.annotation.GenServer;
import dev.arbor.annotation.Info;
import dev.arbor.server.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A thermostat that Erlang and Elixir nodes can call: every kind of term the mapping knows. */
@GenServer(remote = true)
public final class Thermostat {
  private double target = 20.0;
  private Mode mode = Mode.HEAT;
  private final List<String> log = new ArrayList<>();

  /** The target temperature: {@code GenServer.call(t, :target)}. */
  @Call
  public double target() {
    return target;
  }

  /** {@code GenServer.call(t, {:set_target, 21.5})}. */
  @Call
  public void setTarget(double degrees) {
    target = degrees;
  }

  /** {@code GenServer.call(t, {:schedule, %{at: 7, degrees: 21.0}, [:mon, :tue]})}. */
  @Call
  public int schedule(Slot slot, Set<Day> days) throws BusyException {
    if (days.isEmpty()) {
      throw new BusyException("no days given");
    }
    return days.size();
  }

  /** {@code GenServer.call(t, {:label, "hall"})}, answered later. */
  @Call(atom = "label")
  public void rename(Optional<String> label, Reply<Map<String, Long>> reply) {
    reply.send(Map.of(label.orElse("none"), 1L));
  }

  /** {@code GenServer.call(t, {:history, pid, <<...>>})}. */
  @Call
  public List<Slot> history(Pid asker, byte[] filter) {
    return List.of();
  }

  /** {@code GenServer.cast(t, {:switch_mode, :cool})}. */
  @Cast
  public void switchMode(Mode mode) {
    this.mode = mode;
  }

  /** {@code send(t, "a note")}. */
  @Info
  public void note(String text) {
    log.add(text + " in " + mode);
  }

  /** A local-only message: no term form, so only local processes reach it. */
  @Info
  public void tick(Tick tick) {}

  /** How the thermostat runs. */
  public enum Mode { HEAT, COOL, OFF }

  /** A day of the week. */
  public enum Day { MON, TUE, WED }

  /** A time slot: {@code %{at: 7, degrees: 21.0}}. */
  public record Slot(int at, double degrees) {}

  /** Not a record: no term form. */
  public static final class Tick {}

  /** The thermostat cannot take the request now. */
  public static final class BusyException extends Exception {
    private static final long serialVersionUID = 1L;

    public BusyException(String message) {
      super(message);
    }
  }
}
