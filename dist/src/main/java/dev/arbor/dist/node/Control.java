package dev.arbor.dist.node;

/** Operation codes of control messages ({@code erts/emulator/beam/dist.h}, {@code enum dop}). */
final class Control {
  static final int LINK = 1;
  static final int SEND = 2;
  static final int EXIT = 3;
  static final int UNLINK = 4;
  static final int REG_SEND = 6;
  static final int GROUP_LEADER = 7;
  static final int EXIT2 = 8;
  static final int MONITOR_P = 19;
  static final int DEMONITOR_P = 20;
  static final int MONITOR_P_EXIT = 21;
  static final int SEND_SENDER = 22;
  static final int ALIAS_SEND = 33;
  static final int UNLINK_ID = 35;
  static final int UNLINK_ID_ACK = 36;

  private Control() {}
}
