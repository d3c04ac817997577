package dev.arbor.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.arbor.processor.CompiledClasses;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.arbor.Proc;
import dev.arbor.processor.ArborProcessor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the processor with random {@code @GenServer} classes from a seeded generator, batched into
 * two compilations. Valid servers (random handler kinds, arities, parameter types, overloads,
 * varargs) must compile with their generated clients under {@code -Xlint:all,-processing -Werror}
 * and, when run, dispatch every handler to the right method with the right arguments. Invalid ones
 * carry one to three defects each and must get exactly the errors their rules call for, with their
 * tags, on the offending lines. The processor never throws ({@code [ArborInternalError]} never appears).
 *
 * <p>{@code -Darbor.fuzz.count=N} (default 150 of each) and {@code -Darbor.fuzz.seed=S} run other
 * or longer forms.
 */
class ProcessorFuzzTest {
  private static final long SEED = Long.getLong("arbor.fuzz.seed", 20261125L);
  private static final int COUNT = Integer.getInteger("arbor.fuzz.count", 150);

  @AfterEach
  void release() {
    Proc.release();
  }

  private static Compiler javac() {
    return Compiler.javac().withProcessors(new ArborProcessor()).withOptions("-Xlint:all,-processing", "-Werror", "-Xmaxerrs", "100000", "-Xmaxwarns", "100000");
  }

  // ------------------------------------------------------------------ generation

  /** A parameter type, how to write a sample argument, and how the server folds it into an int. */
  private record Type(String name, String sample, String fold, int foldedSample) {}

  private static final List<Type> TYPES = List.of(
      new Type("int", "7", "%s", 7),
      new Type("long", "11L", "(int) %s", 11),
      new Type("String", "\"abc\"", "%s.length()", 3),
      new Type("boolean", "true", "(%s ? 1 : 0)", 1),
      new Type("java.util.List<String>", "java.util.List.of(\"x\", \"y\")", "%s.size()", 2),
      new Type("Integer", "Integer.valueOf(5)", "%s", 5));

  /** One generated handler: kind, name, parameter types, and its expected result when run. */
  private record Handler(String kind, String name, List<Type> params, boolean varargs, int id) {
    String signature() {
      List<String> ps = new ArrayList<>();
      for (int i = 0; i < params.size(); i++) {
        boolean last = i == params.size() - 1;
        ps.add((varargs && last ? "int..." : params.get(i).name()) + " a" + i);
      }
      return String.join(", ", ps);
    }

    String args() {
      List<String> as = new ArrayList<>();
      for (int i = 0; i < params.size(); i++) {
        boolean last = i == params.size() - 1;
        as.add(varargs && last ? "1, 2, 3" : params.get(i).sample());
      }
      return String.join(", ", as);
    }

    String fold() {
      StringBuilder sb = new StringBuilder(Integer.toString(id * 1000));
      for (int i = 0; i < params.size(); i++) {
        boolean last = i == params.size() - 1;
        sb.append(" + ").append(varargs && last ? "a" + i + ".length" : String.format(Locale.ROOT, params.get(i).fold(), "a" + i));
      }
      return sb.toString();
    }

    int expected() {
      int sum = id * 1000;
      for (int i = 0; i < params.size(); i++) {
        boolean last = i == params.size() - 1;
        sum += varargs && last ? 3 : params.get(i).foldedSample();
      }
      return sum;
    }
  }

  private static List<Handler> handlers(Random random) {
    List<Handler> hs = new ArrayList<>();
    int n = 1 + random.nextInt(6);
    for (int j = 0; j < n; j++) {
      String kind = random.nextInt(3) == 0 ? "Cast" : "Call";
      List<Type> params = new ArrayList<>();
      int arity = random.nextInt(4);
      for (int k = 0; k < arity; k++) {
        params.add(TYPES.get(random.nextInt(TYPES.size())));
      }
      boolean varargs = arity > 0 && random.nextInt(5) == 0;
      hs.add(new Handler(kind, "op" + j, params, varargs, j + 1));
      if (random.nextInt(5) == 0) {
        // An overload: same name, one more String parameter at the front.
        List<Type> more = new ArrayList<>(params);
        more.add(0, TYPES.get(2));
        hs.add(new Handler(kind, "op" + j, more, varargs, 100 + j));
      }
    }
    return hs;
  }

  private static String server(String pkg, String name, List<Handler> hs, String extraMembers, String classModifiers) {
    StringBuilder b = new StringBuilder();
    b.append("package ").append(pkg).append(";\n\n")
        .append("import dev.arbor.annotation.*;\nimport dev.arbor.server.Reply;\nimport java.util.List;\n\n")
        .append("@GenServer\npublic ").append(classModifiers).append("class ").append(name).append(" {\n")
        .append("  private int casts;\n\n")
        .append("  public ").append(name).append("(int start) {\n    this.casts = start;\n  }\n\n");
    for (Handler h : hs) {
      if (h.kind().equals("Call")) {
        b.append("  @Call\n  public int ").append(h.name()).append("(").append(h.signature()).append(") {\n")
            .append("    return ").append(h.fold()).append(";\n  }\n\n");
      } else {
        b.append("  @Cast\n  public void ").append(h.name()).append("(").append(h.signature()).append(") {\n")
            .append("    casts += ").append(h.fold()).append(";\n  }\n\n");
      }
    }
    b.append("  @Call\n  public int castTotal() {\n    return casts;\n  }\n");
    b.append(extraMembers);
    b.append("}\n");
    return b.toString();
  }

