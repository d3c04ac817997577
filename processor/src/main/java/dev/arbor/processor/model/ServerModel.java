package dev.arbor.processor.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;

/**
 * One {@code @GenServer} type as read from source, valid or not; or the requests of a {@code
 * @RemoteServer} interface (see {@link RemoteServerModel}), which the same generators turn into a
 * client.
 *
 * @param simpleNames the type's simple name preceded by those of its enclosing types
 * @param hiddenBy the private type (the server itself or an enclosing one) that keeps the client
 *     from seeing the server, if any
 * @param innerClass whether it is a non-static nested class
 * @param visibleEverywhere whether it and every enclosing type are public, so the client can be too
 * @param referencedSimpleNames simple names of the types the generated code will mention, which
 *     the client's own nested types must not shadow
 * @param referencesDeprecated whether generated code must name deprecated elements
 * @param referencesForRemoval whether any of those is deprecated for removal
 * @param inaccessibleBounds types in the class's type parameter bounds the client could not name
 * @param javadoc the class's doc comment without comment markers, or empty
 * @param remote its handlers as Erlang terms, for {@code @GenServer(remote = true)}
 */
public record ServerModel(
    TypeElement element,
    AnnotationMirror annotation,
    ServerKind kind,
    String packageName,
    List<String> simpleNames,
    boolean isAbstract,
    Optional<String> hiddenBy,
    boolean innerClass,
    boolean visibleEverywhere,
    ClientOptions options,
    List<TypeParameterElement> typeParameters,
    List<ConstructorModel> constructors,
    List<HandlerModel> handlers,
    Deprecation deprecation,
    Set<String> referencedSimpleNames,
    boolean referencesDeprecated,
    boolean referencesForRemoval,
    List<String> inaccessibleBounds,
    String javadoc,
    Optional<RemoteModel> remote) {

  public ServerModel {
    simpleNames = List.copyOf(simpleNames);
    typeParameters = List.copyOf(typeParameters);
    constructors = List.copyOf(constructors);
    handlers = List.copyOf(handlers);
    referencedSimpleNames = Set.copyOf(referencedSimpleNames);
    inaccessibleBounds = List.copyOf(inaccessibleBounds);
  }

  /** The server's simple name. */
  public String simpleName() {
    return simpleNames.get(simpleNames.size() - 1);
  }

  /** The name the source uses, with enclosing types: {@code Outer.Inner}. */
  public String displayName() {
    return String.join(".", simpleNames);
  }

  public List<HandlerModel> handlers(HandlerKind kind) {
    return handlers.stream().filter(h -> h.kind() == kind).toList();
  }

  /** {@code @Call} and {@code @Cast} handlers, in source order: one client method family each. */
  public List<HandlerModel> requests() {
    return handlers.stream().filter(h -> h.kind().isRequest()).toList();
  }

  /**
   * The constructors the client mirrors. An implicit constructor counts even in a private class:
   * the class is reported as private, and making it visible makes the constructor so too.
   */
  public List<ConstructorModel> accessibleConstructors() {
    return constructors.stream().filter(c -> !c.isPrivate() || c.implicit()).toList();
  }
}
