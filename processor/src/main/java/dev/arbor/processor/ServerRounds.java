package dev.arbor.processor;

import com.palantir.javapoet.JavaFile;
import dev.arbor.processor.generate.ClientGenerator;
import dev.arbor.processor.model.RemoteServerModel;
import dev.arbor.processor.model.ServerModel;
import dev.arbor.processor.read.OrphanFinder;
import dev.arbor.processor.read.RuntimeNames;
import dev.arbor.processor.read.ServerReader;
import dev.arbor.processor.validate.Diagnostics;
import dev.arbor.processor.validate.RemoteServerValidator;
import dev.arbor.processor.validate.ServerValidator;
import dev.arbor.processor.validate.ValidationReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Carries {@code @GenServer} and {@code @RemoteServer} types through the rounds. A type whose
 * signatures mention a type that does not exist yet is put off to the next round, since another
 * processor (or this one, for a client another server uses) may be about to generate it. Every other type is read, validated
 * and, if clean, generated, each inside a guard so that one class's surprise never stops the others.
 *
 * <p>A type still put off when the rounds end is not reported. Either its missing type never
 * appeared, and javac itself reports {@code cannot find symbol} at each place that names it; or an
 * error elsewhere (or a warning under {@code -Werror}) ended the rounds before the type could be
 * taken up again, and the build fails on that error. Saying the type is missing would then be
 * false and point at correct code: its client comes once the other error is fixed.
 */
final class ServerRounds {
  private final ProcessingEnvironment env;
  private final Elements elements;
  private final Messager messager;
  private final ServerReader reader;
  private final ServerValidator validator = new ServerValidator();
  private final RemoteServerValidator remoteValidator = new RemoteServerValidator();
  private final OrphanFinder orphans;
  private final ClientGenerator generator;
  private final Consumer<TypeElement> beforeEachServer;

  /** Top-level types of this compilation's sources so far, generated ones included. */
  private final Set<String> sourceTypes = new java.util.HashSet<>();

  /** The clients generated so far, by qualified name, with the server each was generated for and its annotation. */
  private final Map<String, String> generatedFor = new HashMap<>();

  /** Deferred types by qualified name; re-read each round. */
  private final Set<String> deferred = new LinkedHashSet<>();

  ServerRounds(ProcessingEnvironment env, String processorName, Consumer<TypeElement> beforeEachServer) {
    this.env = env;
    this.elements = env.getElementUtils();
    this.messager = env.getMessager();
    this.reader = new ServerReader(elements, env.getTypeUtils());
    this.orphans = new OrphanFinder(elements);
    this.generator = new ClientGenerator(processorName);
    this.beforeEachServer = beforeEachServer;
  }

  void process(RoundEnvironment round) {
    if (round.processingOver()) {
      deferred.clear(); // see ServerRounds' class comment: javac or another class has said what is wrong
      return;
    }
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement type) {
        sourceTypes.add(type.getQualifiedName().toString());
      }
    }
    validator.validateOrphans(orphans.find(round)).printTo(messager);
    for (TypeElement type : candidates(round)) {
      try {
        beforeEachServer.accept(type);
        processOne(type);
      } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
        messager.printMessage(Diagnostic.Kind.ERROR, Diagnostics.internalError(type.getQualifiedName().toString(), e),
            type);
      }
    }
  }

  /** Last round's deferred types (fetched afresh: elements from older rounds may be stale), then this round's. */
  private List<TypeElement> candidates(RoundEnvironment round) {
    Set<TypeElement> result = new LinkedHashSet<>();
    for (String name : List.copyOf(deferred)) {
      TypeElement type = elements.getTypeElement(name);
      deferred.remove(name);
      if (type != null) {
        result.add(type);
      }
    }
    for (String name : List.of(RuntimeNames.GEN_SERVER, RuntimeNames.REMOTE_SERVER)) {
      TypeElement annotation = elements.getTypeElement(name);
      if (annotation != null) {
        for (Element e : round.getElementsAnnotatedWith(annotation)) {
          if (e instanceof TypeElement type) {
            result.add(type);
          }
        }
      }
    }
    return new ArrayList<>(result);
  }

  private void processOne(TypeElement type) {
    if (env.getSourceVersion().compareTo(SourceVersion.RELEASE_21) < 0) {
      // The generated dispatcher switches over a sealed type with patterns, final in Java 21: at an
      // older release javac would fail inside generated code, pointing at no line of the user's.
      messager.printMessage(Diagnostic.Kind.ERROR,
          Diagnostics.release(!reader.isGenServer(type), env.getSourceVersion()), type);
      return;
    }
    if (!reader.unresolvedTypes(type).isEmpty()) {
      deferred.add(type.getQualifiedName().toString());
      return;
    }
    if (reader.isGenServer(type)) {
      ServerModel server = reader.read(type);
      ValidationReport report = validator.validate(server);
      report.printTo(messager);
      if (report.isClean()) {
        write(type, server, false, () -> generator.generate(server, generatedAnnotationVisibleFrom(type)));
      }
    }
    if (reader.isRemoteServer(type)) {
      RemoteServerModel remote = reader.readRemoteServer(type);
      ValidationReport report = remoteValidator.validate(remote);
      report.printTo(messager);
      if (report.isClean()) {
        write(type, remote.server(), true, () -> generator.generate(remote, generatedAnnotationVisibleFrom(type)));
      }
    }
  }

  /**
   * Writes the client of {@code server}, unless a type of its name exists already.
   *
   * @param remoteServer whether {@code type} is a {@code @RemoteServer} interface rather than a {@code @GenServer}
   */
  private void write(TypeElement type, ServerModel server, boolean remoteServer, Supplier<JavaFile> client) {
    String name = server.packageName().isEmpty()
        ? server.options().clientName()
        : server.packageName() + "." + server.options().clientName();
    // A client of that name already exists: javac would only warn, then fail with "duplicate class"
    // on the generated file; or the Filer refuses it, when another server generated it in this round.
    String clientExists = Diagnostics.clientExists(server.options().clientName(), server.packageName(),
        generatedFor.get(name), remoteServer);
    if (sourceTypes.contains(name)) {
      messager.printMessage(Diagnostic.Kind.ERROR, clientExists, type);
      return;
    }
    try {
      client.get().writeTo(env.getFiler());
      generatedFor.put(name, (remoteServer ? "@RemoteServer " : "@GenServer ") + type.getQualifiedName());
    } catch (FilerException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, clientExists, type);
    } catch (IOException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, Diagnostics.internalError(type.getQualifiedName().toString(), e),
          type);
    }
  }

  /**
   * {@code @Generated} lives in java.compiler: a class in a named module that does not read it
   * must not get the annotation, or the client would not compile.
   */
  private boolean generatedAnnotationVisibleFrom(TypeElement type) {
    String name = "javax.annotation.processing.Generated";
    ModuleElement module = elements.getModuleOf(type);
    return module == null || module.isUnnamed()
        ? elements.getTypeElement(name) != null
        : elements.getTypeElement(module, name) != null;
  }

}
