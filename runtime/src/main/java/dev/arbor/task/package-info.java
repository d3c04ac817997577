/**
 * Elixir's Task and Task.Supervisor: run a function in a process of its own and collect its result.
 * {@link dev.arbor.task.Task#async} starts one linked to the caller and {@link
 * dev.arbor.task.Task#await} collects the result; {@link dev.arbor.task.Task#asyncStream} runs a
 * function over many items with bounded concurrency as a lazy {@link java.util.stream.Stream} of
 * {@link dev.arbor.task.TaskResult}s; {@link dev.arbor.task.TaskSupervisor} starts tasks under a
 * supervisor, including tasks whose crash does not reach the caller.
 */
package dev.arbor.task;
