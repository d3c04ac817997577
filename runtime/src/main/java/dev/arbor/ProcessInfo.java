package dev.arbor;

import java.util.List;

/**
 * What {@link Proc#info(Pid)} tells about a process at one instant (Erlang's {@code process_info}).
 *
 * @param name the registered name, or null
 * @param mailboxLength messages waiting, as Erlang's {@code message_queue_len} counts them:
 *     including those a selective receive skipped and the one it is testing
 * @param links the processes it is linked to
 * @param monitors the processes it monitors
 * @param monitoredBy the processes that monitor it
 * @param timers timers aimed at it that have not fired
 * @param currentHandler the GenServer handler running now, or null
 * @param plainThread whether this is the identity of a plain Java thread rather than a spawned process
 * @param kind what the process runs
 * @param serverClass the {@code @GenServer} class's binary name for a server, supervisor, agent or
 *     registry; null for other processes
 */
public record ProcessInfo(
    Pid pid,
    String name,
    Status status,
    int mailboxLength,
    List<Pid> links,
    List<Pid> monitors,
    List<Pid> monitoredBy,
    int timers,
    boolean trapExits,
    String currentHandler,
    boolean plainThread,
    Kind kind,
    String serverClass) {

  /** What a process runs. */
  public enum Kind {
    /** The identity of a plain Java thread ({@link Proc#adopt()}). */
    THREAD,
    /** A process spawned with a body of its own ({@link Proc#spawn}). */
    PROCESS,
    /** A {@code @GenServer}. */
    SERVER,
    /** A {@code Supervisor} or {@code DynamicSupervisor}. */
    SUPERVISOR,
    /** A {@code Task}. */
    TASK,
    /** An {@code Agent}. */
    AGENT,
    /** A {@code Registry}'s own process. */
    REGISTRY
  }

  /** What the process is doing. */
  public enum Status {
    /** Running code. */
    RUNNING,
    /** Parked in a receive, waiting for a message. */
    WAITING,
    /** Idle with no thread at all; the next message gives it one. */
    HIBERNATED,
    /**
     * Dead to the system (a fatal exit signal reached it) while its thread still runs, until its
     * next Arbor operation unwinds it. <b>Deviation</b>: Erlang has no such state.
     */
    ZOMBIE
  }
}
