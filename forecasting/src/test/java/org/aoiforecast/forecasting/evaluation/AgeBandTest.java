package org.aoiforecast.forecasting.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's age bands are durations, converted to steps of the data. */
class AgeBandTest {
  @Test
  void bandsCoverZeroToSixToTwentyFourToFortyEightHoursInSteps() {
    assertEquals(List.of(new AgeBand("1-6 h", 1, 6), new AgeBand("7-24 h", 7, 24), new AgeBand("25-48 h", 25, 48)),
        AgeBand.standard(Duration.ofHours(1)));
    assertEquals(List.of(new AgeBand("1-6 h", 1, 12), new AgeBand("7-24 h", 13, 48), new AgeBand("25-48 h", 49, 96)),
        AgeBand.standard(Duration.ofMinutes(30)));
    // a day holds no whole step of the youngest band: it is left out
    assertEquals(List.of(new AgeBand("7-24 h", 1, 1), new AgeBand("25-48 h", 2, 2)),
        AgeBand.standard(Duration.ofDays(1)));
    AgeBand b = new AgeBand("x", 7, 24);
    assertTrue(b.contains(7) && b.contains(24) && !b.contains(6) && !b.contains(25));
    assertThrows(IllegalArgumentException.class, () -> new AgeBand("x", 5, 4));
  }
}