  private static String scenario(String pkg, String server, List<Handler> hs) {
    StringBuilder b = new StringBuilder();
    b.append("package ").append(pkg).append(";\n\n")
        .append("import java.util.LinkedHashMap;\nimport java.util.Map;\nimport java.util.concurrent.Callable;\n\n")
        .append("public final class Run implements Callable<Map<String, Object>> {\n")
        .append("  @Override\n  public Map<String, Object> call() {\n")
        .append("    Map<String, Object> seen = new LinkedHashMap<>();\n")
        .append("    ").append(server).append("Client c = ").append(server).append("Client.start(0);\n")
        .append("    try {\n");
    int i = 0;
    for (Handler h : hs) {
      if (h.kind().equals("Call")) {
        b.append("      seen.put(\"").append(h.name()).append("#").append(i).append("\", c.").append(h.name())
            .append("(").append(h.args()).append("));\n");
      } else {
        b.append("      c.").append(h.name()).append("(").append(h.args()).append(");\n");
      }
      i++;
    }
    b.append("      seen.put(\"castTotal\", c.castTotal());\n")
        .append("    } finally {\n      c.stop();\n    }\n    return seen;\n  }\n}\n");
    return b.toString();
  }

  private static Map<String, Object> expected(List<Handler> hs) {
    Map<String, Object> m = new LinkedHashMap<>();
    int casts = 0;
    int i = 0;
    for (Handler h : hs) {
      if (h.kind().equals("Call")) {
        m.put(h.name() + "#" + i, h.expected());
      } else {
        casts += h.expected();
      }
      i++;
    }
    m.put("castTotal", casts);
    return m;
  }

  // ------------------------------------------------------------------ valid servers

  @Test
  @SuppressWarnings("unchecked")
  void validServersCompileCleanlyAndDispatchEveryHandler() throws Exception {
    Random random = new Random(SEED);
    List<JavaFileObject> sources = new ArrayList<>();
    Map<String, Map<String, Object>> expectations = new LinkedHashMap<>();
    int handlerCount = 0;
    for (int n = 0; n < COUNT; n++) {
      String pkg = "fuzz.valid" + n;
      String name = "Server" + n;
      List<Handler> hs = handlers(random);
      handlerCount += hs.size();
      sources.add(JavaFileObjects.forSourceString(pkg + "." + name, server(pkg, name, hs, "", random.nextBoolean() ? "final " : "")));
      sources.add(JavaFileObjects.forSourceString(pkg + ".Run", scenario(pkg, name, hs)));
      expectations.put(pkg, expected(hs));
    }
    Compilation compilation = javac().compile(sources);
    assertTrue(compilation.status() == Compilation.Status.SUCCESS && compilation.diagnostics().stream()
            .noneMatch(d -> d.getKind() != Diagnostic.Kind.NOTE),
        () -> "seed " + SEED + ": " + compilation.diagnostics());
    CompiledClasses loader = new CompiledClasses(compilation);
    for (var e : expectations.entrySet()) {
      Callable<Map<String, Object>> run =
          (Callable<Map<String, Object>>) loader.loadClass(e.getKey() + ".Run").getConstructor().newInstance();
      assertEquals(e.getValue(), run.call(), "seed " + SEED + ", " + e.getKey());
    }
    System.out.printf(Locale.ROOT, "fuzz (seed %d): %d valid servers with %d handlers compiled under -Xlint:all -Werror; "
        + "every handler dispatched%n", SEED, COUNT, handlerCount);
  }

  // ------------------------------------------------------------------ invalid servers

  /** One defect: the member (or class modifier) that carries it, its tag, and a text on its line. */
  private record Defect(String tag, String member, String classModifiers, String lineMarker) {}

