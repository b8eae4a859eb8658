package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.KnownCovariates;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.model.ModelFile;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.SmartPersistenceRegressor;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pooled network whose linear path takes smart persistence: live forecasts equal the data set's
 * at every hour of a day (night, sunrise with no reading above the guard, day), the model file
 * keeps the regressor, and a request without the clear sky at the readings is refused by name.
 */
class SmartPersistencePathTest {
  private static final String CLEAR_SKY = "ClearSkyGHI";
  private static final NetworkConfig FAST = NetworkConfig.builder().hidden(16).maxEpochs(4).patience(2)
      .smartPersistence(CLEAR_SKY).build();
  private static Splits splits;
  private static AgeAwareForecaster model;

  @TempDir
  Path dir;

  /** Hourly clear sky of a 12-hour day, GHI = a wandering clear-sky index × clear sky, and a temperature. */
  @BeforeAll
  static void train() {
    int n = 24 * 50;
    double[] cs = new double[n];
    double[] ghi = new double[n];
    double[] temperature = new double[n];
    Random random = new Random(11);
    double z = 0;
    for (int i = 0; i < n; i++) {
      int hour = i % 24;
      cs[i] = hour >= 6 && hour <= 18 ? 1000 * Math.sin(Math.PI * (hour - 6) / 12) : 0;
      z = 0.9 * z + 0.15 * random.nextGaussian();
      ghi[i] = Math.max(0.1, Math.min(1.1, 0.6 + z)) * cs[i];
      temperature[i] = 10 + 0.01 * ghi[i] + random.nextGaussian();
    }
    TimeSeries s = TimeSeries.builder(Instant.parse("2021-03-01T00:00:00Z"), Duration.ofHours(1))
        .column(CLEAR_SKY, cs).column("GHI", ghi).column("Temperature", temperature).build();
    AgedDatasetSpec spec = AgedDatasetSpec.builder().target("GHI").sources("Temperature", "GHI").window(3)
        .ages(AgeSet.of(1, 2, 4, 8)).covariate(KnownCovariates.column(CLEAR_SKY)).build();
    splits = AgedDataset.of(s, spec).split(ChronologicalSplit.defaults());
    model = Strategies.pooledWithAge(FAST).fit(splits, TrainingListener.NONE);
  }

  @Test
  void liveForecastsEqualTheDataSetsAtEveryHourAndSurviveSaveAndLoad() throws IOException {
    SmartPersistenceRegressor r = model.linearBase().orElseThrow().smartPersistence().orElseThrow();
    assertEquals(6, r.fadeSteps());
    Path file = dir.resolve("smart.aoi");
    model.save(file);
    String meta = ModelFiles.meta(file);
    assertTrue(meta.contains("\"format\" : " + ModelFile.FORMAT) && meta.contains("\"smart_persistence\" : {"), meta);
    AgeAwareForecaster back = AgeAwareForecaster.load(file);
    assertEquals(model.linearBase(), back.linearBase());
    ModelFiles.assertRefused(ModelFiles.rewriteMeta(file, dir, "\"fade_steps\"", "\"fade_step\""),
        "linear_base.smart_persistence.fade_steps");
    ModelFiles.assertRefused(ModelFiles.rewriteMeta(file, dir, "\"column\" : \"ClearSkyGHI\"", "\"column\" : \"DNI\""),
        "'DNI' among the known covariates");
    assertEquals(model.config(), back.config());
    AgedDataset test = splits.test();
    double[] predicted = model.predict(test);
    assertArrayEquals(predicted, back.predict(test), 0.0);
    TimeSeries s = test.series();
    for (int k = 0; k < test.ageVectorCount(); k++) {
      for (int row = test.firstRowOf(k); row < test.firstRowOf(k) + 24; row++) { // a whole day
        int t = test.anchorRow(row);
        int age = test.age(row, 1);
        assertEquals(predicted[row], back.forecast(request(s, t, test.age(row, 0), age).build()), 1e-5,
            "age " + age + ", hour " + (t % 24));
      }
    }
  }

  @Test
  void aRequestWithoutTheClearSkyAtTheReadingsIsRefusedByName() {
    TimeSeries s = splits.test().series();
    int t = splits.test().anchorRow(30);
    ForecastRequest.Builder partial = ForecastRequest.at(s.time(t))
        .source("Temperature", Duration.ofHours(1), window(s, "Temperature", t - 1))
        .source("GHI", Duration.ofHours(1), window(s, "GHI", t - 1))
        .covariate(CLEAR_SKY, s.value(s.columnIndex(CLEAR_SKY), t));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.forecast(partial.build()));
    assertTrue(e.getMessage().contains("smart persistence on 'ClearSkyGHI'")
        && e.getMessage().contains("covariateAtReadings(\"ClearSkyGHI\""), e.getMessage());
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> model.forecast(partial.covariateAtReadings(CLEAR_SKY, 1, 2).build()));
    assertTrue(length.getMessage().contains("2 values at the readings given, the window is 3"), length.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ForecastRequest.at(s.time(t)).covariateAtReadings(CLEAR_SKY, 1, Double.NaN, 3));
  }

  @Test
  void withoutTheClearSkyCovariateTrainingIsRefusedBeforeItStarts() {
    AgedDatasetSpec plain = AgedDatasetSpec.builder().target("GHI").sources("GHI").window(3).ages(AgeSet.of(1, 2))
        .build();
    Splits other = AgedDataset.of(splits.train().series(), plain).split(ChronologicalSplit.defaults());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Strategies.pooledWithAge(FAST).fit(other, TrainingListener.NONE));
    assertTrue(e.getMessage().contains("among the known covariates"), e.getMessage());
    // without the regressor the same data train as before
    assertTrue(Strategies.pooledWithAge(FAST.toBuilder().smartPersistence(null).linearPath(LinearPath.PER_AGE).build())
        .fit(other, TrainingListener.NONE).linearBase().orElseThrow().smartPersistence().isEmpty());
  }

  /** The request for anchor row t: both sources' windows at their ages and the clear sky where needed. */
  private static ForecastRequest.Builder request(TimeSeries s, int t, int temperatureAge, int ghiAge) {
    int cs = s.columnIndex(CLEAR_SKY);
    double[] atReadings = new double[3];
    for (int lag = 0; lag < 3; lag++) {
      atReadings[lag] = s.value(cs, t - ghiAge - lag);
    }
    return ForecastRequest.at(s.time(t))
        .source("Temperature", Duration.ofHours(temperatureAge), window(s, "Temperature", t - temperatureAge))
        .source("GHI", Duration.ofHours(ghiAge), window(s, "GHI", t - ghiAge))
        .covariate(CLEAR_SKY, s.value(cs, t))
        .covariateAtReadings(CLEAR_SKY, atReadings);
  }

  private static double[] window(TimeSeries s, String column, int newest) {
    int c = s.columnIndex(column);
    return new double[] {s.value(c, newest), s.value(c, newest - 1), s.value(c, newest - 2)};
  }
}
