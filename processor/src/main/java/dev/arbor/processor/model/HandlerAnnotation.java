package dev.arbor.processor.model;

import javax.lang.model.element.AnnotationMirror;

/** One handler annotation on a method, kept so that errors can point at the annotation itself. */
public record HandlerAnnotation(HandlerKind kind, AnnotationMirror mirror) {}
