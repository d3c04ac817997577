package dev.arbor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Servers that mention types another processor generates, and types that never appear. */
class RoundsTest {

  /**
   * Stands for any other processor: on its own annotation ({@code test.MakesTickets}, on another
   * class), writes {@code test.Ticket} in its first round. Arbor claims its own annotations, so a
   * processor triggered by {@code @GenServer} itself would have to run before Arbor's.
   */
  private static final class TicketProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("test.MakesTickets");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done && !round.processingOver()) {
        done = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("test.Ticket").openWriter()) {
          w.write("package test;\n\npublic record Ticket(int number) {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  private static final JavaFileObject BOOTH = Sources.of("Booth", """
      @GenServer
      public final class Booth {
        private int next;

        public Booth(Ticket first) { next = first.number(); }

        @Call public Ticket take() { return new Ticket(next++); }
        @Cast public void skip(List<Ticket> tickets) {}
        @Info public void onTicket(Ticket ticket) {}
      }
      """);

  private static final JavaFileObject MAKES_TICKETS = Compilations.source("test.MakesTickets", """
      package test;

      /** The other processor's own trigger. */
      public @interface MakesTickets {}
      """);

  private static final JavaFileObject TICKET_SPEC = Compilations.source("test.TicketSpec", """
      package test;

      @MakesTickets
      final class TicketSpec {}
      """);

  @Test
  void serverMentioningATypeGeneratedInTheSameRoundGetsItsClientNextRound() {
    Compilation compilation = Compilations.javac()
        .withProcessors(new ArborProcessor(), new TicketProcessor())
        .compile(BOOTH, MAKES_TICKETS, TICKET_SPEC);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.BoothClient").contentsAsUtf8String()
        .contains("public Ticket take()");
  }

  @Test
  void typeThatNeverAppearsIsLeftToJavacsOwnError() {
    Compilation compilation = Compilations.compile(BOOTH);
    // javac's "cannot find symbol" for each of the four signatures naming Ticket, and nothing of ours on top.
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(BOOTH).onLineContaining("Ticket take()");
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(BOOTH).onLineContaining("Booth(Ticket first)");
    assertTrue(compilation.errors().stream().noneMatch(e -> e.getMessage(null).contains("[Arbor")),
        compilation.errors().toString());
  }

  private static final JavaFileObject WORKER = Sources.of("Worker", """
      @GenServer
      public final class Worker {
        @Call public int work(int n) { return n * 2; }
      }
      """);

  /** Correct, but names the client generated for Worker, so it waits a round for it. */
  private static final JavaFileObject POOL = Sources.of("Pool", """
      @GenServer
      public final class Pool {
        @Call public int size(List<WorkerClient> workers) { return workers.size(); }
      }
      """);

  private static final JavaFileObject BROKEN = Sources.of("Broken", """
      @GenServer
      public final class Broken {
        @Cast public int poke() { return 1; }
      }
      """);

  @Test
  void serverNamingAClientGeneratedInTheSameBuildGetsItsClient() {
    Compilation compilation = Compilations.compile(WORKER, POOL);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.PoolClient").contentsAsUtf8String()
        .contains("public int size(List<WorkerClient> workers)");
  }

  @Test
  void deferredServerIsNotReportedMissingWhenAnotherClassHasErrors() {
    Compilation compilation = Compilations.compile(WORKER, POOL, BROKEN);
    // The @Cast's error ends the rounds before Pool is taken up again; WorkerClient exists by then.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[ArborCastReturn]").inFile(BROKEN).onLineContaining("int poke()");
  }

  @Test
  void stateFieldOfAClientGeneratedInAnotherPackageCompiles() {
    JavaFileObject ledger = Compilations.source("other.Ledger", """
        package other;

        import dev.arbor.annotation.*;

        @GenServer
        public final class Ledger {
          @Call public int total() { return 0; }
        }
        """);
    JavaFileObject shop = Sources.of("Shop", """
        import other.LedgerClient;

        @GenServer
        public final class Shop {
          private final LedgerClient ledger;

          public Shop(int unused) { ledger = null; }

          @Call public boolean hasLedger() { return ledger != null; }
        }
        """);
    Compilation compilation = Compilations.compile(ledger, shop);
    assertThat(compilation).succeededWithoutWarnings();
    // The client cannot name LedgerClient yet: the runtime reads the field's type from Shop.
    assertTrue(Compilations.generatedSource(compilation, "test.ShopClient").contains(".field(\"ledger\")"));
  }
}
