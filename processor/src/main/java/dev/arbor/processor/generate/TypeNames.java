package dev.arbor.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * JavaPoet names for the types of parameters, return values and record components. JavaPoet drops
 * type-use annotations ({@code @Nullable String}); the client keeps the outermost ones, so that a
 * nullness checker reads the client as it reads the server.
 */
final class TypeNames {
  private TypeNames() {}

  static TypeName of(TypeMirror type) {
    TypeName name = TypeName.get(type);
    if (type.getKind() != TypeKind.DECLARED && type.getKind() != TypeKind.TYPEVAR) {
      return name;
    }
    List<AnnotationSpec> annotations = type.getAnnotationMirrors().stream().map(AnnotationSpec::get).toList();
    return annotations.isEmpty() ? name : name.annotated(annotations);
  }
}
