package dev.arbor.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.TypeMirror;

/**
 * A method with at least one handler annotation, in the order the source declares it.
 *
 * @param annotations every handler annotation on the method, in source order; a valid handler has
 *     exactly one
 * @param relayedThrownTypes the thrown types the generated client method declares: all but {@code
 *     InterruptedException} and its subclasses, which the server loop takes as its own exit (the
 *     caller then sees an {@code ExitException}), so a caller could never catch them
 * @param javadoc the method's doc comment without comment markers, or empty
 * @param inaccessibleTypes types in the signature that the generated client, in the server's
 *     package, could not name
 * @param match for a method that takes one parameter, how a message would be matched against it
 * @param overloadTakingInterfaces whether another request handler has the same name and this one
 *     takes an interface, the case javac's overloads lint may flag as ambiguous for lambdas
 */
public record HandlerModel(
    ExecutableElement element,
    String name,
    List<HandlerAnnotation> annotations,
    boolean isPrivate,
    boolean isStatic,
    List<TypeParameterElement> typeParameters,
    List<ParameterModel> parameters,
    TypeMirror returnType,
    boolean returnsVoid,
    List<TypeMirror> thrownTypes,
    List<TypeMirror> relayedThrownTypes,
    boolean varargs,
    boolean safeVarargs,
    String javadoc,
    Deprecation deprecation,
    List<String> inaccessibleTypes,
    Optional<MessageMatch> match,
    boolean overloadTakingInterfaces) {

  public HandlerModel {
    annotations = List.copyOf(annotations);
    typeParameters = List.copyOf(typeParameters);
    parameters = List.copyOf(parameters);
    thrownTypes = List.copyOf(thrownTypes);
    relayedThrownTypes = List.copyOf(relayedThrownTypes);
    inaccessibleTypes = List.copyOf(inaccessibleTypes);
  }

  /** The first handler annotation's kind; the only one for a valid handler. */
  public HandlerKind kind() {
    return annotations.get(0).kind();
  }

  public HandlerAnnotation annotation() {
    return annotations.get(0);
  }

  /** The parameters the client method takes: all but a Reply. */
  public List<ParameterModel> clientParameters() {
    return parameters.stream().filter(p -> !p.isReply()).toList();
  }

  /** The Reply parameter of a deferred-reply {@code @Call}, if any. */
  public Optional<ParameterModel> replyParameter() {
    return parameters.stream().filter(ParameterModel::isReply).findFirst();
  }

  public HandlerModel withMatch(MessageMatch newMatch) {
    return new HandlerModel(element, name, annotations, isPrivate, isStatic, typeParameters, parameters,
        returnType, returnsVoid, thrownTypes, relayedThrownTypes, varargs, safeVarargs, javadoc, deprecation, inaccessibleTypes,
        Optional.of(newMatch), overloadTakingInterfaces);
  }

  public HandlerModel withOverloadTakingInterfaces(boolean value) {
    return new HandlerModel(element, name, annotations, isPrivate, isStatic, typeParameters, parameters,
        returnType, returnsVoid, thrownTypes, relayedThrownTypes, varargs, safeVarargs, javadoc, deprecation, inaccessibleTypes,
        match, value);
  }

  /** How messages name the method: {@code get(int)}. */
  public String signature() {
    return Signatures.of(name, parameters);
  }
}
