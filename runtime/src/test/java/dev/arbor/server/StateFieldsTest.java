package dev.arbor.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.invoke.MethodHandles;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateFieldsTest {

  private static final class Shop {
    private final List<String> items = List.of("tea");
    private final int count = 1;
  }

  @Test
  void fieldGivenWithoutItsTypeIsReadWithItsDeclaredType() {
    StateFields fields = StateFields.of(MethodHandles.lookup(), Shop.class).field("items").field("count");
    assertEquals("Shop[items=[tea], count=1]", fields.describe(new Shop()));
  }

  @Test
  void missingFieldGivenWithoutItsTypeIsUnreadable() {
    StateFields fields = StateFields.of(MethodHandles.lookup(), Shop.class).field("gone");
    assertEquals("Shop[gone=<unreadable>]", fields.describe(new Shop()));
  }
}
