package dev.arbor.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one remote server's requests look as Erlang terms, generated for {@code @GenServer(remote =
 * true)}. A request with arguments is a tuple of its atom and the arguments ({@code {:increment_by,
 * 5}}); one without is the bare atom ({@code :increment}). Plain messages are offered to the {@code
 * @Info} handlers' types in source order.
 */
public final class ServerTerms {
  private final List<Request> requests;
  private final List<TermType> infos;
  private final Map<Class<?>, Request> byType = new HashMap<>();

  private ServerTerms(List<Request> requests, List<TermType> infos) {
    this.requests = List.copyOf(requests);
    this.infos = List.copyOf(infos);
    for (Request r : this.requests) {
      if (byType.putIfAbsent(r.type(), r) != null) {
        throw new IllegalArgumentException("two requests are built as " + r.type().getName());
      }
    }
  }

  /**
   * One {@code @Call} or {@code @Cast} handler.
   *
   * @param atom the atom that names the request
   * @param handler the Java method's name, as reports and traces show it
   * @param call whether it is a {@code @Call}; a {@code @Cast} otherwise
   * @param arguments the types of the arguments that follow the atom
   * @param type the class of the message the generated client builds for it
   * @param message builds that message from the decoded arguments (a server reading a request)
   * @param unpack the arguments a message carries, in order (a client writing a request)
   * @param reply the reply's type: {@link TermType#OK} for a {@code void} call, null for a cast
   * @param failures the checked exceptions the call declares that a client can rebuild from the error
   *     term a server answers with ({@code {error, {ClassName, Message}}}), by class name
   */
  public record Request(String atom, String handler, boolean call, List<TermType> arguments,
      Class<?> type, Function<Object[], ?> message, Function<Object, Object[]> unpack, TermType reply,
      Map<String, Function<String, ? extends Exception>> failures) {
    public Request {
      Objects.requireNonNull(atom, "atom");
      Objects.requireNonNull(handler, "handler");
      arguments = List.copyOf(arguments);
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(unpack, "unpack");
      failures = Map.copyOf(failures);
    }

    /** A request that declares no exception a client can rebuild. */
    public Request(String atom, String handler, boolean call, List<TermType> arguments, Class<?> type,
        Function<Object[], ?> message, Function<Object, Object[]> unpack, TermType reply) {
      this(atom, handler, call, arguments, type, message, unpack, reply, Map.of());
    }
  }

  /** Starts describing a server's terms. */
  public static Builder builder() {
    return new Builder();
  }

  /** The {@code @Call} (when {@code call}) or {@code @Cast} named {@code atom} with {@code arity} arguments. */
  public Optional<Request> request(boolean call, String atom, int arity) {
    for (Request r : requests) {
      if (r.call() == call && r.atom().equals(atom) && r.arguments().size() == arity) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The request whose message is an instance of {@code messageType}, if this server has one. */
  public Optional<Request> request(Class<?> messageType) {
    return Optional.ofNullable(byType.get(messageType));
  }

  /** Every request, in source order. */
  public List<Request> requests() {
    return requests;
  }

  /** The {@code @Info} handlers' parameter types, in source order. */
  public List<TermType> infos() {
    return infos;
  }

  /** Collects a {@link ServerTerms}. */
  public static final class Builder {
    private final List<Request> requests = new ArrayList<>();
    private final List<TermType> infos = new ArrayList<>();

    private Builder() {}

    /**
     * A {@code @Call}: its atom, its method's name, its reply's type, its message's class, how to
     * build that message from arguments and read them back from it, and the arguments' types.
     */
    public <T> Builder call(String atom, String handler, TermType reply, Class<T> type,
        Function<Object[], T> message, Function<T, Object[]> unpack, TermType... arguments) {
      requests.add(new Request(atom, handler, true, List.of(arguments), type, message,
          unpacker(type, unpack), Objects.requireNonNull(reply, "reply")));
      return this;
    }

    /** A {@code @Cast}: as {@link #call}, without a reply. */
    public <T> Builder cast(String atom, String handler, Class<T> type, Function<Object[], T> message,
        Function<T, Object[]> unpack, TermType... arguments) {
      requests.add(new Request(atom, handler, false, List.of(arguments), type, message,
          unpacker(type, unpack), null));
      return this;
    }

    private static <T> Function<Object, Object[]> unpacker(Class<T> type, Function<T, Object[]> unpack) {
      Objects.requireNonNull(unpack, "unpack");
      return message -> unpack.apply(type.cast(message));
    }

    /**
     * A checked exception the last {@code @Call} declares, and how a client rebuilds it from the
     * message in the error term the server answers with.
     */
    public <E extends Exception> Builder failure(Class<E> type, Function<String, E> create) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(create, "create");
      if (requests.isEmpty() || !requests.get(requests.size() - 1).call()) {
        throw new IllegalStateException("a failure follows the @Call that declares it");
      }
      Request last = requests.remove(requests.size() - 1);
      Map<String, Function<String, ? extends Exception>> failures = new HashMap<>(last.failures());
      failures.put(type.getName(), create);
      requests.add(new Request(last.atom(), last.handler(), true, last.arguments(), last.type(),
          last.message(), last.unpack(), last.reply(), failures));
      return this;
    }

    /** An {@code @Info} handler's parameter type. */
    public Builder info(TermType type) {
      infos.add(Objects.requireNonNull(type, "type"));
      return this;
    }

    public ServerTerms build() {
      return new ServerTerms(requests, infos);
    }
  }
}
