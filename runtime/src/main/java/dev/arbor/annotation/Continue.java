package dev.arbor.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OTP's {@code handle_continue}: a method with one parameter that {@code Server.continueWith(value)}
 * runs right after the current handler (or after {@code start} has returned, when called from
 * {@link Init @Init}), before any other message. Chosen by the value's type, as {@link Info @Info} is.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Continue {}
