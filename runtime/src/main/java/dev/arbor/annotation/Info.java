package dev.arbor.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles any other message (OTP's {@code handle_info}) whose type is assignable to the method's one
 * parameter, which must be reifiable. The most specific matching type wins; among unrelated matching
 * types, the handler declared first. A message no handler takes is logged and dropped.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Info {}
