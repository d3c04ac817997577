package dev.arbor.processor.generate;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Makes a comment written on the server right where the client carries it. Two things change
 * meaning on the way: a link to a member ({@code {@link #helper()}}) would look for it in the
 * client, where it is missing or, worse, a different member of the same name; and an unchecked
 * exception a handler documents never reaches a caller as itself, since it crashes the server and
 * the caller sees the crash as an {@code ExitException} (a cast's caller sees nothing at all).
 */
final class CopiedDocs {
  private CopiedDocs() {}

  /** {@code {@link #m}}, {@code {@linkplain #m}}, {@code {@value #C}}: an inline tag naming a member of "this" class. */
  private static final Pattern INLINE_MEMBER = Pattern.compile("\\{@(link|linkplain|value)(\\s+)#");
  /** {@code @see #m} at the start of a line. */
  private static final Pattern SEE_MEMBER = Pattern.compile("^(\\s*@see\\s+)#", Pattern.MULTILINE);
  /** {@code @throws Name rest} or {@code @exception Name rest}, at the start of a block. */
  private static final Pattern THROWS = Pattern.compile("^\\s*@(?:throws|exception)\\s+(\\S+)\\s*(.*)$", Pattern.DOTALL);

  /** Points every member link of {@code javadoc} at {@code server}, where the member is. */
  static String linksToServer(String javadoc, ClassName server) {
    String qualified = Matcher.quoteReplacement(server.canonicalName());
    String inline = INLINE_MEMBER.matcher(javadoc).replaceAll("{@$1$2" + qualified + "#");
    return SEE_MEMBER.matcher(inline).replaceAll("$1" + qualified + "#");
  }

  /**
   * A handler's comment for its client method: links pointed at the server, and each {@code
   * @throws} of an exception the client does not rethrow as itself said the way the caller meets
   * it. {@code rethrown} holds the simple and qualified names of the checked exceptions the client
   * method declares; {@code cast} says the method is a cast, whose caller never learns of a crash.
   */
  static String forClient(String javadoc, ClassName server, Set<String> rethrown, boolean cast) {
    if (javadoc.isEmpty()) {
      return javadoc;
    }
    List<String> blocks = blocks(linksToServer(javadoc, server));
    List<String> kept = new ArrayList<>();
    List<String> castNotes = new ArrayList<>();
    kept.add(blocks.get(0));
    for (String block : blocks.subList(1, blocks.size())) {
      Matcher m = THROWS.matcher(block);
      if (!m.matches() || rethrown.contains(m.group(1))) {
        kept.add(block);
        continue;
      }
      String thrown = "the handler throws {@code " + m.group(1) + "}" + (m.group(2).isBlank() ? "" : " " + m.group(2));
      if (cast) {
        castNotes.add("<p>T" + thrown.substring(1) + ". That crashes the server; the cast itself never fails.");
      } else {
        kept.add("@throws dev.arbor.ExitException if the server crashes: " + thrown);
      }
    }
    if (!castNotes.isEmpty()) {
      String body = kept.get(0);
      kept.set(0, (body.isBlank() ? "" : body.stripTrailing() + "\n\n") + String.join("\n\n", castNotes) + "\n");
    }
    return String.join("\n", kept).strip();
  }

  /**
   * The comment cut into its main description (first, empty when the comment starts with a tag)
   * and its block tags, each with its continuation lines. A line in {@code <pre>} never starts a tag.
   */
  private static List<String> blocks(String javadoc) {
    List<String> blocks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    boolean inPre = false;
    for (String line : javadoc.split("\n", -1)) {
      String trimmed = line.strip();
      if (!inPre && trimmed.startsWith("@")) {
        blocks.add(String.join("\n", current));
        current.clear();
      }
      current.add(line);
      inPre = trimmed.contains("</pre>") ? false : inPre || trimmed.contains("<pre>");
    }
    blocks.add(String.join("\n", current));
    return blocks;
  }

  /** Whether {@code type} is a {@code RuntimeException} or an {@code Error}, or one of their subclasses. */
  static boolean isUnchecked(TypeMirror type) {
    for (TypeMirror t = type; t.getKind() == TypeKind.DECLARED; ) {
      TypeElement e = (TypeElement) ((DeclaredType) t).asElement();
      String name = e.getQualifiedName().toString();
      if (name.equals("java.lang.RuntimeException") || name.equals("java.lang.Error")) {
        return true;
      }
      t = e.getSuperclass();
    }
    return false;
  }
}
