package dev.arbor.observer;

import dev.arbor.Pid;
import dev.arbor.Proc;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pids as the page writes them ({@code <0.42.0>}, or the bare number), back to live pids. */
final class Pids {
  private static final Pattern FORM = Pattern.compile("<0\\.(\\d{1,18})\\.0>|(\\d{1,18})");

  private Pids() {}

  /** The number in {@code text}; a 400 naming the text when it is no pid. */
  static long id(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new Query.BadRequest("not a pid: \"" + text + "\" (expected <0.N.0>)");
    }
    return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
  }

  /** The live process {@code text} names, or null when none has that number now. */
  static Pid live(String text) {
    long id = id(text);
    for (Pid p : Proc.list()) {
      if (p.id() == id) {
        return p;
      }
    }
    return null;
  }
}
