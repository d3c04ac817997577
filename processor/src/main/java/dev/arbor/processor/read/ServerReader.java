package dev.arbor.processor.read;

import dev.arbor.processor.model.ClientOptions;
import dev.arbor.processor.model.ConstructorModel;
import dev.arbor.processor.model.Deprecation;
import dev.arbor.processor.model.HandlerAnnotation;
import dev.arbor.processor.model.HandlerKind;
import dev.arbor.processor.model.HandlerModel;
import dev.arbor.processor.model.MessageMatch;
import dev.arbor.processor.model.ParameterModel;
import dev.arbor.processor.model.RemoteServerModel;
import dev.arbor.processor.model.ReplyUse;
import dev.arbor.processor.model.ServerKind;
import dev.arbor.processor.model.ServerModel;
import dev.arbor.processor.model.Signatures;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads one {@code @GenServer} type into a {@link ServerModel}, whatever shape it is in. */
public final class ServerReader {
  private final Elements elements;
  private final TypeInspector inspector;
  private final Deprecations deprecations;
  private final RemoteReader remote = new RemoteReader();

  public ServerReader(Elements elements, Types types) {
    this.elements = elements;
    this.inspector = new TypeInspector(elements, types);
    this.deprecations = new Deprecations(elements);
  }

  /**
   * The names javac could not resolve in any signature the client would use. Another processor
   * may generate them in this round, so a non-empty answer means: read this type next round.
   */
  public Set<String> unresolvedTypes(TypeElement type) {
    Set<String> unresolved = new TreeSet<>();
    for (TypeParameterElement p : type.getTypeParameters()) {
      p.getBounds().forEach(b -> inspector.collectUnresolved(b, unresolved));
    }
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      signatureTypes(c).forEach(t -> inspector.collectUnresolved(t, unresolved));
    }
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!handlerAnnotations(m).isEmpty()) {
        signatureTypes(m).forEach(t -> inspector.collectUnresolved(t, unresolved));
      }
    }
    return unresolved;
  }

  public ServerModel read(TypeElement type) {
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    List<String> simpleNames = simpleNames(type);
    AnnotationMirror annotation = annotation(type, RuntimeNames.GEN_SERVER).orElseThrow();

    List<ConstructorModel> constructors = new ArrayList<>();
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      constructors.add(readConstructor(c, packageName));
    }
    List<HandlerModel> handlers = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      List<HandlerAnnotation> annotations = handlerAnnotations(m);
      if (!annotations.isEmpty()) {
        handlers.add(readHandler(m, annotations, packageName, false));
      }
    }
    handlers = withOverloadFlags(withSpecificity(handlers));
    return model(type, annotation, packageName, simpleNames, constructors, handlers, options(annotation, simpleNames));
  }

  /**
   * Reads a {@code @RemoteServer} type: its abstract methods, its own in source order then those it
   * inherits, are the requests. Their parameters are read as they are, a {@code Reply} included
   * (which has no term form). A declared checked exception is rebuilt from the error term {@code
   * {error, {ClassName, Message}}}, as for a {@code @GenServer(remote = true)} client.
   */
  public RemoteServerModel readRemoteServer(TypeElement type) {
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    List<String> simpleNames = simpleNames(type);
    AnnotationMirror annotation = annotation(type, RuntimeNames.REMOTE_SERVER).orElseThrow();
    List<HandlerModel> handlers = new ArrayList<>();
    List<RemoteServerModel.Method> unannotated = new ArrayList<>();
    for (ExecutableElement m : abstractMethods(type)) {
      List<HandlerAnnotation> annotations = handlerAnnotations(m);
      if (annotations.isEmpty()) {
        unannotated.add(notARequest(m, ""));
      } else {
        handlers.add(readHandler(m, annotations, packageName, true));
      }
    }
    List<RemoteServerModel.Method> annotatedWithBody = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      List<HandlerAnnotation> annotations = handlerAnnotations(m);
      if (!m.getModifiers().contains(Modifier.ABSTRACT) && !annotations.isEmpty()) {
        annotatedWithBody.add(notARequest(m, annotations.get(0).kind().display()));
      }
    }
    Map<? extends ExecutableElement, ? extends AnnotationValue> written = annotation.getElementValues();
    Optional<AnnotationValue> timeoutValue = valueNamed(written, "defaultCallTimeoutMillis");
    ClientOptions options = new ClientOptions(ClientOptions.defaultClientName(simpleNames), Optional.empty(),
        timeoutMillis(elements.getElementValuesWithDefaults(annotation)), timeoutValue, false, true);
    ServerModel server = model(type, annotation, packageName, simpleNames, List.of(), withOverloadFlags(handlers),
        options);
    return new RemoteServerModel(server, unannotated, annotatedWithBody);
  }

  private RemoteServerModel.Method notARequest(ExecutableElement m, String annotation) {
    return new RemoteServerModel.Method(m, Signatures.of(m.getSimpleName().toString(),
        m.getParameters().stream().map(p -> readParameter(p, true)).toList()), annotation);
  }

  /** What a client generator needs of a type, besides its constructors and handlers. */
  private ServerModel model(TypeElement type, AnnotationMirror annotation, String packageName,
      List<String> simpleNames, List<ConstructorModel> constructors, List<HandlerModel> handlers,
      ClientOptions options) {
    // Everything the generated file will name: the server, constructor and handler signatures.
    List<TypeMirror> named = new ArrayList<>();
    named.add(type.asType());
    type.getTypeParameters().forEach(p -> named.addAll(p.getBounds()));
    constructors.stream().filter(c -> !c.isPrivate() || c.implicit())
        .forEach(c -> named.addAll(signatureTypes(c.element())));
    handlers.forEach(h -> named.addAll(namedByGeneratedCode(h.kind(), h.element())));
    Set<String> simpleNamesUsed = new TreeSet<>();
    Set<TypeElement> typeElements = new LinkedHashSet<>();
    named.forEach(t -> {
      inspector.collectSimpleNames(t, simpleNamesUsed);
      inspector.collectTypeElements(t, typeElements);
    });
    List<Deprecation> used = new ArrayList<>();
    typeElements.forEach(e -> used.add(deprecations.of(e)));
    constructors.stream().filter(c -> !c.isPrivate() || c.implicit()).forEach(c -> used.add(c.deprecation()));
    handlers.forEach(h -> used.add(h.deprecation()));

    Set<String> inaccessibleBounds = new TreeSet<>();
    type.getTypeParameters().forEach(p -> p.getBounds()
        .forEach(b -> inspector.collectInaccessible(b, packageName, inaccessibleBounds)));

    return new ServerModel(
        type,
        annotation,
        kindOf(type),
        packageName,
        simpleNames,
        type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT),
        hiddenBy(type),
        isInner(type),
        visibleEverywhere(type),
        options,
        List.copyOf(type.getTypeParameters()),
        constructors,
        handlers,
        deprecations.of(type),
        simpleNamesUsed,
        used.stream().anyMatch(Deprecation::deprecated),
        used.stream().anyMatch(Deprecation::forRemoval),
        List.copyOf(inaccessibleBounds),
        DocComments.of(elements, type),
        options.remote() ? Optional.of(remote.read(handlers)) : Optional.empty());
  }

  /**
   * A {@code @RemoteServer}'s requests: its abstract methods in source order, then the abstract
   * methods it inherits. Redeclared {@code Object} methods are left out unless annotated (then
   * reported): {@code Object} implements them in every client.
   */
  private List<ExecutableElement> abstractMethods(TypeElement type) {
    List<ExecutableElement> own = ElementFilter.methodsIn(type.getEnclosedElements());
    List<ExecutableElement> result = new ArrayList<>(own);
    ElementFilter.methodsIn(elements.getAllMembers(type)).stream().filter(m -> !own.contains(m)).forEach(result::add);
    return result.stream()
        .filter(m -> m.getModifiers().contains(Modifier.ABSTRACT))
        .filter(m -> !redeclaresObjectMethod(m) || !handlerAnnotations(m).isEmpty())
        .toList();
  }

  private static boolean redeclaresObjectMethod(ExecutableElement m) {
    String name = m.getSimpleName().toString();
    int arity = m.getParameters().size();
    return (arity == 0 && (name.equals("toString") || name.equals("hashCode")))
        || (arity == 1 && name.equals("equals") && TypeInspector.isNamed(m.getParameters().get(0).asType(),
            "java.lang.Object"));
  }

  private ConstructorModel readConstructor(ExecutableElement c, String packageName) {
    Set<String> inaccessible = new TreeSet<>();
    signatureTypes(c).forEach(t -> inspector.collectInaccessible(t, packageName, inaccessible));
    return new ConstructorModel(
        c,
        c.getModifiers().contains(Modifier.PRIVATE),
        elements.getOrigin(c) != Elements.Origin.EXPLICIT,
        List.copyOf(c.getTypeParameters()),
        c.getParameters().stream().map(p -> readParameter(p, false)).toList(),
        c.isVarArgs(),
        annotation(c, "java.lang.SafeVarargs").isPresent(),
        DocComments.of(elements, c),
        deprecations.of(c),
        List.copyOf(inaccessible));
  }

  /**
   * @param remoteServer whether {@code m} is a {@code @RemoteServer} request: its parameters are
   *     read as they are
   */
  private HandlerModel readHandler(ExecutableElement m, List<HandlerAnnotation> annotations, String packageName,
      boolean remoteServer) {
    List<ParameterModel> parameters = m.getParameters().stream().map(p -> readParameter(p, remoteServer)).toList();
    HandlerKind kind = annotations.get(0).kind();
    Set<String> inaccessible = new TreeSet<>();
    namedByGeneratedCode(kind, m).forEach(t -> inspector.collectInaccessible(t, packageName, inaccessible));
    Optional<MessageMatch> match = Optional.empty();
    if (parameters.size() == 1) {
      TypeMirror type = parameters.get(0).type();
      TypeMirror matchType = inspector.matchType(type);
      match = Optional.of(new MessageMatch(matchType, inspector.erasureName(matchType), inspector.isReifiable(type),
          List.of()));
    }
    return new HandlerModel(
        m,
        m.getSimpleName().toString(),
        annotations,
        m.getModifiers().contains(Modifier.PRIVATE),
        m.getModifiers().contains(Modifier.STATIC),
        List.copyOf(m.getTypeParameters()),
        parameters,
        m.getReturnType(),
        m.getReturnType().getKind() == TypeKind.VOID,
        List.copyOf(m.getThrownTypes()),
        m.getThrownTypes().stream().filter(t -> !inspector.isInterruptedException(t)).map(t -> (TypeMirror) t).toList(),
        m.isVarArgs(),
        annotation(m, "java.lang.SafeVarargs").isPresent(),
        DocComments.of(elements, m),
        deprecations.of(m),
        List.copyOf(inaccessible),
        match,
        false);
  }

  /** @param plain whether a {@code Reply} is an ordinary parameter, as in a {@code @RemoteServer} */
  private ParameterModel readParameter(VariableElement p, boolean plain) {
    TypeMirror type = p.asType();
    ReplyUse reply = ReplyUse.NONE;
    Optional<TypeMirror> replyValue = Optional.empty();
    if (!plain && TypeInspector.isNamed(type, RuntimeNames.REPLY)) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      if (arguments.isEmpty()) {
        reply = ReplyUse.RAW;
      } else if (arguments.get(0).getKind() == TypeKind.WILDCARD) {
        reply = ReplyUse.WILDCARD;
      } else {
        reply = ReplyUse.TYPED;
        replyValue = Optional.of(arguments.get(0));
      }
    }
    return new ParameterModel(p, p.getSimpleName().toString(), type, inspector.erasureName(type),
        inspector.erasure(type), reply, replyValue,
        TypeInspector.isNamed(type, RuntimeNames.EXIT_REASON));
  }

  /**
   * For each {@code @Info} (and each {@code @Continue}) handler, the parameter types of the sibling
   * handlers that are strict subtypes of its own: the generated dispatch lets those win.
   */
  private List<HandlerModel> withSpecificity(List<HandlerModel> handlers) {
    List<HandlerModel> result = new ArrayList<>();
    for (HandlerModel h : handlers) {
      if (!h.kind().matchesByType() || h.match().isEmpty() || !h.match().get().reifiable()) {
        result.add(h);
        continue;
      }
      MessageMatch match = h.match().get();
      List<TypeMirror> moreSpecific = handlers.stream()
          .filter(other -> other != h && other.kind() == h.kind())
          .flatMap(other -> other.match().stream())
          .filter(MessageMatch::reifiable)
          .map(MessageMatch::type)
          .filter(t -> inspector.isStrictSubtype(t, match.type()))
          .toList();
      result.add(h.withMatch(match.withMoreSpecific(moreSpecific)));
    }
    return result;
  }

  /** Marks request handlers that javac's overloads lint might flag in the client. */
  private static List<HandlerModel> withOverloadFlags(List<HandlerModel> handlers) {
    List<HandlerModel> result = new ArrayList<>();
    for (HandlerModel h : handlers) {
      boolean overloaded = h.kind().isRequest() && handlers.stream()
          .anyMatch(o -> o != h && o.kind().isRequest() && o.name().equals(h.name()));
      boolean takesInterface = h.parameters().stream()
          .anyMatch(p -> p.type() instanceof DeclaredType d && d.asElement().getKind() == ElementKind.INTERFACE);
      result.add(overloaded && takesInterface ? h.withOverloadTakingInterfaces(true) : h);
    }
    return result;
  }

  /** Every type in an executable's signature: parameters, return type, exceptions, bounds. */
  private static List<TypeMirror> signatureTypes(ExecutableElement e) {
    List<TypeMirror> types = new ArrayList<>();
    e.getTypeParameters().forEach(p -> types.addAll(p.getBounds()));
    e.getParameters().forEach(p -> types.add(p.asType()));
    types.add(e.getReturnType());
    types.addAll(e.getThrownTypes());
    return types;
  }

  /** The types of a handler's signature that generated code writes out, by the handler's kind. */
  private static List<TypeMirror> namedByGeneratedCode(HandlerKind kind, ExecutableElement m) {
    return switch (kind) {
      case CALL, CAST -> signatureTypes(m);
      case INFO, CONTINUE -> m.getParameters().size() == 1 ? List.of(m.getParameters().get(0).asType()) : List.of();
      case INIT, TERMINATE -> List.of();
    };
  }

  private static List<HandlerAnnotation> handlerAnnotations(ExecutableElement m) {
    List<HandlerAnnotation> found = new ArrayList<>();
    for (AnnotationMirror mirror : m.getAnnotationMirrors()) {
      String name = qualifiedName(mirror);
      for (HandlerKind kind : HandlerKind.values()) {
        if (kind.annotationName().equals(name)) {
          found.add(handlerAnnotation(kind, mirror));
        }
      }
    }
    return found;
  }

  static HandlerAnnotation handlerAnnotation(HandlerKind kind, AnnotationMirror mirror) {
    return new HandlerAnnotation(kind, mirror, valueNamed(mirror.getElementValues(), "atom"));
  }

  private ClientOptions options(AnnotationMirror annotation, List<String> simpleNames) {
    Map<? extends ExecutableElement, ? extends AnnotationValue> written = annotation.getElementValues();
    Map<? extends ExecutableElement, ? extends AnnotationValue> all = elements.getElementValuesWithDefaults(annotation);
    Optional<AnnotationValue> clientNameValue = valueNamed(written, "clientName");
    String clientName = valueNamed(all, "clientName").map(v -> String.valueOf(v.getValue())).orElse("");
    if (clientName.isEmpty()) {
      clientName = ClientOptions.defaultClientName(simpleNames);
      clientNameValue = Optional.empty();
    }
    long timeout = timeoutMillis(all);
    boolean trapExits = valueNamed(all, "trapExits").map(v -> Boolean.TRUE.equals(v.getValue())).orElse(false);
    boolean remote = valueNamed(all, "remote").map(v -> Boolean.TRUE.equals(v.getValue())).orElse(false);
    return new ClientOptions(clientName, clientNameValue, timeout, valueNamed(written, "defaultCallTimeoutMillis"),
        trapExits, remote);
  }

  private static long timeoutMillis(Map<? extends ExecutableElement, ? extends AnnotationValue> all) {
    return valueNamed(all, "defaultCallTimeoutMillis")
        .map(AnnotationValue::getValue)
        .filter(Number.class::isInstance)
        .map(v -> ((Number) v).longValue())
        .orElse(5_000L);
  }

  private static Optional<AnnotationValue> valueNamed(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
    return values.entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals(name))
        .map(e -> (AnnotationValue) e.getValue())
        .findFirst();
  }

  private static ServerKind kindOf(TypeElement type) {
    return switch (type.getKind()) {
      case RECORD -> ServerKind.RECORD;
      case INTERFACE -> type.getModifiers().contains(Modifier.SEALED) ? ServerKind.SEALED_INTERFACE
          : ServerKind.INTERFACE;
      case ENUM -> ServerKind.ENUM;
      case ANNOTATION_TYPE -> ServerKind.ANNOTATION;
      default -> ServerKind.CLASS;
    };
  }

  private static List<String> simpleNames(TypeElement type) {
    List<String> names = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      names.add(0, t.getSimpleName().toString());
    }
    return names;
  }

  private static Optional<String> hiddenBy(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(t.getSimpleName().toString());
      }
    }
    return Optional.empty();
  }

  /** A class that needs an instance of its enclosing class: it cannot be created from a client. */
  private static boolean isInner(TypeElement type) {
    return type.getKind() == ElementKind.CLASS
        && type.getNestingKind() != NestingKind.TOP_LEVEL
        && !type.getModifiers().contains(Modifier.STATIC)
        && !type.getEnclosingElement().getKind().isInterface();
  }

  private static boolean visibleEverywhere(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  static Optional<AnnotationMirror> annotation(Element element, String qualifiedName) {
    return element.getAnnotationMirrors().stream()
        .filter(m -> qualifiedName(m).equals(qualifiedName))
        .map(m -> (AnnotationMirror) m)
        .findFirst();
  }

  private static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  public boolean isGenServer(TypeElement type) {
    return annotation(type, RuntimeNames.GEN_SERVER).isPresent();
  }

  public boolean isRemoteServer(TypeElement type) {
    return annotation(type, RuntimeNames.REMOTE_SERVER).isPresent();
  }

  /** Whether {@code element} is a type annotated {@code @GenServer} or {@code @RemoteServer}. */
  static boolean isServer(Element element) {
    return element instanceof TypeElement && (annotation(element, RuntimeNames.GEN_SERVER).isPresent()
        || annotation(element, RuntimeNames.REMOTE_SERVER).isPresent());
  }
}
