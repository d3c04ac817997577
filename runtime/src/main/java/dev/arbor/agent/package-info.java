/**
 * Elixir's Agent: a process that holds one piece of state and changes it only through functions it
 * runs itself, one at a time. {@link dev.arbor.agent.Agent} starts one and is the handle to it; it
 * runs on the same server loop as every GenServer, so an agent can be named, supervised and stopped
 * like one.
 */
package dev.arbor.agent;
