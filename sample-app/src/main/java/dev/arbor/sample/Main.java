package dev.arbor.sample;

/**
 * The sample app's entry point: runs the {@link Scenario} and prints it as it goes. The JVM exits on
 * its own afterwards, since the scenario stops every process it started and Arbor's processes run on
 * virtual threads, which do not keep the JVM alive.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Scenario.run(System.out::println);
  }
}
