package dev.arbor.processor;

import com.google.auto.service.AutoService;
import dev.arbor.processor.model.HandlerKind;
import dev.arbor.processor.read.RuntimeNames;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates a typed client for every {@code @GenServer} class and every {@code @RemoteServer}
 * interface. Isolating in Gradle's sense: each
 * generated file depends on exactly one annotated type, its originating element.
 */
@AutoService(Processor.class)
public final class ArborProcessor extends AbstractProcessor {
  private final Consumer<TypeElement> beforeEachServer;
  private ServerRounds rounds;

  public ArborProcessor() {
    this(type -> {});
  }

  /** For tests: {@code beforeEachServer} runs inside the per-class guard, so it can simulate a bug. */
  ArborProcessor(Consumer<TypeElement> beforeEachServer) {
    this.beforeEachServer = beforeEachServer;
  }

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    rounds = new ServerRounds(processingEnv, getClass().getName(), beforeEachServer);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new LinkedHashSet<>();
    names.add(RuntimeNames.GEN_SERVER);
    names.add(RuntimeNames.REMOTE_SERVER);
    names.add(RuntimeNames.REDACTED);
    // The clients it writes carry @Generated; the next round would otherwise report it unclaimed.
    names.add(RuntimeNames.GENERATED);
    for (HandlerKind kind : HandlerKind.values()) {
      names.add(kind.annotationName());
    }
    return names;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      rounds.process(round);
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      // ServerRounds guards each class; this only catches a failure between classes.
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          dev.arbor.processor.validate.Diagnostics.internalError("this round", e));
    }
    // Claim them: they are Arbor's alone, and an unclaimed annotation is a -Xlint:processing
    // warning, which fails a user's -Xlint:all -Werror build. A processor that wants @GenServer
    // itself must therefore run before this one (processors triggered by their own annotations,
    // the usual case, are unaffected).
    return true;
  }
}
