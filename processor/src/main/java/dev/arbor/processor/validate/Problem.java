package dev.arbor.processor.validate;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** One compile error: the message, and where javac should show it. */
public record Problem(
    Element element, Optional<AnnotationMirror> annotation, Optional<AnnotationValue> value, String message) {

  public static Problem on(Element element, String message) {
    return new Problem(element, Optional.empty(), Optional.empty(), message);
  }
}
