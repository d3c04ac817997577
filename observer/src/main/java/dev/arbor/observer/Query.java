package dev.arbor.observer;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A request's query parameters, decoded; the last of repeated names wins. */
final class Query {
  private final Map<String, String> params;

  private Query(Map<String, String> params) {
    this.params = params;
  }

  static Query parse(URI uri) {
    Map<String, String> params = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        try {
          params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
          throw new BadRequest("malformed query parameter: " + pair);
        }
      }
    }
    return new Query(params);
  }

  String get(String name) {
    return params.get(name);
  }

  String get(String name, String otherwise) {
    return params.getOrDefault(name, otherwise);
  }

  /** A parameter that must be present. */
  String require(String name) {
    String v = params.get(name);
    if (v == null || v.isEmpty()) {
      throw new BadRequest("missing query parameter \"" + name + "\"");
    }
    return v;
  }

  /** An integer parameter within {@code min..max}, or {@code otherwise} when absent. */
  int integer(String name, int otherwise, int min, int max) {
    String v = params.get(name);
    if (v == null || v.isEmpty()) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new BadRequest("query parameter \"" + name + "\" must be within " + min + ".." + max + ": " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest("query parameter \"" + name + "\" is not a number: " + v);
    }
  }

  /** A request the observer cannot answer as asked: answered with 400 and this message. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message, null, false, false);
    }
  }
}
