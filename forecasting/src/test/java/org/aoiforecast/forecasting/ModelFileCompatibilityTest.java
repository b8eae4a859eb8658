package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files written by earlier versions keep loading. The fixture is a format-1 file written by
 * version 0.1.0 of the CLI ({@code train --ages 1-6 --window 3 --epochs 2 --strategies
 * pooled-with-age --covariates calendar,clearsky} on the default data), with the forecast that
 * version printed for one request ({@code predict}, four digits).
 */
class ModelFileCompatibilityTest {
  private static final double FORECAST_OF_VERSION_0_1_0 = 1.7398;

  @TempDir
  Path dir;

  private static Path fixture() throws URISyntaxException {
    return Path.of(ModelFileCompatibilityTest.class
        .getResource("/org/aoiforecast/forecasting/model/format1-pooled-with-age.aoi").toURI());
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
