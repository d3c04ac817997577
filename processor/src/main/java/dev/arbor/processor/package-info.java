/**
 * The entry point javac finds ({@link dev.arbor.processor.ArborProcessor}) and the round logic:
 * which {@code @GenServer} types to look at in each round, which to put off until the types they
 * mention exist, and the guard that turns any unexpected failure into an error on one class instead
 * of a crashed compiler. Each server then goes through the passes in the sibling packages: {@code
 * read}, {@code validate}, {@code generate}.
 */
package dev.arbor.processor;
