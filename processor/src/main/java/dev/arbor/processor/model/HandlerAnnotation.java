package dev.arbor.processor.model;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * One handler annotation on a method, kept so that errors can point at the annotation itself.
 *
 * @param atom its {@code atom = "..."} as written, if written (only {@code @Call} and {@code @Cast} have one)
 */
public record HandlerAnnotation(HandlerKind kind, AnnotationMirror mirror, Optional<AnnotationValue> atom) {}
