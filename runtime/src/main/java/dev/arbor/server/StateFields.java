package dev.arbor.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How reports and {@link Server#getStatus} show a server's state when it does not implement {@link
 * FormatStatus}: its class's own instance fields in declaration order, record style ({@code
 * Account[balance=120, owner=alice, apiKey=<redacted>]}), with the fields marked {@link
 * dev.arbor.annotation.Redacted @Redacted} hidden. A state without {@code toString} then still
 * reads at once, and a secret in a field never reaches a log.
 *
 * <p>The processor builds one for each {@code @GenServer} class in its generated client; a
 * redacted field is never read. Fields are read through {@link VarHandle}s found in the client's
 * own lookup (same package and module as the server), only when a report or {@code getStatus} asks,
 * in the server's own process.
 */
public final class StateFields {
  /** A field's value longer than this is cut, so a large collection cannot flood a log. */
  static final int MAX_VALUE_CHARS = 500;

  private final MethodHandles.Lookup lookup;
  private final Class<?> serverClass;
  private final List<Field> fields = new ArrayList<>();
  private volatile VarHandle[] handles;

  private StateFields(MethodHandles.Lookup lookup, Class<?> serverClass) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.serverClass = Objects.requireNonNull(serverClass, "serverClass");
  }

  /**
   * Starts describing {@code serverClass}'s fields.
   *
   * @param lookup the generated client's {@code MethodHandles.lookup()}, in the server's package
   */
  public static StateFields of(MethodHandles.Lookup lookup, Class<?> serverClass) {
    return new StateFields(lookup, serverClass);
  }

  /** A field shown with its value; {@code type} is its erased declared type. */
  public StateFields field(String name, Class<?> type) {
    fields.add(new Field(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"), null, false));
    return this;
  }

  /**
   * A field shown with its value, whose type the client cannot name (a private nested type), given
   * as {@link Class#forName} spells it; it is found through the server class's own lookup.
   */
  public StateFields field(String name, String typeName) {
    fields.add(new Field(Objects.requireNonNull(name, "name"), null, Objects.requireNonNull(typeName, "typeName"), false));
    return this;
  }

  /**
   * A field shown with its value, whose type did not exist yet when the client was generated (a
   * client generated in the same compilation, or a type another processor writes): its declared
   * type is read from the server class.
   */
  public StateFields field(String name) {
    fields.add(new Field(Objects.requireNonNull(name, "name"), null, null, false));
    return this;
  }

  /** A {@code @Redacted} field: shown as {@code <redacted>}, never read. */
  public StateFields redacted(String name) {
    fields.add(new Field(Objects.requireNonNull(name, "name"), null, null, true));
    return this;
  }

  /** The description of {@code state}, an instance of the server class. */
  public String describe(Object state) {
    VarHandle[] h = resolve();
    StringBuilder out = new StringBuilder(serverClass.getSimpleName()).append('[');
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      out.append(i == 0 ? "" : ", ").append(f.name).append('=');
      if (f.redacted) {
        out.append("<redacted>");
      } else if (h[i] == null) {
        out.append("<unreadable>");
      } else {
        out.append(value(h[i], state));
      }
    }
    return out.append(']').toString();
  }

  private static String value(VarHandle handle, Object state) {
    String text;
    try {
      Object v = handle.get(state);
      text = v != null && v.getClass().isArray() ? array(v) : String.valueOf(v);
    } catch (RuntimeException e) {
      return "<toString threw " + e + ">";
    }
    return text.length() <= MAX_VALUE_CHARS ? text
        : text.substring(0, MAX_VALUE_CHARS) + "...(" + text.length() + " chars)";
  }

  /** Any array, primitive or not, as {@code [1, 2]}: wrapped once so deepToString takes both kinds. */
  private static String array(Object array) {
    String wrapped = Arrays.deepToString(new Object[] {array});
    return wrapped.substring(1, wrapped.length() - 1);
  }

  /** Finds the handles once; a field that cannot be found shows as unreadable rather than failing the report. */
  private VarHandle[] resolve() {
    VarHandle[] h = handles;
    if (h != null) {
      return h;
    }
    h = new VarHandle[fields.size()];
    MethodHandles.Lookup inServer;
    try {
      inServer = MethodHandles.privateLookupIn(serverClass, lookup);
    } catch (IllegalAccessException e) {
      return handles = h;
    }
    for (int i = 0; i < h.length; i++) {
      Field f = fields.get(i);
      if (f.redacted) {
        continue;
      }
      try {
        Class<?> type = f.type != null ? f.type
            : f.typeName != null ? inServer.findClass(f.typeName)
            : serverClass.getDeclaredField(f.name).getType();
        h[i] = inServer.findVarHandle(serverClass, f.name, type);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        h[i] = null;
      }
    }
    return handles = h;
  }

  private record Field(String name, Class<?> type, String typeName, boolean redacted) {}
}
