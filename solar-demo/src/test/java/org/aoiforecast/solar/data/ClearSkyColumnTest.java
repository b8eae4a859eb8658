package org.aoiforecast.solar.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.solar.sim.ClearSky;
import org.aoiforecast.solar.sim.Site;
import org.junit.jupiter.api.Test;

class ClearSkyColumnTest {
  private static final ClearSkyColumn GOLDEN = new ClearSkyColumn(39.74, -105.18, Duration.ofMinutes(-30));

  @Test
  void theColumnIsHaurwitzAtTheShiftedTimeRoundedToATenth() {
    Instant noon = Instant.parse("2021-06-21T19:00:00Z"); // about solar noon in Golden
    double exact = ClearSky.ghi(new Site("g", 39.74, -105.18, 0, ZoneOffset.UTC, 0),
        noon.minus(Duration.ofMinutes(30)));
    assertEquals(Math.round(exact * 10) / 10.0, GOLDEN.at(noon), 0.0);
    assertTrue(GOLDEN.at(noon) > 900, "a June noon is bright");
    assertEquals(0.0, GOLDEN.at(Instant.parse("2021-06-21T08:00:00Z")), 0.0, "1 a.m. local is dark");
  }

  @Test
  void addToWritesTheSameValuesAsAt() {
    TimeSeries s = TimeSeries.builder(Instant.parse("2021-03-01T00:00:00Z"), Duration.ofHours(1))
        .column("GHI", "W/m^2", new double[48]).build();
    TimeSeries with = GOLDEN.addTo(s);
    assertEquals("W/m^2", with.units().get(with.columnIndex(ClearSkyColumn.COLUMN)));
    for (int i = 0; i < 48; i++) {
      assertEquals(GOLDEN.at(s.time(i)), with.column(ClearSkyColumn.COLUMN)[i], 0.0);
    }
  }

  @Test
  void propertiesRoundTrip() {
    assertEquals(Optional.of(GOLDEN), ClearSkyColumn.fromProperties(GOLDEN.properties()));
    assertEquals(Optional.empty(), ClearSkyColumn.fromProperties(Map.of("other", "x")));
  }

  @Test
  void damagedPropertiesNameWhatIsWrong() {
    Map<String, String> p = new HashMap<>(GOLDEN.properties());
    p.remove("clearsky.offset");
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> ClearSkyColumn.fromProperties(p));
    assertTrue(missing.getMessage().contains("clearsky.offset"), missing.getMessage());
    Map<String, String> other = new HashMap<>(GOLDEN.properties());
    other.put("clearsky.model", "rest2");
    IllegalArgumentException model = assertThrows(IllegalArgumentException.class,
        () -> ClearSkyColumn.fromProperties(other));
    assertTrue(model.getMessage().contains("rest2"), model.getMessage());
    Map<String, String> bad = new HashMap<>(GOLDEN.properties());
    bad.put("clearsky.latitude", "north");
    assertThrows(IllegalArgumentException.class, () -> ClearSkyColumn.fromProperties(bad));
    bad.put("clearsky.latitude", "91");
    assertThrows(IllegalArgumentException.class, () -> ClearSkyColumn.fromProperties(bad));
  }
}
