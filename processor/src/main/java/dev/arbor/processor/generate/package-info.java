/**
 * Writes the client of a valid {@link dev.arbor.processor.model.ServerModel}: one file, {@code
 * <Name>Client.java}, holding the typed client methods, a private sealed {@code Message} type with
 * one record per {@code @Call} and {@code @Cast} handler, and the {@code Dispatch} switchboard the
 * runtime calls. {@link dev.arbor.processor.generate.ClientLayout} makes every naming decision up
 * front; the other classes each emit one part of the file from it.
 */
package dev.arbor.processor.generate;
