package dev.arbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime never uses Java monitors: no {@code synchronized} method or block and no {@code
 * Object.wait/notify}. On JDK 21 a virtual thread blocked inside a monitor pins its carrier, and a
 * million processes share a handful of carriers. Scans the compiled classes with {@code javap}.
 */
class NoMonitorLocksTest {
  private static final Pattern DECLARATION = Pattern.compile("^  \\S.*;$");
  private static final Pattern SYNCHRONIZED_METHOD = Pattern.compile("\\bsynchronized\\b");
  private static final Pattern MONITOR_CALL =
      Pattern.compile("Method (\\S+\\.)?(wait|notify|notifyAll):\\((|J|JI)\\)V");

  @Test
  void runtimeClassesUseNoSynchronizedNorObjectWait() throws Exception {
    Path classes = classesDirectoryOf(Proc.class);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    assertTrue(files.size() > 20, "found only " + files.size() + " classes under " + classes);
    List<String> offences = scan(files);
    assertEquals(List.of(), offences, "the runtime uses Java monitors; use VarHandles or java.util.concurrent locks");
  }

  /** The scan itself finds each kind of offence, so that an empty result above means something. */
  @Test
  void theScanFindsSynchronizedMethodsBlocksAndWaits() throws Exception {
    Path fixture = classesDirectoryOf(Offender.class)
        .resolve(Offender.class.getName().replace('.', '/') + ".class");
    List<String> offences = scan(List.of(fixture));
    assertEquals(3, offences.size(), offences.toString());
    assertTrue(offences.get(0).contains("synchronized method") && offences.get(0).contains("lockedMethod"),
        offences.toString());
    assertTrue(offences.stream().anyMatch(o -> o.contains("monitorenter") && o.contains("lockedBlock")),
        offences.toString());
    assertTrue(offences.stream().anyMatch(o -> o.contains("Object.wait") && o.contains("waits")),
        offences.toString());
  }

  @SuppressWarnings("unused")
  static final class Offender {
    synchronized void lockedMethod() {}

    void lockedBlock() {
      synchronized (this) {
        hashCode();
      }
    }

    void waits() throws InterruptedException {
      wait(1);
    }
  }

  private static Path classesDirectoryOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** One line per offence: {@code class, method: what}. */
  private static List<String> scan(List<Path> classFiles) throws IOException {
    ToolProvider javap = ToolProvider.findFirst("javap")
        .orElseThrow(() -> new AssertionError("javap is not available on this JDK"));
    List<String> args = new ArrayList<>(List.of("-c", "-p"));
    classFiles.forEach(f -> args.add(f.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = javap.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    assertEquals(0, status, () -> "javap failed: " + err + out);
    List<String> offences = new ArrayList<>();
    String currentClass = "?";
    String currentMember = "?";
    for (String line : out.toString().split("\\R")) {
      if (line.startsWith("Compiled from")) {
        continue;
      }
      if (!line.startsWith(" ") && line.endsWith("{")) {
        currentClass = line;
        currentMember = "?";
      } else if (DECLARATION.matcher(line).matches()) {
        currentMember = line.trim();
        if (SYNCHRONIZED_METHOD.matcher(line).find() && line.contains("(")) {
          offences.add(currentClass + ", " + currentMember + ": synchronized method");
        }
      } else if (line.contains(": monitorenter")) {
        offences.add(currentClass + ", " + currentMember + ": monitorenter (synchronized block)");
      } else if (MONITOR_CALL.matcher(line).find()) {
        String called = line.substring(line.indexOf("Method ") + "Method ".length()).replace('/', '.');
        offences.add(currentClass + ", " + currentMember + ": calls " + called);
      }
    }
    return offences;
  }
}
