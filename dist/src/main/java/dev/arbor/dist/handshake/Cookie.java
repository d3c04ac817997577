package dev.arbor.dist.handshake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Finds the cookie as {@code erl} does: {@code ~/.erlang.cookie}, created when absent. */
public final class Cookie {
  private Cookie() {}

  /** The cookie of {@code ~/.erlang.cookie}, creating the file (mode 0400) when it is absent. */
  public static String fromHome() throws IOException {
    return fromFile(Path.of(System.getProperty("user.home"), ".erlang.cookie"));
  }

  /** The cookie in {@code file}, created with 20 random capital letters when absent, as erl does. */
  public static String fromFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      SecureRandom random = new SecureRandom();
      StringBuilder cookie = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        cookie.append((char) ('A' + random.nextInt(26)));
      }
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        return read(file);
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, cookie, StandardCharsets.ISO_8859_1);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
      } catch (UnsupportedOperationException notPosix) {
        file.toFile().setWritable(false, false);
      }
      return cookie.toString();
    }
    return read(file);
  }

  private static String read(Path file) throws IOException {
    String cookie = Files.readString(file, StandardCharsets.ISO_8859_1).strip();
    if (cookie.isEmpty()) {
      throw new IOException("the cookie file " + file + " is empty");
    }
    return cookie;
  }
}
