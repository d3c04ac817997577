package dev.arbor.processor.model;

import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One instance field of a server class, as its state's description in reports shows it.
 *
 * @param element the field
 * @param type its declared type
 * @param redacted whether it carries {@code @Redacted}: shown as {@code <redacted>}, never read
 */
public record StateField(VariableElement element, TypeMirror type, boolean redacted) {
  public String name() {
    return element.getSimpleName().toString();
  }
}
