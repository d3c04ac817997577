/**
 * Supervision, after OTP's {@code supervisor} and Elixir's DynamicSupervisor and
 * PartitionSupervisor. {@link dev.arbor.supervisor.ChildSpec} says how to start, restart and stop one
 * child; {@link dev.arbor.supervisor.SupervisorSpec} gives a supervisor its strategy, restart
 * intensity, auto-shutdown rule and children; {@link dev.arbor.supervisor.Supervisor}, {@link
 * dev.arbor.supervisor.DynamicSupervisor} and {@link dev.arbor.supervisor.PartitionSupervisor} start
 * supervisors and are handles to running ones; {@link dev.arbor.supervisor.SupervisorEvent}s tell a
 * subscribed process about restarts as they happen. A supervisor is a GenServer on the ordinary
 * server loop that traps exits, so supervisors nest into trees.
 */
package dev.arbor.supervisor;
