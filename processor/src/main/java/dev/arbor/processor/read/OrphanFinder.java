package dev.arbor.processor.read;

import dev.arbor.processor.model.HandlerAnnotation;
import dev.arbor.processor.model.HandlerKind;
import dev.arbor.processor.model.OrphanHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Finds handler annotations on methods of types that are neither {@code @GenServer} nor {@code @RemoteServer}. */
public final class OrphanFinder {
  private final Elements elements;

  public OrphanFinder(Elements elements) {
    this.elements = elements;
  }

  /** This round's orphans, one per method (its first handler annotation), in a stable order. */
  public List<OrphanHandler> find(RoundEnvironment round) {
    Map<ExecutableElement, OrphanHandler> orphans = new LinkedHashMap<>();
    for (HandlerKind kind : HandlerKind.values()) {
      TypeElement annotationType = elements.getTypeElement(kind.annotationName());
      if (annotationType == null) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotationType)) {
        if (element instanceof ExecutableElement method && !ServerReader.isServer(method.getEnclosingElement())) {
          ServerReader.annotation(method, kind.annotationName()).ifPresent(mirror -> orphans.putIfAbsent(
              method, new OrphanHandler(method, ServerReader.handlerAnnotation(kind, mirror), method.getEnclosingElement())));
        }
      }
    }
    return new ArrayList<>(orphans.values());
  }
}
