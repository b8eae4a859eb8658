package org.aoiforecast.solar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.aoiforecast.forecasting.AgeAwareForecaster;
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
