package dev.arbor.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeParameterElement;

/**
 * A constructor of the server class; each non-private one becomes a family of {@code start},
 * {@code startLink} and {@code childSpec} methods on the client.
 *
 * @param implicit whether javac supplied it (the default constructor, a record's canonical one),
 *     so that it is exactly as accessible as the class
 */
public record ConstructorModel(
    ExecutableElement element,
    boolean isPrivate,
    boolean implicit,
    List<TypeParameterElement> typeParameters,
    List<ParameterModel> parameters,
    boolean varargs,
    boolean safeVarargs,
    String javadoc,
    Deprecation deprecation,
    List<String> inaccessibleTypes) {

  public ConstructorModel {
    typeParameters = List.copyOf(typeParameters);
    parameters = List.copyOf(parameters);
    inaccessibleTypes = List.copyOf(inaccessibleTypes);
  }
}
