package org.aoiforecast.solar.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.io.TimeSeriesCsvWriter;
import org.junit.jupiter.api.Test;

class SimulatorPhysicsTest {
  private static final TimeSeries YEAR = SolarSimulator.of(Site.golden(), LocalDate.of(2021, 1, 1), 365,
      Duration.ofHours(1), 1).simulate();

  /** Published sunrise/sunset times (timeanddate.com / NOAA), to within 3 minutes. */
  @Test
  void sunriseAndSunsetMatchPublishedTimes() {
    // London, 21 June 2021: sunrise 04:43 BST, sunset 21:21 BST
    assertNear(Instant.parse("2021-06-21T03:43:00Z"), SolarPosition.sunrise(51.5074, -0.1278,
        LocalDate.of(2021, 6, 21)).orElseThrow());
    assertNear(Instant.parse("2021-06-21T20:21:00Z"), SolarPosition.sunset(51.5074, -0.1278,
        LocalDate.of(2021, 6, 21)).orElseThrow());
    // New York, 21 December 2021: sunrise 07:17 EST, sunset 16:32 EST
    assertNear(Instant.parse("2021-12-21T12:17:00Z"), SolarPosition.sunrise(40.7128, -74.0060,
        LocalDate.of(2021, 12, 21)).orElseThrow());
    assertNear(Instant.parse("2021-12-21T21:32:00Z"), SolarPosition.sunset(40.7128, -74.0060,
        LocalDate.of(2021, 12, 21)).orElseThrow());
    // Tromsø has midnight sun in June and polar night in December
    assertFalse(SolarPosition.sunrise(69.65, 18.96, LocalDate.of(2021, 6, 21)).isPresent());
    assertFalse(SolarPosition.sunset(69.65, 18.96, LocalDate.of(2021, 12, 21)).isPresent());
  }

  private static void assertNear(Instant expected, Instant actual) {
    long minutes = Math.abs(Duration.between(expected, actual).toSeconds()) / 60;
    assertTrue(minutes <= 3, "expected " + expected + ", computed " + actual);
  }

  @Test
  void zenithAtSolarNoonOnTheEquinoxIsTheLatitude() {
    // March equinox 2021 (20 March, 09:37 UTC): at local solar noon the zenith equals the latitude
    double lon = 0;
    Instant noon = Instant.parse("2021-03-20T12:00:00Z").minusSeconds((long) (SolarPosition.equationOfTime(
        Instant.parse("2021-03-20T12:00:00Z")) * 60));
    assertEquals(45.0, SolarPosition.zenithDegrees(45, lon, noon), 0.05);
  }

  @Test
  void irradianceIsZeroAtNightAndBoundedByClearSky() {
    Site site = Site.golden();
    int ghi = YEAR.columnIndex(SolarSimulator.GHI);
    int clear = YEAR.columnIndex(SolarSimulator.CLEAR_SKY);
    int night = 0;
    for (int i = 0; i < YEAR.size(); i++) {
      double cosZ = SolarPosition.cosZenith(site.latitude(), site.longitude(), YEAR.time(i));
      if (cosZ <= 0) {
        night++;
        assertEquals(0, YEAR.value(ghi, i), 0.0, "GHI at night, " + YEAR.time(i));
      }
      assertTrue(YEAR.value(ghi, i) <= SolarSimulator.CLEAR_SKY_MARGIN * YEAR.value(clear, i) + 0.1,
          "GHI above the clear-sky margin at " + YEAR.time(i));
    }
    assertEquals(0.5, night / (double) YEAR.size(), 0.03, "about half the hours are night");
  }

