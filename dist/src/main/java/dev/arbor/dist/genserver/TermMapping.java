package dev.arbor.dist.genserver;

import dev.arbor.Pid;
import dev.arbor.dist.term.Atom;
import dev.arbor.dist.term.Binary;
import dev.arbor.dist.term.ErlList;
import dev.arbor.mapping.TermType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Terms to Java values and back, by {@link TermType}: the table in the README's "A GenServer that
 * Elixir can call". Decoding is strict (an integer out of an {@code int}'s range, a binary that is
 * not UTF-8, a record map without a required key are {@link Mismatch}es) so a handler only ever
 * sees values its Java types promise; it also takes the Java values a local process might send
 * ({@code String}, {@code Boolean}, {@code List}, ...), so local and remote senders are alike.
 */
final class TermMapping {
  static final Atom NIL = Atom.of("nil");
  private static final Atom UNDEFINED = Atom.of("undefined");
  private static final Atom OK = Atom.of("ok");
  private static final Atom STRUCT = Atom.of("__struct__");
  private static final Atom MAP_SET = Atom.of("Elixir.MapSet");
  private static final Atom MAP_SET_MAP = Atom.of("map");
  private static final int SHOWN = 200;

  private TermMapping() {}

  // ------------------------------------------------------------------ decoding

  static Object decode(TermType type, Object term) throws Mismatch {
    return switch (type) {
      case TermType.Scalar s -> scalar(s.kind(), term);
      case TermType.ListOf l -> Collections.unmodifiableList(elements(l.element(), term, new ArrayList<>()));
      case TermType.SetOf s -> Collections.unmodifiableSet(elements(s.element(), mapSetMembers(term),
          new LinkedHashSet<>()));
      case TermType.MapOf m -> map(m, term);
      case TermType.OptionalOf o -> NIL.equals(term) || UNDEFINED.equals(term)
          ? Optional.empty() : Optional.of(decode(o.element(), term));
      case TermType.EnumOf e -> constant(e, term);
      case TermType.RecordOf r -> record(r, term);
      case TermType.Term t -> {
        if (!t.type().isInstance(term)) {
          throw mismatch("a " + t.type().getSimpleName(), term);
        }
        yield term;
      }
    };
  }

  private static Object scalar(TermType.Scalar.Kind kind, Object term) throws Mismatch {
    switch (kind) {
      case INT -> {
        BigInteger n = integer(term, "an integer");
        if (n.bitLength() > 31) {
          throw mismatch("an integer that fits in 32 bits", term);
        }
        return n.intValue();
      }
      case LONG -> {
        BigInteger n = integer(term, "an integer");
        if (n.bitLength() > 63) {
          throw mismatch("an integer that fits in 64 bits", term);
        }
        return n.longValue();
      }
      case BIG_INTEGER -> {
        return integer(term, "an integer");
      }
      case DOUBLE -> {
        if (term instanceof Double d) {
          return d;
        }
        return integer(term, "a float").doubleValue();
      }
      case BOOLEAN -> {
        if (term instanceof Boolean b) {
          return b;
        }
        if (Atom.TRUE.equals(term) || Atom.FALSE.equals(term)) {
          return Atom.TRUE.equals(term);
        }
        throw mismatch("true or false", term);
      }
      case STRING -> {
        return string(term);
      }
      case BYTES -> {
        if (term instanceof Binary b) {
          return b.bytes();
        }
        if (term instanceof byte[] bytes) {
          return bytes.clone();
        }
        throw mismatch("a binary", term);
      }
      case PID -> {
        if (term instanceof Pid) {
          return term;
        }
        throw mismatch("a pid", term);
      }
      case OK -> {
        // The reply of a void call, as a client on this node reads it.
        if (OK.equals(term)) {
          return null;
        }
        throw mismatch("ok", term);
      }
    }
    throw new AssertionError(kind); // the switch covers every kind
  }

  private static BigInteger integer(Object term, String expected) throws Mismatch {
    return switch (term) {
      case Long n -> BigInteger.valueOf(n);
      case Integer n -> BigInteger.valueOf(n);
      case Short n -> BigInteger.valueOf(n);
      case Byte n -> BigInteger.valueOf(n);
      case BigInteger n -> n;
      default -> throw mismatch(expected, term);
    };
  }

