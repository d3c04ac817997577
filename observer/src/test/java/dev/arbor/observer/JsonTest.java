package dev.arbor.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void markupQuotesAndControlCharactersAreEscaped() {
    assertEquals("\"\\u003cscript\\u003ealert(\\\"x\\\")\\u003c/script\\u003e \\u0026 \\\\ \\n\\t\\u0001\"",
        Json.of("<script>alert(\"x\")</script> & \\ \n\t\u0001"));
    assertEquals("\"\\u2028\\u2029\"", Json.of("\u2028\u2029"));
  }

  @Test
  void valuesKeepTheirTypesAndMapsTheirOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", 1);
    m.put("a", List.of(true, 2L, 1.5));
    m.put("n", null);
    m.put("nan", Double.NaN);
    m.put("pid", new Object() {
      @Override
      public String toString() {
        return "<0.1.0>";
      }
    });
    assertEquals("{\"z\":1,\"a\":[true,2,1.5],\"n\":null,\"nan\":null,\"pid\":\"\\u003c0.1.0\\u003e\"}", Json.of(m));
    assertEquals("[]", Json.of(Arrays.asList()));
  }
}
