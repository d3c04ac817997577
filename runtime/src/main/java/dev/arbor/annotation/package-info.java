/**
 * The annotations a user puts on a plain class to make it a GenServer. The annotation processor
 * ({@code arbor-processor}) reads them at compile time and generates a typed client next to the
 * class; nothing reads them at run time, so they are retained in class files only.
 */
package dev.arbor.annotation;