  /** A UTF-8 binary (an Elixir string), or a charlist (an Erlang string). */
  private static String string(Object term) throws Mismatch {
    if (term instanceof String s) {
      return s;
    }
    if (term instanceof Binary b) {
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(b.bytes())).toString();
      } catch (CharacterCodingException e) {
        throw mismatch("a UTF-8 binary", term);
      }
    }
    if (term instanceof ErlList list) {
      try {
        return list.asString();
      } catch (IllegalStateException e) {
        throw mismatch("a string (a UTF-8 binary or a charlist)", term);
      }
    }
    throw mismatch("a string (a UTF-8 binary)", term);
  }

  private static <C extends Collection<Object>> C elements(TermType element, Object term, C into)
      throws Mismatch {
    List<?> items = switch (term) {
      case ErlList list -> list.elements();
      case List<?> list -> list;
      default -> throw mismatch("a proper list", term);
    };
    for (int i = 0; i < items.size(); i++) {
      try {
        into.add(decode(element, items.get(i)));
      } catch (Mismatch m) {
        throw m.within("list element " + (i + 1));
      }
    }
    return into;
  }

  /**
   * The members of an Elixir {@code MapSet} ({@code %MapSet{map: %{member => []}}}, a struct since
   * Elixir 1.0), as a list; any other term as it is.
   */
  private static Object mapSetMembers(Object term) {
    if (term instanceof Map<?, ?> map && MAP_SET.equals(map.get(STRUCT))
        && map.get(MAP_SET_MAP) instanceof Map<?, ?> members) {
      return List.copyOf(members.keySet());
    }
    return term;
  }

  private static Map<Object, Object> map(TermType.MapOf type, Object term) throws Mismatch {
    if (!(term instanceof Map<?, ?> map)) {
      throw mismatch("a map", term);
    }
    Map<Object, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object key;
      try {
        key = decode(type.key(), e.getKey());
      } catch (Mismatch m) {
        throw m.within("map key " + show(e.getKey()));
      }
      try {
        result.put(key, decode(type.value(), e.getValue()));
      } catch (Mismatch m) {
        throw m.within("map value at " + show(e.getKey()));
      }
    }
    return Collections.unmodifiableMap(result);
  }

  private static Object constant(TermType.EnumOf type, Object term) throws Mismatch {
    if (term instanceof Atom atom) {
      for (Enum<?> constant : type.constants()) {
        if (atomName(constant).equals(atom.name()) || constant.name().equals(atom.name())) {
          return constant;
        }
      }
    }
    throw mismatch("one of " + type.constants().stream().map(c -> ":" + atomName(c)).toList(), term);
  }

  /**
   * A map with atom keys, one per component; an Elixir struct is such a map with a {@code
   * __struct__} key, ignored like any other extra key. A missing key is empty for an {@code
   * Optional} component and a mismatch otherwise.
   */
  private static Object record(TermType.RecordOf type, Object term) throws Mismatch {
    if (!(term instanceof Map<?, ?> map)) {
      throw mismatch("a map with the keys " + keys(type), term);
    }
    Object[] values = new Object[type.components().size()];
    for (int i = 0; i < values.length; i++) {
      TermType.Component c = type.components().get(i);
      Object value = map.get(Atom.of(c.key()));
      if (value == null) {
        if (!(c.type() instanceof TermType.OptionalOf)) {
          throw mismatch("a map with the keys " + keys(type) + " (:" + c.key() + " is missing)", term);
        }
        values[i] = Optional.empty();
        continue;
      }
      try {
        values[i] = decode(c.type(), value);
      } catch (Mismatch m) {
        throw m.within("key :" + c.key());
      }
    }
    try {
      return type.create().apply(values);
    } catch (RuntimeException e) {
      // The record's own constructor refused the values: the request does not fit, the server is fine.
      throw new Mismatch(type.type().getSimpleName() + " refused " + show(term) + ": " + e.getMessage());
    }
  }

  private static List<String> keys(TermType.RecordOf type) {
    return type.components().stream().map(c -> ":" + c.key()).toList();
  }

  // ------------------------------------------------------------------ encoding

  /**
   * The term for {@code value}; null becomes {@code nil}.
   *
   * @throws IllegalArgumentException when {@code value} is not of {@code type} (a handler that
   *     broke its own signature, with an unchecked cast say)
   */
  static Object encode(TermType type, Object value) {
    if (type == TermType.OK) {
      return OK;
    }
    if (value == null) {
      return NIL;
    }
    return switch (type) {
      case TermType.Scalar s -> switch (s.kind()) {
        case INT, LONG -> ((Number) value).longValue();
        case BYTES -> Binary.of((byte[]) value);
        default -> value; // BigInteger, Double, Boolean, String and Pid encode as themselves
      };
      case TermType.ListOf l -> ErlList.of(encodeAll(l.element(), (Collection<?>) value));
      case TermType.SetOf s -> ErlList.of(encodeAll(s.element(), (Collection<?>) value));
      case TermType.MapOf m -> {
        Map<Object, Object> result = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> result.put(encode(m.key(), k), encode(m.value(), v)));
        yield result;
      }
      case TermType.OptionalOf o -> ((Optional<?>) value).map(v -> encode(o.element(), v)).orElse(NIL);
      case TermType.EnumOf e -> Atom.of(atomName((Enum<?>) value));
      case TermType.RecordOf r -> {
        Map<Object, Object> result = new LinkedHashMap<>();
        for (TermType.Component c : r.components()) {
          result.put(Atom.of(c.key()), encode(c.type(), c.read().apply(value)));
        }
        yield result;
      }
      case TermType.Term t -> value;
    };
  }

  private static Object[] encodeAll(TermType element, Collection<?> values) {
    return values.stream().map(v -> encode(element, v)).toArray();
  }

  private static String atomName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------ messages

  static Mismatch mismatch(String expected, Object term) {
    return new Mismatch("expected " + expected + ", got " + show(term));
  }

  /** Erlang-like text for a term, cut short: it goes into replies and logs. */
  static String show(Object term) {
    String text = term instanceof String s ? "\"" + s + "\"" : String.valueOf(term);
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
  }
}
