package dev.arbor.mapping;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One Java type as an Erlang term: what a handler parameter accepts and what a reply becomes. The
 * processor writes these out for a remote server; {@code arbor-dist} decodes and encodes with them.
 * The README's "A GenServer that Elixir can call" has the full table.
 */
public sealed interface TermType {
  /** {@code int}/{@code Integer}: an integer that fits in 32 bits. */
  TermType INT = new Scalar(Scalar.Kind.INT);
  /** {@code long}/{@code Long}: an integer that fits in 64 bits. */
  TermType LONG = new Scalar(Scalar.Kind.LONG);
  /** {@code BigInteger}: any integer. */
  TermType BIG_INTEGER = new Scalar(Scalar.Kind.BIG_INTEGER);
  /** {@code double}/{@code Double}: a float (an integer is accepted too, as Erlang's arithmetic would). */
  TermType DOUBLE = new Scalar(Scalar.Kind.DOUBLE);
  /** {@code boolean}/{@code Boolean}: the atoms {@code true} and {@code false}. */
  TermType BOOLEAN = new Scalar(Scalar.Kind.BOOLEAN);
  /** {@code String}: a UTF-8 binary, an Elixir string. */
  TermType STRING = new Scalar(Scalar.Kind.STRING);
  /** {@code byte[]}: a binary. */
  TermType BYTES = new Scalar(Scalar.Kind.BYTES);
  /** {@code Pid}: a pid. */
  TermType PID = new Scalar(Scalar.Kind.PID);
  /** The reply of a {@code void} {@code @Call}: the atom {@code ok}. */
  TermType OK = new Scalar(Scalar.Kind.OK);

  /** A fixed type; see the constants above. */
  record Scalar(Kind kind) implements TermType {
    /** The fixed types. */
    public enum Kind { INT, LONG, BIG_INTEGER, DOUBLE, BOOLEAN, STRING, BYTES, PID, OK }
  }

  /** {@code List<E>}: a proper list. */
  record ListOf(TermType element) implements TermType {}

  /** {@code Set<E>}: a proper list; duplicates collapse. */
  record SetOf(TermType element) implements TermType {}

  /** {@code Map<K, V>}: a map. */
  record MapOf(TermType key, TermType value) implements TermType {}

  /** {@code Optional<E>}: {@code nil} (Elixir's, the atom) for empty, else the value. */
  record OptionalOf(TermType element) implements TermType {}

  /**
   * An enum: one atom per constant, its name in lower case ({@code DARK_RED} is {@code :dark_red}).
   *
   * @param constants {@code E.values()}, so that nothing is looked up reflectively
   */
  record EnumOf(Class<?> type, List<? extends Enum<?>> constants) implements TermType {
    public EnumOf {
      Objects.requireNonNull(type, "type");
      constants = List.copyOf(constants);
    }
  }

  /**
   * A record: a map with one atom key per component, {@code snake_case} of its name; an Elixir struct
   * fits too (its {@code __struct__} key is ignored), and extra keys are ignored.
   *
   * @param create builds the record from the decoded components, in order
   */
  record RecordOf(Class<?> type, List<Component> components, Function<Object[], ?> create)
      implements TermType {
    public RecordOf {
      Objects.requireNonNull(type, "type");
      components = List.copyOf(components);
      Objects.requireNonNull(create, "create");
    }
  }

  /**
   * One record component.
   *
   * @param key the atom key, {@code snake_case} of the component's name
   * @param read the component's accessor
   */
  record Component(String key, TermType type, Function<Object, ?> read) {
    public Component {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(read, "read");
    }
  }

  /**
   * A type of the term model itself ({@code dev.arbor.dist.term.Atom}, {@code Tuple}, ...) or {@code
   * Object}: the term as decoded, if it is an instance of {@code type}.
   */
  record Term(Class<?> type) implements TermType {
    public Term {
      Objects.requireNonNull(type, "type");
    }
  }

  /** {@code List<element>}. */
  static TermType listOf(TermType element) {
    return new ListOf(element);
  }

  /** {@code Set<element>}. */
  static TermType setOf(TermType element) {
    return new SetOf(element);
  }

  /** {@code Map<key, value>}. */
  static TermType mapOf(TermType key, TermType value) {
    return new MapOf(key, value);
  }

  /** {@code Optional<element>}. */
  static TermType optionalOf(TermType element) {
    return new OptionalOf(element);
  }

  /** An enum, given {@code E.values()}. */
  @SafeVarargs
  static <E extends Enum<E>> TermType enumOf(Class<E> type, E... constants) {
    return new EnumOf(type, List.of(constants));
  }

  /** A record, built by {@code create} from its components' values in order. */
  static TermType recordOf(Class<?> type, Function<Object[], ?> create, Component... components) {
    return new RecordOf(type, List.of(components), create);
  }

  /** One component of a record, read by {@code read}. */
  @SuppressWarnings("unchecked")
  static <R> Component component(String key, TermType type, Function<R, ?> read) {
    return new Component(key, type, (Function<Object, ?>) read); // only ever applied to an R
  }

  /** A term-model type, or {@code Object} for any term. */
  static TermType term(Class<?> type) {
    return new Term(type);
  }
}
