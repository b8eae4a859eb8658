package org.aoiforecast.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgeSetTest {
  @Test
  void parsesStepsAndRanges() {
    assertArrayEquals(new int[] {1, 2, 3}, AgeSet.parse("1-3").toArray());
    assertArrayEquals(new int[] {1, 6, 24}, AgeSet.parse("24, 6,1").toArray());
    assertArrayEquals(new int[] {0, 1, 2, 12}, AgeSet.parse("0-2,12,1").toArray());
  }

  @Test
  void parsesDurationsInStepsOfTheData() {
    Duration half = Duration.ofMinutes(30);
    assertEquals(AgeSet.range(1, 48), AgeSet.parse("30m-24h", half));
    assertArrayEquals(new int[] {2, 12, 48}, AgeSet.parse("1h,6h,24h", half).toArray());
    assertArrayEquals(new int[] {24}, AgeSet.parse("1d", Duration.ofHours(1)).toArray());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AgeSet.parse("45m", Duration.ofHours(1)));
    assertTrue(e.getMessage().contains("whole number of steps"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AgeSet.parse("6h"));
  }

  @Test
  void rejectsEmptyAndNegative() {
    assertThrows(IllegalArgumentException.class, () -> AgeSet.of());
    assertThrows(IllegalArgumentException.class, () -> AgeSet.parse(" "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgeSet.of(3, -1));
    assertTrue(e.getMessage().contains("negative"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AgeSet.parse("-2"));
    assertThrows(IllegalArgumentException.class, () -> AgeSet.parse("5-2"));
    assertThrows(IllegalArgumentException.class, () -> AgeSet.parse("1,,2"));
    assertThrows(IllegalArgumentException.class, () -> AgeSet.parse("abc"));
    assertThrows(IllegalArgumentException.class, () -> AgeSet.range(-1, 3));
  }

  @Test
  void toStringRoundTrips() {
    AgeSet s = AgeSet.of(1, 2, 3, 6, 24, 25);
    assertEquals("1-3,6,24-25", s.toString());
    assertEquals(s, AgeSet.parse(s.toString()));
    assertEquals(1, s.min());
    assertEquals(25, s.max());
    assertTrue(s.contains(6));
  }

  @Test
  void hugeRangesAndNumbersFailAtOnceWithAClearMessage() {
    long t0 = System.nanoTime();
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> AgeSet.parse("0-2000000000", java.time.Duration.ofHours(1)));
    assertTrue((System.nanoTime() - t0) < 1_000_000_000L, "no enumeration before the check");
    assertTrue(range.getMessage().contains("at most " + AgeSet.MAX_SIZE), range.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AgeSet.range(0, Integer.MAX_VALUE));
    for (String text : new String[] {"3000000000", "99999999999999999999", "99999999999999999d", "2147483648",
        "3000000000h"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> AgeSet.parse(text, java.time.Duration.ofHours(1)), text);
      assertTrue(e.getMessage().contains("too"), e.getMessage());
    }
    assertEquals(Integer.MAX_VALUE, AgeSet.parse("2147483647").max());
  }
}
