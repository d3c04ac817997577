package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;

/** Compiles test sources the way the contract demands: every lint on, warnings are errors. */
final class Compilations {
  private Compilations() {}

  static Compiler javac() {
    return Compiler.javac()
        .withProcessors(new ArborProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror");
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().compile(sources);
  }

  /**
   * Asserts that {@code source} fails to compile with exactly one error, one that contains {@code
   * message} (a rule's tag, or its words) and points at the line of {@code source} containing {@code
   * line}: the shape of every processor rule's test.
   */
  static void assertSingleError(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  /** A source file for the class {@code qualifiedName}. */
  static JavaFileObject source(String qualifiedName, String code) {
    return JavaFileObjects.forSourceString(qualifiedName, code);
  }

  /** The text of a generated source file. */
  static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
        .orElseThrow(() -> new AssertionError("no generated file " + qualifiedName + "; diagnostics: "
            + compilation.diagnostics()));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
