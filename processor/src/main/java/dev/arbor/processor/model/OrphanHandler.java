package dev.arbor.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * A handler annotation on a method whose type is not a {@code @GenServer} class: nothing would ever
 * dispatch to it.
 *
 * @param enclosing the type (or other element) that declares the method
 */
public record OrphanHandler(ExecutableElement method, HandlerAnnotation annotation, Element enclosing) {}
