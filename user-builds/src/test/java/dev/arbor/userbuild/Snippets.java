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

  private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

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

  /**
   * The arguments, after {@code mvn}, of the page's one {@code sh} block that contains {@code
   * text}: a single {@code mvn} command, its lines joined where they end in a backslash, with no
   * quotes or comments to interpret.
   */
  static List<String> mvnArguments(Path markdown, String text) throws IOException {
    Matcher m = SH_BLOCK.matcher(Files.readString(markdown));
    List<String> found = new ArrayList<>();
    while (m.find()) {
      if (m.group(1).contains(text)) {
        found.add(m.group(1).replace("\\\n", " ").strip());
      }
    }
    if (found.size() != 1) {
      throw new IllegalStateException(markdown + " should have one sh block with " + text + ", not " + found.size());
    }
    String command = found.get(0);
    if (command.contains("\n") || command.contains("#") || command.contains("'") || command.contains("\"")) {
      throw new IllegalStateException(markdown + ": not one plain command: " + command);
    }
    List<String> words = List.of(command.split("\\s+"));
    if (!words.get(0).equals("mvn")) {
      throw new IllegalStateException(markdown + ": not an mvn command: " + command);
    }
    return words.subList(1, words.size());
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
