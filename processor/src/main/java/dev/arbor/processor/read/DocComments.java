package dev.arbor.processor.read;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/** Reads doc comments as text a generator can copy into another comment. */
final class DocComments {
  private DocComments() {}

  /**
   * The element's doc comment, or "" when it has none. javac hands back each line with the single
   * space that followed the {@code *}; that space is dropped so the generator can re-indent.
   */
  static String of(Elements elements, Element element) {
    String raw = elements.getDocComment(element);
    if (raw == null) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    for (String line : raw.split("\r?\n", -1)) {
      String trimmed = line.startsWith(" ") ? line.substring(1) : line;
      lines.add(trimmed.stripTrailing());
    }
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("\n", lines);
  }
}
