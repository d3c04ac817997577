package dev.arbor.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the annotated class (or the annotated test) with {@link ArborExtension}: the test
 * thread gets its own process identity for the test, {@link Testkit#startSupervised} children are
 * stopped newest first when it ends, and the test fails if processes it started are still alive
 * {@link #leakTimeoutMillis()} after that.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(ArborExtension.class)
public @interface ArborTest {
  /** How long the leak check waits for exits still in flight before it fails the test. */
  long leakTimeoutMillis() default 1000;

  /** Whether to fail a test that leaves processes alive that it started. */
  boolean checkLeaks() default true;
}