  @Test
  void dailyEnergyAndWeatherArePlausibleForTheSite() {
    double[] power = YEAR.column(SolarSimulator.POWER);
    double[] ghi = YEAR.column(SolarSimulator.GHI);
    double[] clear = YEAR.column(SolarSimulator.CLEAR_SKY);
    double energy = 0;
    double insolation = 0;
    double maxClearDay = 0;
    for (int d = 0; d < 365; d++) {
      double cs = 0;
      for (int h = 0; h < 24; h++) {
        energy += power[d * 24 + h];
        insolation += ghi[d * 24 + h];
        cs += clear[d * 24 + h];
      }
      maxClearDay = Math.max(maxClearDay, cs);
    }
    double perKwpDay = energy / 365 / Site.golden().capacityKw();
    assertTrue(perKwpDay > 2.5 && perKwpDay < 6, "PV yield " + perKwpDay + " kWh/kWp/day");
    double ghiDay = insolation / 365 / 1000;
    assertTrue(ghiDay > 3.5 && ghiDay < 6, "mean GHI " + ghiDay + " kWh/m2/day (Denver: about 4.9)");
    assertTrue(maxClearDay / 1000 > 7 && maxClearDay / 1000 < 9.5, "clear summer day " + maxClearDay / 1000
        + " kWh/m2");
    double[] t = YEAR.column(SolarSimulator.TEMPERATURE);
    double[] dew = YEAR.column(SolarSimulator.DEW_POINT);
    double[] rh = YEAR.column(SolarSimulator.HUMIDITY);
    double[] cloud = YEAR.column(SolarSimulator.CLOUD);
    double julyMean = 0;
    double januaryMean = 0;
    for (int i = 0; i < t.length; i++) {
      assertTrue(dew[i] <= t[i], "dew point above air temperature");
      assertTrue(rh[i] > 0 && rh[i] <= 100);
      assertTrue(cloud[i] >= 0 && cloud[i] <= 10 && cloud[i] == Math.rint(cloud[i]));
      assertTrue(power[i] >= 0 && power[i] <= Site.golden().capacityKw());
      if (i < 31 * 24) {
        januaryMean += t[i] / (31 * 24);
      }
      if (i >= 181 * 24 && i < 212 * 24) {
        julyMean += t[i] / (31 * 24);
      }
    }
    assertTrue(julyMean > januaryMean + 15, "July " + julyMean + " vs January " + januaryMean);
  }

  @Test
  void humidityFallsInTheAfternoon() {
    double[] rh = YEAR.column(SolarSimulator.HUMIDITY);
    double dawn = 0;
    double afternoon = 0;
    for (int d = 0; d < 365; d++) {
      // local standard time: row 0 is midnight
      dawn += rh[d * 24 + 5];
      afternoon += rh[d * 24 + 15];
    }
    assertTrue(dawn > afternoon + 5 * 365, "relative humidity follows temperature inversely");
  }

  @Test
  void seedsAreReproducible() {
    TimeSeries a = SolarSimulator.of(Site.golden(), LocalDate.of(2021, 5, 1), 10, Duration.ofMinutes(30), 7).simulate();
    TimeSeries b = SolarSimulator.of(Site.golden(), LocalDate.of(2021, 5, 1), 10, Duration.ofMinutes(30), 7).simulate();
    TimeSeries c = SolarSimulator.of(Site.golden(), LocalDate.of(2021, 5, 1), 10, Duration.ofMinutes(30), 8).simulate();
    assertEquals(480, a.size());
    assertTrue(java.util.Arrays.equals(a.column("Power"), b.column("Power")));
    assertFalse(java.util.Arrays.equals(a.column("Power"), c.column("Power")));
    assertNotEquals(a.column("CloudCover")[100], -1);
    assertEquals(ZoneOffset.ofHours(-7), Site.golden().zone());
  }

  /** The committed default data set is what the documented command writes, byte for byte. */
  @Test
  void defaultDataRegeneratesBitForBit() throws IOException {
    Path committed = Path.of("../data/solar-default.csv");
    StringWriter written = new StringWriter();
    TimeSeriesCsvWriter.decimals(6).write(YEAR, written);
    assertEquals(Files.readString(committed), written.toString(),
        "data/solar-default.csv differs from: simulate --days 365 --seed 1 (see data/README.md)");
  }
}
