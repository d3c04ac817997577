package dev.arbor.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.Proc;
import dev.arbor.supervisor.ChildSpec;
import dev.arbor.supervisor.SupervisorSpec;
import dev.arbor.supervisor.SupervisorSpec.AutoShutdown;
import dev.arbor.task.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Application#run} ends the JVM as the tree ends. Each case runs a real {@code main} in a
 * child JVM (the test's own would end with it) and reads its exit status and log.
 */
class ApplicationTest {
  private static final long CHILD_JVM_SECONDS = 60;

  /** A tree whose only child crashes at each start: it gives up after {@code maxRestarts} restarts. */
  static SupervisorSpec flakyTree(int maxRestarts) {
    return SupervisorSpec.oneForOne()
        .maxRestarts(maxRestarts, Duration.ofSeconds(10))
        .child(ChildSpec.worker("flaky", () -> java.util.Optional.of(Proc.spawnLink(() -> {
          throw new IllegalStateException("cannot reach the database");
        }))));
  }

  /** A tree whose one significant task runs {@code job}: auto-shutdown then stops it cleanly. */
  static SupervisorSpec jobTree(Runnable job) {
    return SupervisorSpec.oneForOne()
        .autoShutdown(AutoShutdown.ANY_SIGNIFICANT)
        .child(Task.childSpec("job", job).withSignificant(true));
  }

  /** A main whose tree gives up after one restart. */
  public static final class GivesUp {
    public static void main(String[] args) {
      Application.run(flakyTree(1));
      System.out.println("unreachable: run returned");
    }
  }

  /** A main whose tree finishes its work. */
  public static final class FinishesItsWork {
    public static void main(String[] args) {
      Application.run(jobTree(() -> System.out.println("job done")));
      System.out.println("unreachable: run returned");
    }
  }

  private record Ended(int status, String out, String err) {}

  private static Ended runMain(Class<?> main, Path dir) throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName()))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    try {
      assertTrue(child.waitFor(CHILD_JVM_SECONDS, TimeUnit.SECONDS),
          main.getSimpleName() + " still running after " + CHILD_JVM_SECONDS + " s");
      return new Ended(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void permanentApplicationExitsNonZeroWhenTreeGivesUp(@TempDir Path dir) throws Exception {
    Ended ended = runMain(GivesUp.class, dir);
    assertEquals(Application.FAILED, ended.status(), ended.err());
    assertTrue(ended.err().contains("[arbor.application] supervisor "), ended.err());
    assertTrue(ended.err().contains("gave up: child flaky exceeded the restart intensity (more than 1 restart in PT10S);"
        + " exiting with status 1"), ended.err());
    assertTrue(!ended.out().contains("unreachable"), ended.out());
  }

  // In-process, through runUntilStopped, many times: a tree that ends within its start races the
  // subscription, and must be judged by why it ended all the same.

  @RepeatedTest(20)
  void treeThatGivesUpBeforeItIsWatchedIsAFailure() {
    try {
      assertEquals(Application.FAILED, Application.runUntilStopped(flakyTree(0)));
    } finally {
      Proc.release();
    }
  }

  @RepeatedTest(20)
  void treeWhoseWorkEndsAtOnceIsACleanStop() {
    try {
      assertEquals(Application.CLEAN, Application.runUntilStopped(jobTree(() -> {})));
    } finally {
      Proc.release();
    }
  }

  @Test
  void permanentApplicationExitsZeroAfterItsWorkIsDone(@TempDir Path dir) throws Exception {
    Ended ended = runMain(FinishesItsWork.class, dir);
    assertEquals(Application.CLEAN, ended.status(), ended.err());
    assertEquals("job done\n", ended.out());
  }
}
