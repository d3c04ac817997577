package dev.arbor.processor.read;

import dev.arbor.processor.model.Deprecation;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads {@code @Deprecated} (and the javadoc tag javac also honours) from elements. */
final class Deprecations {
  private final Elements elements;

  Deprecations(Elements elements) {
    this.elements = elements;
  }

  Deprecation of(Element element) {
    Optional<AnnotationMirror> annotation = element.getAnnotationMirrors().stream()
        .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
            .contentEquals("java.lang.Deprecated"))
        .map(m -> (AnnotationMirror) m)
        .findFirst();
    boolean forRemoval = annotation
        .flatMap(m -> elements.getElementValuesWithDefaults(m).entrySet().stream()
            .filter(e -> e.getKey().getSimpleName().contentEquals("forRemoval"))
            .map(e -> Boolean.TRUE.equals(e.getValue().getValue()))
            .findFirst())
        .orElse(false);
    boolean deprecated = annotation.isPresent() || elements.isDeprecated(element);
    return deprecated ? new Deprecation(true, forRemoval, annotation) : Deprecation.NONE;
  }
}
