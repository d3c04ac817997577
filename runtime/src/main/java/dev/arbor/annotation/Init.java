package dev.arbor.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OTP's {@code init/1}: a no-argument method that runs in the server process after construction and
 * before {@code start} returns. Keep it short; defer slow work with {@code Server.continueWith}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Init {}
