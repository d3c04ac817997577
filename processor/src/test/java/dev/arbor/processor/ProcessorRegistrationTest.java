package dev.arbor.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

/** How build tools find the processor: the service file AutoService writes, and Gradle's descriptor. */
class ProcessorRegistrationTest {

  private static List<String> linesOf(String resource) throws IOException {
    List<String> lines = new ArrayList<>();
    for (URL url : Collections.list(ProcessorRegistrationTest.class.getClassLoader().getResources(resource))) {
      try (InputStream in = url.openStream()) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).forEach(lines::add);
      }
    }
    return lines;
  }

  @Test
  void autoServiceRegistersTheProcessor() throws IOException {
    assertTrue(linesOf("META-INF/services/javax.annotation.processing.Processor")
        .contains(ArborProcessor.class.getName()));
    assertTrue(ServiceLoader.load(Processor.class).stream().anyMatch(p -> p.type() == ArborProcessor.class));
  }

  @Test
  void gradleSeesAnIsolatingProcessor() throws IOException {
    assertEquals(List.of("dev.arbor.processor.ArborProcessor,isolating"),
        linesOf("META-INF/gradle/incremental.annotation.processors"));
  }

  @Test
  void processorSupportsTheLatestSourceVersionAndClaimsOnlyArborAnnotationsAndGenerated() {
    ArborProcessor processor = new ArborProcessor();
    assertEquals(SourceVersion.latestSupported(), processor.getSupportedSourceVersion());
    assertTrue(processor.getSupportedAnnotationTypes().stream()
        .allMatch(n -> n.startsWith("dev.arbor.annotation.") || n.equals("javax.annotation.processing.Generated")));
    assertEquals(10, processor.getSupportedAnnotationTypes().size());
  }
}
