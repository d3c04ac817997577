package dev.arbor.dist.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReadSpinTest {
  /** How many chances go by, not taken, before the next spin. */
  private static int skippedBeforeNextSpin(ReadSpin spin) {
    int skipped = 0;
    while (!spin.due()) {
      skipped++;
      if (skipped > 10 * ReadSpin.MAX_SKIPS) {
        throw new AssertionError("the reader never spins again");
      }
    }
    return skipped;
  }

  @Test
  void aReaderWhoseSpinsFindBytesSpinsAtEveryChance() {
    ReadSpin spin = new ReadSpin(20_000);
    for (int i = 0; i < 5; i++) {
      assertTrue(spin.due());
      spin.found();
    }
  }

  @Test
  void missesInARowSkipTwiceAsManyChancesEachTimeUpToTheBound() {
    ReadSpin spin = new ReadSpin(20_000);
    StringBuilder skips = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      skips.append(skippedBeforeNextSpin(spin)).append(' ');
      spin.missed();
    }
    skips.append(skippedBeforeNextSpin(spin));
    assertEquals("0 1 2 4 8 16 32 64 64 64", skips.toString());
  }

  @Test
  void aSpinThatFindsBytesEndsTheSkipping() {
    ReadSpin spin = new ReadSpin(20_000);
    for (int i = 0; i < 4; i++) {
      skippedBeforeNextSpin(spin);
      spin.missed();
    }
    skippedBeforeNextSpin(spin);
    spin.found();
    assertTrue(spin.due());
    spin.missed();
    assertEquals(1, skippedBeforeNextSpin(spin));
  }

  @Test
  void aZeroWindowNeverSpins() {
    ReadSpin spin = new ReadSpin(0);
    for (int i = 0; i < 100; i++) {
      assertFalse(spin.due());
    }
  }
}
