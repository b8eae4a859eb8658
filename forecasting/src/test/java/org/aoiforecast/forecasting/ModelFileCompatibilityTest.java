package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aoiforecast.core.dataset.AgeEncoding;
import org.aoiforecast.core.dataset.KnownCovariate;
import org.aoiforecast.forecasting.model.ModelFile;
import org.aoiforecast.forecasting.model.SavedModel;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files written by earlier versions keep loading. The fixtures are a format-1 file written by
 * version 0.1.0 of the CLI and a format-2 file written by the version before the Gaussian head
 * (both {@code train --ages 1-6 --window 3 --epochs 2 --strategies pooled-with-age --covariates
 * calendar,clearsky} on the default data; the second with the linear path and 128 × 128 units),
 * each with the forecast its version printed for one request ({@code predict}, four digits).
 */
class ModelFileCompatibilityTest {
  private static final double FORECAST_OF_VERSION_0_1_0 = 1.7398;
  private static final double FORECAST_OF_FORMAT_2 = 1.8745;

  @TempDir
  Path dir;

  private static Path fixture() throws URISyntaxException {
    return fixture("format1-pooled-with-age.aoi");
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(ModelFileCompatibilityTest.class.getResource("/org/aoiforecast/forecasting/model/" + name).toURI());
  }

  private static ForecastRequest request() {
    return ForecastRequest.at(Instant.parse("2021-06-01T18:00:00Z"))
        .source("Power", Duration.ofHours(2), 1.2, 1.5, 1.9)
        .source("Temperature", Duration.ofHours(2), 25, 24, 23)
        .source("RelativeHumidity", Duration.ofHours(3), 40, 42, 45)
        .source("CloudCover", Duration.ofHours(1), 2, 3, 4)
        .covariate("ClearSkyGHI", 850).build();
  }

  @Test
  void formatOneFileLoadsWithTypedLayoutAndForecastsAsBefore() throws Exception {
    AgeAwareForecaster model = AgeAwareForecaster.load(fixture());
    assertEquals("pooled-with-age", model.name());
    assertEquals(AgeEncoding.periodic(24), model.layout().spec().ageEncoding());
    assertEquals(List.of("hour_sin", "hour_cos", "doy_sin", "doy_cos", "ClearSkyGHI"),
        model.layout().spec().covariates().stream().map(KnownCovariate::name).toList());
    assertEquals(6, model.layout().spec().maxAge(0));
    assertTrue(model.provenance().isEmpty(), "format 1 has no provenance");
    assertEquals(FORECAST_OF_VERSION_0_1_0, model.forecast(request()), 5e-5);
  }

  @Test
  void formatTwoFileLoadsAsAPointModelWithItsLinearPathAndForecastsAsBefore() throws Exception {
    AgeAwareForecaster model = AgeAwareForecaster.load(fixture("format2-pooled-with-age.aoi"));
    assertEquals(OutputHead.POINT, model.config().head());
    assertEquals(LinearPath.AGE_LINEAR, model.config().linearPath());
    assertTrue(model.provenance().isPresent(), "format 2 has provenance");
    assertFalse(model.isProbabilistic());
    assertEquals(FORECAST_OF_FORMAT_2, model.forecast(request()), 5e-5);
    Path again = dir.resolve("again2.aoi");
    model.save(again);
    assertEquals(model.forecast(request()), AgeAwareForecaster.load(again).forecast(request()), 0.0);
  }

  @Test
  void aFormatOneModelSavedAgainIsReadAsTheCurrentFormat() throws Exception {
    AgeAwareForecaster old = AgeAwareForecaster.load(fixture());
    Path again = dir.resolve("again.aoi");
    old.save(again);
    SavedModel saved = ModelFile.read(again);
    assertEquals(old.layout(), saved.layout());
    assertArrayEquals(old.standardization().means(), saved.standardization().means(), 0.0);
    assertEquals(old.forecast(request()), AgeAwareForecaster.load(again).forecast(request()), 0.0);
  }
}
