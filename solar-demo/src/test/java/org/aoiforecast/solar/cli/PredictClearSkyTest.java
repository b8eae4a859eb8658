package org.aoiforecast.solar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.ForecastRequest;
import org.aoiforecast.solar.data.ClearSkyColumn;
import org.aoiforecast.solar.sim.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained on data whose clear-sky column the reader computed carries the recipe, and
 * {@code predict} computes the covariate at the target time itself.
 */
class PredictClearSkyTest {
  @TempDir
  Path dir;

  @Test
  void predictComputesTheClearSkyCovariateFromTheSavedRecipe() {
    Path model = dir.resolve("m.aoi");
    SolarCliTest.Result train = SolarCliTest.cli("train", "--ages", "1-3", "--window", "3", "--epochs", "1",
        "--strategies", "pooled-with-age", "--model", model.toString(), "--quiet");
    assertEquals(0, train.code(), train.err());
    Site golden = Site.golden();
    ClearSkyColumn expected = new ClearSkyColumn(golden.latitude(), golden.longitude(), Duration.ZERO);
    assertEquals(expected, ClearSkyColumn.fromProperties(AgeAwareForecaster.load(model).provenance().orElseThrow()
        .properties()).orElseThrow(), "the embedded data's recipe is saved with the model");

    String at = "2021-06-15T19:00:00Z";
    String[] readings = {"--source", "Power=2:2.9,2.6,2.2", "--source", "Temperature=2:24.1,23.5,22.4",
        "--source", "RelativeHumidity=2:31,33,36", "--source", "CloudCover=2:2,2,3"};
    SolarCliTest.Result computed = SolarCliTest.cli(concat(new String[] {"predict", "--model", model.toString(),
        "--at", at}, readings));
    assertEquals(0, computed.code(), computed.err());
    String value = String.format(Locale.ROOT, "%.1f", expected.at(Instant.parse(at)));
    SolarCliTest.Result given = SolarCliTest.cli(concat(new String[] {"predict", "--model", model.toString(),
        "--at", at, "--covariate", "ClearSkyGHI=" + value}, readings));
    assertEquals(0, given.code(), given.err());
    assertEquals(given.out(), computed.out(), "the computed value is the one a user would give");
    assertTrue(computed.out().contains("Power at " + at), computed.out());
    // the model's linear path takes smart persistence: predict gives it the clear sky at the Power
    // readings' times (2, 3 and 4 hours before the query), as the library's request would
    AgeAwareForecaster loaded = AgeAwareForecaster.load(model);
    assertTrue(loaded.linearBase().orElseThrow().smartPersistence().isPresent(), loaded.config().toString());
    Instant query = Instant.parse(at);
    double expectedForecast = loaded.forecast(ForecastRequest.at(query)
        .source("Power", Duration.ofHours(2), 2.9, 2.6, 2.2)
        .source("Temperature", Duration.ofHours(2), 24.1, 23.5, 22.4)
        .source("RelativeHumidity", Duration.ofHours(2), 31, 33, 36).source("CloudCover", Duration.ofHours(2), 2, 2, 3)
        .covariate(ClearSkyColumn.COLUMN, expected.at(query))
        .covariateAtReadings(ClearSkyColumn.COLUMN, expected.at(query.minus(Duration.ofHours(2))),
            expected.at(query.minus(Duration.ofHours(3))), expected.at(query.minus(Duration.ofHours(4))))
        .build());
    assertTrue(computed.out().contains(String.format(Locale.ROOT, "Power at %s: %.4f", at, expectedForecast)),
        computed.out() + " against " + expectedForecast);
    // the same values given on the command line, as for a file that brought its own clear-sky column
    String atReadings = String.format(Locale.ROOT, "ClearSkyGHI=%s,%s,%s",
        expected.at(query.minus(Duration.ofHours(2))), expected.at(query.minus(Duration.ofHours(3))),
        expected.at(query.minus(Duration.ofHours(4))));
    SolarCliTest.Result explicit = SolarCliTest.cli(concat(new String[] {"predict", "--model", model.toString(),
        "--at", at, "--covariate-at-readings", atReadings}, readings));
    assertEquals(0, explicit.code(), explicit.err());
    assertEquals(computed.out(), explicit.out());
    SolarCliTest.Result short1 = SolarCliTest.cli(concat(new String[] {"predict", "--model", model.toString(),
        "--at", at, "--covariate-at-readings", "ClearSkyGHI=600,500"}, readings));
    assertEquals(2, short1.code(), short1.err());
    assertTrue(short1.err().contains("2 values given, the window is 3"), short1.err());
    SolarCliTest.Result other = SolarCliTest.cli(concat(new String[] {"predict", "--model", model.toString(),
        "--at", at, "--covariate-at-readings", "DNI=1,2,3"}, readings));
    assertEquals(2, other.code(), other.err());
    assertTrue(other.err().contains("DNI") && other.err().contains("'ClearSkyGHI'"), other.err());
    // a value given explicitly still wins over the recipe
    SolarCliTest.Result dark = SolarCliTest.cli(concat(new String[] {"predict", "--model", model.toString(),
        "--at", at, "--covariate", "ClearSkyGHI=0"}, readings));
    assertEquals(0, dark.code(), dark.err());
    assertTrue(!dark.out().equals(computed.out()), dark.out());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