  private static final List<Defect> DEFECTS = List.of(
      new Defect("ArborPrivateHandler", "  @Call\n  private int badPrivate() {\n    return 0;\n  }\n", "", "int badPrivate()"),
      new Defect("ArborStaticHandler", "  @Cast\n  static void badStatic() {}\n", "", "void badStatic()"),
      new Defect("ArborCastReturn", "  @Cast\n  public int badCast() {\n    return 1;\n  }\n", "", "int badCast()"),
      new Defect("ArborReplyParameter", "  @Call\n  public void badReply(Reply<String> reply, String key) {}\n", "",
          "void badReply("),
      new Defect("ArborReplyReturn", "  @Call\n  public int badReplyReturn(Reply<String> reply) {\n    return 0;\n  }\n", "",
          "int badReplyReturn("),
      new Defect("ArborInfoParameter", "  @Info\n  public void badInfo() {}\n", "", "void badInfo()"),
      new Defect("ArborInfoType", "  @Info\n  public void badInfoType(List<String> names) {}\n", "", "void badInfoType("),
      new Defect("ArborInitParameters", "  @Init\n  public void badInit(int x) {}\n", "", "void badInit("),
      new Defect("ArborReservedName", "  @Call\n  public int stop() {\n    return 0;\n  }\n", "", "int stop()"),
      new Defect("ArborHandlerAnnotations", "  @Call @Cast\n  public void badTwice() {}\n", "", "void badTwice()"),
      new Defect("ArborAbstractServer", "", "abstract ", "class "),
      new Defect("ArborContinueParameter", "  @Continue\n  public void badContinue(String a, String b) {}\n", "",
          "void badContinue("),
      new Defect("ArborDuplicateInfo", "  @Info\n  public void dupInfoA(int value) {}\n\n  @Info\n  public void dupInfoB(Integer value) {}\n",
          "", "dupInfo"),
      new Defect("ArborTerminateParameters", "  @Terminate\n  public void badTerminate(int code) {}\n", "",
          "void badTerminate("),
      new Defect("ArborObjectMethod", "  @Call\n  public String toString() {\n    return \"\";\n  }\n", "",
          "String toString()"),
      new Defect("ArborMethodClash", "  @Call\n  public int clashA() {\n    return 0;\n  }\n\n"
          + "  @Call\n  public int clashAAsync() {\n    return 0;\n  }\n", "", "clashA"));

  @Test
  void invalidServersGetExactlyTheDiagnosticTheirDefectCallsFor() throws IOException {
    Random random = new Random(SEED + 1);
    List<JavaFileObject> sources = new ArrayList<>();
    Map<String, List<Defect>> defects = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    for (int n = 0; n < COUNT; n++) {
      String pkg = "fuzz.invalid" + n;
      String name = "Server" + n;
      // One defect, or now and then two or three distinct member defects together; a class-level
      // defect always comes alone.
      List<Defect> chosen = new ArrayList<>();
      chosen.add(DEFECTS.get(random.nextInt(DEFECTS.size())));
      int more = chosen.get(0).classModifiers().isEmpty() && random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
      while (more > 0) {
        Defect d = DEFECTS.get(random.nextInt(DEFECTS.size()));
        if (d.classModifiers().isEmpty() && !chosen.contains(d)) {
          chosen.add(d);
          more--;
        }
      }
      String members = chosen.stream().map(Defect::member).reduce("", (a, b) -> a + "\n" + b);
      String text = server(pkg, name, handlers(random), members, chosen.get(0).classModifiers());
      JavaFileObject file = JavaFileObjects.forSourceString(pkg + "." + name, text);
      sources.add(file);
      defects.put(file.toUri().toString(), chosen);
      texts.put(file.toUri().toString(), text);
    }
    Compilation compilation = javac().compile(sources);
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    Map<String, List<Diagnostic<? extends JavaFileObject>>> byFile = new HashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      assertTrue(!message.contains("ArborInternalError"), "seed " + SEED + ": the processor failed: " + message);
      if (d.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      assertTrue(d.getSource() != null, () -> "a diagnostic without a source: " + message);
      byFile.computeIfAbsent(d.getSource().toUri().toString(), k -> new ArrayList<>()).add(d);
    }
    for (var e : defects.entrySet()) {
      List<Defect> expected = e.getValue();
      List<Diagnostic<? extends JavaFileObject>> got = byFile.getOrDefault(e.getKey(), List.of());
      String pkg = e.getKey().replaceAll(".*/(invalid[0-9]+)/.*", "$1");
      String what = "seed " + (SEED + 1) + ", " + e.getKey() + " (" + expected.stream().map(Defect::tag).toList() + "): "
          + got + "; all about it: "
          + compilation.diagnostics().stream().filter(x -> x.toString().contains(pkg + "/") || x.toString().contains(pkg + ".")).toList();
      assertEquals(expected.size(), got.size(), what);
      List<Defect> unmatched = new ArrayList<>(expected);
      for (Diagnostic<? extends JavaFileObject> d : got) {
        assertEquals(Diagnostic.Kind.ERROR, d.getKind(), what);
        String line = texts.get(e.getKey()).lines().skip(d.getLineNumber() - 1).findFirst().orElse("");
        Defect match = unmatched.stream()
            .filter(x -> d.getMessage(Locale.ROOT).contains("[" + x.tag() + "]") && line.contains(x.lineMarker()))
            .findFirst()
            .orElseThrow(() -> new AssertionError(what + ": unexpected " + d.getMessage(Locale.ROOT) + " on line: " + line));
        unmatched.remove(match);
      }
    }
    assertEquals(defects.keySet(), byFile.keySet(), "diagnostics in files without a defect");
    System.out.printf(Locale.ROOT, "fuzz (seed %d): %d invalid servers with %d defects; each got exactly its error "
        + "on its line, and the processor never failed%n", SEED + 1, COUNT, defects.values().stream().mapToInt(List::size).sum());
  }
}
