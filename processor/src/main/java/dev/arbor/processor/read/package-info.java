/**
 * Turns a {@code @GenServer} {@link javax.lang.model.element.TypeElement} into a {@link
 * dev.arbor.processor.model.ServerModel}. This is the only package that walks {@code
 * javax.lang.model}: everything later passes need to know about types (erasures, reifiability,
 * accessibility, subtyping between handler parameters) is worked out here, once, and stored in the
 * model. Reading never fails on bad input; it records what it finds and leaves judging it to the
 * validators.
 */
package dev.arbor.processor.read;
