package dev.arbor.processor.model;

import java.util.List;

/**
 * A {@code @GenServer(remote = true)} server's handlers as Erlang terms.
 *
 * @param requests the {@code @Call} and {@code @Cast} handlers, in source order
 * @param infos the {@code @Info} handlers, in source order; one whose type has no term form still
 *     takes local messages, only no remote one reaches it
 */
public record RemoteModel(List<RemoteHandler> requests, List<RemoteHandler> infos) {
  public RemoteModel {
    requests = List.copyOf(requests);
    infos = List.copyOf(infos);
  }

  /** {@code incrementBy} is {@code increment_by}, {@code parseHTTPHeader} is {@code parse_http_header}. */
  public static String snakeCase(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char before = name.charAt(i - 1);
        boolean wordStarts = Character.isLowerCase(before) || Character.isDigit(before)
            || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)) && Character.isUpperCase(before));
        if (wordStarts) {
          out.append('_');
        }
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }
}
