package dev.arbor.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Test sources in package {@code test}, with the imports a server usually needs. */
final class Sources {
  private Sources() {}

  private static final String HEADER = """
      package test;

      import dev.arbor.ExitReason;
      import dev.arbor.annotation.*;
      import dev.arbor.server.Reply;
      import dev.arbor.server.StartOptions;
      import java.io.IOException;
      import java.util.*;

      """;

  /** {@code test.<simpleName>} with the usual imports before {@code code}. */
  static JavaFileObject of(String simpleName, String code) {
    return JavaFileObjects.forSourceString("test." + simpleName, HEADER + code);
  }
}
