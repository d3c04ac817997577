package dev.arbor.processor;

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
