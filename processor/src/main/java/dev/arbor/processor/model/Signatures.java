package dev.arbor.processor.model;

import java.util.List;
import java.util.stream.Collectors;

/** Renders methods as messages show them: {@code incrementBy(int)}. */
public final class Signatures {
  private Signatures() {}

  public static String of(String name, List<ParameterModel> parameters) {
    return parameters.stream()
        .map(p -> p.type().toString())
        .collect(Collectors.joining(", ", name + "(", ")"));
  }
}
