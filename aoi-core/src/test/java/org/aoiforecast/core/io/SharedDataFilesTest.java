package org.aoiforecast.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The public data files in {@code ../shared/data} load with the generic reader. Skipped where the
 * folder is absent (a fresh clone).
 */
class SharedDataFilesTest {
  private static TimeSeries tmy3(String file) {
    return SharedData.readTmy3(SharedData.require("tmy3/" + file), "GHI (W/m^2)", "Dry-bulb (C)", "RHum (%)",
        "TotCld (tenths)");
  }

  @Test
  void greensboroTmy3() {
    TimeSeries s = tmy3("723170TYA.CSV");
    assertEquals(8760, s.size());
    assertEquals(Duration.ofHours(1), s.step());
    // 01/01 01:00 local standard time at UTC-5
    assertEquals(Instant.parse("1990-01-01T06:00:00Z"), s.start());
    assertEquals("W/m^2", s.units().get(0));
    assertEquals("C", s.units().get(1));
    assertEquals("%", s.units().get(2));
    assertEquals("tenths", s.units().get(3));
    double maxGhi = 0;
    for (double v : s.column("GHI (W/m^2)")) {
      assertTrue(v >= 0);
      maxGhi = Math.max(maxGhi, v);
    }
    assertTrue(maxGhi > 800 && maxGhi < 1200, "peak GHI " + maxGhi);
    for (double v : s.column("RHum (%)")) {
      assertTrue(v >= 0 && v <= 100);
    }
  }

  @Test
  void sandPointTmy3() {
    TimeSeries s = tmy3("703165TY.csv");
    assertEquals(8760, s.size());
    assertEquals(Instant.parse("1990-01-01T10:00:00Z"), s.start()); // UTC-9
  }

  @Test
  void pvwattsHourlyOutput() {
    Path p = SharedData.require("pvwatts/pvwatts_8760_rackmount.csv");
    TimeSeries s = TimeSeriesCsvReader.builder().skipLines(17).dateParts(null, "Month", "Day", "Hour", null)
        .year(1990).zone(ZoneOffset.ofHours(-7)).footer("Totals")
        .columns("AC System Output (W)", "Ambient Temperature (C)", "Wind Speed (m/s)").build().read(p);
    assertEquals(8760, s.size());
    assertEquals(Duration.ofHours(1), s.step());
    assertEquals("W", s.units().get(0));
    double energyKwh = 0;
    for (double w : s.column("AC System Output (W)")) {
      energyKwh += w / 1000;
    }
    // the file's own totals row says 6,023,671 Wh for the year
    assertEquals(6023.67124, energyKwh, 1e-3);
  }
}
