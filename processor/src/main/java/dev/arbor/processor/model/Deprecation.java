package dev.arbor.processor.model;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;

/**
 * Whether an element is deprecated, and the {@code @Deprecated} annotation to carry over to the
 * client method that mirrors it (empty when only the javadoc tag says so).
 */
public record Deprecation(boolean deprecated, boolean forRemoval, Optional<AnnotationMirror> annotation) {
  public static final Deprecation NONE = new Deprecation(false, false, Optional.empty());
}
