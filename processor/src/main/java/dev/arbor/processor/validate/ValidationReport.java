package dev.arbor.processor.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The problems found in one server, in the order found. Validators only add to it; the processor
 * prints it and generates nothing for a server whose report is not clean.
 */
public final class ValidationReport {
  private final List<Problem> problems = new ArrayList<>();

  public void error(Element element, String message) {
    problems.add(Problem.on(element, message));
  }

  /** An error shown on {@code annotation} (javac points at the annotation, not the whole method). */
  public void error(Element element, AnnotationMirror annotation, String message) {
    problems.add(new Problem(element, Optional.of(annotation), Optional.empty(), message));
  }

  /** An error shown on one value of {@code annotation}, such as {@code clientName = "..."}. */
  public void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    problems.add(new Problem(element, Optional.of(annotation), Optional.of(value), message));
  }

  public boolean isClean() {
    return problems.isEmpty();
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  public void printTo(Messager messager) {
    for (Problem p : problems) {
      if (p.value().isPresent()) {
        messager.printMessage(Diagnostic.Kind.ERROR, p.message(), p.element(), p.annotation().orElseThrow(),
            p.value().get());
      } else if (p.annotation().isPresent()) {
        messager.printMessage(Diagnostic.Kind.ERROR, p.message(), p.element(), p.annotation().get());
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, p.message(), p.element());
      }
    }
  }
}
