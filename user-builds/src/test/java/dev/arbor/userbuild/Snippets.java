package dev.arbor.userbuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a Markdown page gives a user to copy: each code block right after a {@code <!-- file:
 * path -->} comment is the content of that file in the user's project.
 */
final class Snippets {
  private static final Pattern FILE_BLOCK =
      Pattern.compile("<!-- file: (\\S+) -->\\s*\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  private Snippets() {}

  /** Every {@code java} code block of the page, in order. */
  static List<String> javaBlocks(Path markdown) throws IOException {
    Matcher m = JAVA_BLOCK.matcher(Files.readString(markdown));
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  static Map<String, String> files(Path markdown) throws IOException {
    Matcher m = FILE_BLOCK.matcher(Files.readString(markdown));
    Map<String, String> files = new LinkedHashMap<>();
    while (m.find()) {
      if (files.put(m.group(1), m.group(2)) != null) {
        throw new IllegalStateException(markdown + " gives " + m.group(1) + " twice");
      }
    }
    return files;
  }
}
