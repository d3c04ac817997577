package dev.arbor.processor.read;

import dev.arbor.processor.model.StateField;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads the fields a server's state description shows: the class's own instance fields, in source
 * order. Inherited fields are left out: the client can only reach fields of the class it names.
 */
public final class StateFieldReader {
  private StateFieldReader() {}

  public static List<StateField> read(TypeElement server) {
    return server.getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.FIELD && !e.getModifiers().contains(Modifier.STATIC))
        .map(e -> (VariableElement) e)
        .map(f -> new StateField(f, f.asType(), isRedacted(f)))
        .toList();
  }

  private static boolean isRedacted(Element field) {
    return field.getAnnotationMirrors().stream()
        .anyMatch(a -> ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
            .contentEquals(RuntimeNames.REDACTED));
  }
}
