package dev.arbor.observer;

import dev.arbor.ProcessInfo;
import java.util.Locale;

/** How the page names what a process runs: a server by its class, anything else by its kind. */
final class Kinds {
  private Kinds() {}

  static String label(ProcessInfo info) {
    return switch (info.kind()) {
      case SERVER -> simpleName(info.serverClass());
      case PROCESS -> "plain";
      default -> info.kind().name().toLowerCase(Locale.ROOT);
    };
  }

  /** {@code a.b.Outer$Inner} as {@code Outer.Inner}. */
  static String simpleName(String binaryName) {
    if (binaryName == null) {
      return "server";
    }
    return binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
  }
}
