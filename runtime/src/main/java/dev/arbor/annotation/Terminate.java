package dev.arbor.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OTP's {@code terminate/2}: a method with no parameter or one {@code ExitReason} parameter, run when
 * the server stops on request, crashes, or (when it traps exits) receives its parent's exit signal.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Terminate {}
