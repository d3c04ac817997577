package dev.arbor.server;

import dev.arbor.ProcessInfo;
import dev.arbor.mapping.ServerTerms;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the runtime needs to know about one {@code @GenServer} class, built once by its
 * generated client: the dispatcher and the options from the annotation.
 *
 * @param <S> the annotated server class
 * @param <M> the generated sealed message type
 */
public final class ServerType<S, M> {
  private final String serverClass;
  private final String clientClass;
  private final Dispatcher<S, M> dispatcher;
  private final boolean trapExits;
  private final Duration defaultCallTimeout;
  private final ProcessInfo.Kind kind;
  private final StateFields stateFields;
  private final ServerTerms terms;

  private ServerType(Builder<S, M> b) {
    this.terms = b.terms;
    this.stateFields = b.stateFields;
    this.kind = b.kind;
    this.serverClass = b.serverClass;
    this.clientClass = b.clientClass;
    this.dispatcher = b.dispatcher;
    this.trapExits = b.trapExits;
    this.defaultCallTimeout = b.defaultCallTimeout;
  }

  /**
   * Starts describing a server.
   *
   * @param serverClass the annotated class ({@code Counter.class}); its name appears in reports
   * @param clientClass the generated client; its simple name is the default child id
   */
  public static <S, M> Builder<S, M> builder(Class<?> serverClass, Class<?> clientClass, Dispatcher<S, M> dispatcher) {
    return new Builder<>(serverClass, clientClass, dispatcher);
  }

  /** The annotated class's binary name, as reports show it. */
  public String serverClass() {
    return serverClass;
  }

  /** The generated client's simple name. */
  public String clientClass() {
    return clientClass;
  }

  public Dispatcher<S, M> dispatcher() {
    return dispatcher;
  }

  public boolean trapExits() {
    return trapExits;
  }

  public Duration defaultCallTimeout() {
    return defaultCallTimeout;
  }

  /** What {@code Proc.info} calls a process running this server: {@code SERVER} unless the runtime's own. */
  public ProcessInfo.Kind kind() {
    return kind;
  }

  /** How other nodes' requests map to this server's messages ({@code @GenServer(remote = true)}); null if they do not. */
  public ServerTerms terms() {
    return terms;
  }

  /**
   * How reports and {@link Server#getStatus} show {@code state}: what its {@link FormatStatus}
   * returns, else its fields as the generated {@link StateFields} describe them, else (a type built
   * by hand without them) the state itself.
   */
  Object describe(Object state) {
    if (state instanceof FormatStatus f) {
      try {
        return f.formatStatus();
      } catch (RuntimeException e) {
        return state.getClass().getName() + " (formatStatus threw " + e + ")";
      }
    }
    return stateFields != null && state != null ? stateFields.describe(state) : state;
  }

  @Override
  public String toString() {
    return serverClass;
  }

  /** Collects a {@link ServerType}'s options. */
  public static final class Builder<S, M> {
    private final String serverClass;
    private final String clientClass;
    private final Dispatcher<S, M> dispatcher;
    private boolean trapExits;
    private Duration defaultCallTimeout = Duration.ofSeconds(5);
    private ProcessInfo.Kind kind = ProcessInfo.Kind.SERVER;
    private StateFields stateFields;
    private ServerTerms terms;

    private Builder(Class<?> serverClass, Class<?> clientClass, Dispatcher<S, M> dispatcher) {
      this.serverClass = Objects.requireNonNull(serverClass, "serverClass").getName();
      this.clientClass = Objects.requireNonNull(clientClass, "clientClass").getSimpleName();
      this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /** {@code @GenServer(trapExits = ...)}. */
    public Builder<S, M> trapExits(boolean on) {
      this.trapExits = on;
      return this;
    }

    /** {@code @GenServer(defaultCallTimeoutMillis = ...)}. */
    public Builder<S, M> defaultCallTimeoutMillis(long millis) {
      if (millis <= 0) {
        throw new IllegalArgumentException("defaultCallTimeoutMillis must be positive: " + millis);
      }
      this.defaultCallTimeout = Duration.ofMillis(millis);
      return this;
    }

    /** For the runtime's own servers (supervisors, agents, the registry): what {@code Proc.info} calls them. */
    public Builder<S, M> kind(ProcessInfo.Kind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
      return this;
    }

    /** The state's fields, for reports of a state that does not implement {@link FormatStatus}. */
    public Builder<S, M> stateFields(StateFields fields) {
      this.stateFields = Objects.requireNonNull(fields, "fields");
      return this;
    }

    /** {@code @GenServer(remote = true)}: how other nodes' requests map to this server's messages. */
    public Builder<S, M> terms(ServerTerms terms) {
      this.terms = Objects.requireNonNull(terms, "terms");
      return this;
    }

    public ServerType<S, M> build() {
      return new ServerType<>(this);
    }
  }
}
