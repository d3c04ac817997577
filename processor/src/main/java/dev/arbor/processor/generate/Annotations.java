package dev.arbor.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.MethodSpec;
import dev.arbor.processor.model.Deprecation;

/** Annotations carried over from the user's code. */
final class Annotations {
  private Annotations() {}

  /**
   * {@code @Deprecated} as the source wrote it ({@code since}, {@code forRemoval} included), or a
   * plain one when only the javadoc tag marked the element: the copied javadoc carries that tag,
   * and javac's dep-ann lint wants the annotation next to it.
   */
  static void deprecation(MethodSpec.Builder method, Deprecation deprecation) {
    if (deprecation.deprecated()) {
      method.addAnnotation(deprecation.annotation().map(AnnotationSpec::get)
          .orElseGet(() -> AnnotationSpec.builder(RuntimeTypes.DEPRECATED).build()));
    }
  }
}
