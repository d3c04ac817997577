package dev.arbor.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a field of a {@link GenServer} class out of crash reports and {@code Server.getStatus}: the
 * state's description shows it as {@code <redacted>} and never reads it. For a password, a token,
 * a card number.
 *
 * <pre>{@code
 * @GenServer
 * public final class Payments {
 *   private int charges;
 *   @Redacted private final String apiKey;
 *   ...
 * }
 * }</pre>
 *
 * <p>A state that implements {@code dev.arbor.server.FormatStatus} decides for itself what reports
 * show, and this annotation then has no effect there.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Redacted {}
