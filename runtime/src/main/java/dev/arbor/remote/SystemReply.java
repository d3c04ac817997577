package dev.arbor.remote;

import dev.arbor.Pid;

/**
 * The answer to a {@code sys} request from another node ({@code sys:get_state/1}, {@code
 * sys:get_status/1}, ...): the server loop hands over what it knows of itself, and the
 * implementation picks what the request asked for and sends it the way {@code sys} expects. Called
 * once, from the server's process; never throws.
 */
public interface SystemReply {
  /** Answers from {@code status}, the server as it is now. */
  void answer(Status status);

  /**
   * What a server tells {@code sys} about itself.
   *
   * @param server the server's pid
   * @param name how the server is registered, or null
   * @param parent the process that started it linked, or null for an unlinked start
   * @param state the state as {@code Server.getStatus} shows it: its {@code FormatStatus} or its fields
   */
  record Status(Pid server, String name, Pid parent, String state) {}
}
