/**
 * Immutable records describing one {@code @GenServer} class as the reader found it: the class, its
 * constructors, its handlers and their parameters. Validators check these records and generators
 * turn a clean one into code; neither walks {@code javax.lang.model} itself. The records keep the
 * elements they came from so that every error points at the code that caused it.
 */
package dev.arbor.processor.model;
