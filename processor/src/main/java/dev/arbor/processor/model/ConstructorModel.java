package dev.arbor.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeParameterElement;

/**
 * A constructor of the server class; each non-private one becomes a family of {@code start},
 * {@code startLink} and {@code childSpec} methods on the client.
 */
public record ConstructorModel(
    ExecutableElement element,
    boolean isPrivate,
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
