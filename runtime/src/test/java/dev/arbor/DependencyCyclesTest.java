package dev.arbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Class-level dependency cycles the runtime got rid of must not come back. Dependencies are read
 * from the compiled classes' constant pools (what the JVM links, so javadoc links do not count), a
 * nested class counting as its outer class; two classes are in a cycle when each reaches the other.
 */
class DependencyCyclesTest {
  private static final Pattern TYPE = Pattern.compile("L(dev/arbor/[\\w/$]+);");
  private static Map<String, Set<String>> graph;

  @BeforeAll
  static void readClasses() throws IOException, URISyntaxException {
    Path root = Path.of(Pid.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    graph = new HashMap<>();
    try (Stream<Path> files = Files.walk(root.resolve("dev/arbor"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = outer(root.relativize(f).toString().replace('\\', '/').replace(".class", ""));
        try (InputStream in = Files.newInputStream(f)) {
          graph.computeIfAbsent(name, k -> new HashSet<>()).addAll(references(in));
        }
      }
    }
    graph.forEach((k, v) -> v.remove(k));
  }

  private static String outer(String internalName) {
    int dollar = internalName.indexOf('$');
    return (dollar < 0 ? internalName : internalName.substring(0, dollar)).replace('/', '.');
  }

  /** The dev.arbor classes a class file names: class entries and the types in its descriptors. */
  private static Set<String> references(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    in.readInt(); // magic
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    Set<String> found = new HashSet<>();
    String[] utf8 = new String[count];
    List<Integer> classEntries = new java.util.ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classEntries.add(in.readUnsignedShort());
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // takes two slots
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    for (int index : classEntries) {
      String n = utf8[index];
      if (n != null && n.startsWith("dev/arbor/")) {
        found.add(outer(n));
      }
    }
    for (String s : utf8) {
      if (s != null) {
        Matcher m = TYPE.matcher(s);
        while (m.find()) {
          found.add(outer(m.group(1)));
        }
      }
    }
    return found;
  }

  private static Set<String> reachable(String from) {
    Set<String> seen = new TreeSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>(graph.getOrDefault(from, Set.of()));
    while (!todo.isEmpty()) {
      String c = todo.poll();
      if (seen.add(c)) {
        todo.addAll(graph.getOrDefault(c, Set.of()));
      }
    }
    return seen;
  }

  private static void noCycle(Class<?> a, Class<?> b) {
    boolean ab = reachable(a.getName()).contains(b.getName());
    boolean ba = reachable(b.getName()).contains(a.getName());
    assertFalse(ab && ba, a.getSimpleName() + " and " + b.getSimpleName() + " depend on each other");
  }

  @Test
  void pidDependsOnNoClassThatDependsOnIt() {
    Set<String> cycle = new TreeSet<>();
    for (String c : reachable(Pid.class.getName())) {
      if (reachable(c).contains(Pid.class.getName())) {
        cycle.add(c);
      }
    }
    assertEquals(Set.of(), cycle, "classes Pid reaches that reach Pid back");
  }

  @Test
  void arborAndSupervisorAreNotInACycle() {
    noCycle(Arbor.class, dev.arbor.supervisor.Supervisor.class);
  }

  @Test
  void nameAndPartitionSupervisorAreNotInACycle() {
    noCycle(Name.class, dev.arbor.supervisor.PartitionSupervisor.class);
  }
}
