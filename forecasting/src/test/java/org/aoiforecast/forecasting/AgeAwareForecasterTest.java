package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.KnownCovariates;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.evaluation.AgeMetrics;
import org.aoiforecast.forecasting.model.ModelFile;
import org.aoiforecast.forecasting.model.ModelFileException;
import org.aoiforecast.forecasting.model.Provenance;
import org.aoiforecast.forecasting.nn.Architecture;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.TrainingException;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training mechanics, persistence, live forecasts and bad input, on a small synthetic series. */
class AgeAwareForecasterTest {
  private static final NetworkConfig FAST = NetworkConfig.builder().hidden(16).maxEpochs(8).patience(3).build();
  private static Splits splits;
  private static AgeAwareForecaster model;

  @TempDir
  Path dir;

  @BeforeAll
  static void train() {
    TimeSeries s = new SyntheticProcess(0.8, 0).sample(3000, 1);
    splits = AgedDataset.of(s, AgedDatasetSpec.builder().target("x").sources("x").window(3)
        .ages(AgeSet.of(1, 2, 4)).covariates(KnownCovariates.hourOfDay(ZoneOffset.UTC)).build())
        .split(ChronologicalSplit.defaults());
    model = Strategies.pooledWithAge(FAST).fit(splits, TrainingListener.NONE);
  }

  @Test
  void sameSeedGivesTheSameWeights() {
    AgeAwareForecaster again = Strategies.pooledWithAge(FAST).fit(splits, TrainingListener.NONE);
    assertEquals(model.network().params(), again.network().params());
    AgeAwareForecaster other = Strategies.pooledWithAge(FAST.toBuilder().seed(7).build())
        .fit(splits, TrainingListener.NONE);
    assertTrue(!model.network().params().equals(other.network().params()));
  }

  @Test
  void reportsProgressEveryEpoch() {
    List<TrainingListener.EpochProgress> seen = new ArrayList<>();
    Strategies.pooledWithoutAge(FAST).fit(splits, seen::add);
    assertTrue(seen.size() >= 1 && seen.size() <= FAST.maxEpochs());
    TrainingListener.EpochProgress first = seen.get(0);
    assertEquals(1, first.epoch());
    assertEquals(Strategies.POOLED_WITHOUT_AGE, first.strategy());
    assertTrue(first.samplesPerSecond() > 0 && Double.isFinite(first.trainLoss())
        && Double.isFinite(first.validationLoss()) && first.etaSeconds() >= 0);
  }

  @Test
  void saveLoadPredictGivesIdenticalOutputs() {
    Path file = dir.resolve("m.aoi");
    model.save(file);
    AgeAwareForecaster back = AgeAwareForecaster.load(file);
    assertArrayEquals(model.predict(splits.test()), back.predict(splits.test()), 0.0);
    assertEquals(model.layout(), back.layout());
    assertEquals(model.config(), back.config());
    assertEquals(model.summary(), back.summary());
    Provenance p = back.provenance().orElseThrow();
    assertEquals(model.provenance().orElseThrow(), p);
    assertEquals(splits.train().series().time(0), p.trainingStart());
    assertEquals(splits.train().size(), p.trainingSamples());
    assertTrue(p.properties().isEmpty(), "nothing recorded beyond the data");
  }

  @Test
  void provenancePropertiesRoundTripAndLeaveTheForecastsAlone() {
    Provenance p = model.provenance().orElseThrow().withProperties(Map.of("site.latitude", "39.74", "a", "1"));
    AgeAwareForecaster annotated = model.withProvenance(p);
    Path file = dir.resolve("annotated.aoi");
    annotated.save(file);
    AgeAwareForecaster back = AgeAwareForecaster.load(file);
    assertEquals(p, back.provenance().orElseThrow());
    assertEquals(List.of("a", "site.latitude"), List.copyOf(back.provenance().orElseThrow().properties().keySet()),
        "properties are sorted by key");
    assertArrayEquals(model.predict(splits.test()), back.predict(splits.test()), 0.0);
    assertEquals(Map.of(), model.provenance().orElseThrow().properties(), "the original is unchanged");
  }

  @Test
  void refusesTruncatedForeignAndInconsistentModelFiles() throws IOException {
    Path file = dir.resolve("m.aoi");
    model.save(file);
    byte[] bytes = Files.readAllBytes(file);
    Path truncated = dir.resolve("truncated.aoi");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
    ModelFiles.assertRefused(truncated, "truncated");
    Path text = dir.resolve("text.aoi");
    Files.writeString(text, "not a model");
    assertThrows(ModelFileException.class, () -> AgeAwareForecaster.load(text));
    ModelFiles.assertRefused(dir.resolve("missing.aoi"), "does not exist");

    Path otherVersion = rewriteMeta(file, "\"format\" : " + ModelFile.FORMAT, "\"format\" : 99");
    ModelFileException v = assertThrows(ModelFileException.class, () -> AgeAwareForecaster.load(otherVersion));
    assertTrue(v.getMessage().contains("format 99")
        && v.getMessage().contains("reads formats 1 to " + ModelFile.FORMAT),
        v.getMessage());

    Path noField = rewriteMeta(file, "\"best_epoch\"", "\"best_epoch_renamed\"");
    ModelFiles.assertRefused(noField, "the field 'training.best_epoch' is missing");

    ModelFiles.assertRefused(dir, "is a directory");

    Path otherLayout = rewriteMeta(file, "\"window\" : 3", "\"window\" : 5");
    ModelFiles.assertRefused(otherLayout, "inputs");
  }

  private Path rewriteMeta(Path file, String from, String to) throws IOException {
    return ModelFiles.rewriteMeta(file, dir, from, to);
  }

  @Test
  void liveForecastMatchesTheDataSetPrediction() {
    AgedDataset test = splits.test();
    double[] predicted = model.predict(test);
    int row = test.firstRowOf(1) + 17; // an age-2 sample
    int t = test.anchorRow(row);
    TimeSeries s = test.series();
    int age = test.age(row, 0);
    double[] window = {s.value(0, t - age), s.value(0, t - age - 1), s.value(0, t - age - 2)};
    double live = model.forecast(ForecastRequest.at(s.time(t)).source("x", Duration.ofHours(age), window).build());
    assertEquals(predicted[row], live, 1e-5);
    // an age between training ages is interpolated
    double between = model.forecast(ForecastRequest.at(s.time(t)).source("x", Duration.ofHours(3), window).build());
    assertTrue(Double.isFinite(between));
  }

  /**
   * The per-age linear path: saved and loaded with identical forecasts, live forecasts equal the
   * data set's, and a file whose path does not fit its layout or names an unknown path is refused.
   */
  @Test
  void perAgePathSavesLoadsAndForecastsLive() throws IOException {
    AgeAwareForecaster m = Strategies.pooledWithAge(FAST.toBuilder().linearPath(LinearPath.PER_AGE).build())
        .fit(splits, TrainingListener.NONE);
    assertEquals(LinearPath.PER_AGE, m.linearBase().orElseThrow().path());
    Path file = dir.resolve("per-age.aoi");
    m.save(file);
    AgeAwareForecaster back = AgeAwareForecaster.load(file);
    assertEquals(m.linearBase(), back.linearBase());
    assertArrayEquals(m.predict(splits.test()), back.predict(splits.test()), 0.0);
    AgedDataset test = splits.test();
    int row = test.firstRowOf(2) + 5; // an age-4 sample
    int t = test.anchorRow(row);
    TimeSeries s = test.series();
    double[] window = {s.value(0, t - 4), s.value(0, t - 5), s.value(0, t - 6)};
    assertEquals(m.predict(test)[row],
        back.forecast(ForecastRequest.at(s.time(t)).source("x", Duration.ofHours(4), window).build()), 1e-5);

    double[] c = m.linearBase().orElseThrow().coefficients();
    Path shorter = rewriteMeta(file, "\"coefficients\" : [ " + json(c[0]), "\"coefficients\" : [ ");
    ModelFiles.assertRefused(shorter, "PER_AGE linear path over this layout has " + c.length + " coefficients, got "
        + (c.length - 1));
    Path unknown = rewriteMeta(file, "\"linear_path\" : \"PER_AGE\"", "\"linear_path\" : \"CUBIC\"");
    ModelFiles.assertRefused(unknown, "unknown linear path 'CUBIC'");
    // the default path keeps the name earlier versions wrote, so that they read the file
    Path ageLinear = dir.resolve("age-linear.aoi");
    model.save(ageLinear);
    assertTrue(ModelFiles.meta(ageLinear).contains("\"linear_path\" : \"RIDGE\""), ModelFiles.meta(ageLinear));
  }

  /** A coefficient as the model file's JSON writes it, followed by the separator. */
  private static String json(double v) {
    return v + ", ";
  }

  @Test
  void liveRequestsAreChecked() {
    var at = splits.test().series().time(100);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> model.forecast(ForecastRequest.at(at).build()));
    assertTrue(missing.getMessage().contains("missing source 'x'"), missing.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> model.forecast(
        ForecastRequest.at(at).source("x", Duration.ofHours(1), 1, 2, 3).source("y", Duration.ZERO, 1, 2, 3).build()));
    assertTrue(unknown.getMessage().contains("unknown source 'y'"), unknown.getMessage());
    IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
        () -> model.forecast(ForecastRequest.at(at).source("x", Duration.ofHours(1), 1, 2).build()));
    assertTrue(window.getMessage().contains("window is 3"), window.getMessage());
    IllegalArgumentException old = assertThrows(IllegalArgumentException.class,
        () -> model.forecast(ForecastRequest.at(at).source("x", Duration.ofHours(9), 1, 2, 3).build()));
    assertTrue(old.getMessage().contains("extrapolate"), old.getMessage());
    assertTrue(Double.isFinite(model.allowingExtrapolation()
        .forecast(ForecastRequest.at(at).source("x", Duration.ofHours(9), 1, 2, 3).build())));
    assertThrows(IllegalArgumentException.class,
        () -> ForecastRequest.at(at).source("x", Duration.ofHours(-1), 1, 2, 3));
  }

  @Test
  void evaluationIsPerAgeInTargetUnits() {
    AgeMetrics m = model.evaluate(splits.test());
    assertArrayEquals(new int[] {1, 2, 4}, m.ages());
    double[] mse = m.mse();
    assertTrue(mse[0] < mse[2], "older features forecast worse on an AR(1): " + Arrays.toString(mse));
    for (int i = 0; i < 3; i++) {
      assertEquals(Math.sqrt(mse[i]), m.rmse()[i], 1e-12);
      assertTrue(m.mae()[i] <= m.rmse()[i] + 1e-12);
    }
  }

  @Test
  void dataOfAnotherLayoutIsRefused() {
    TimeSeries s = splits.test().series();
    AgedDataset other = AgedDataset.of(s,
        AgedDatasetSpec.builder().target("x").sources("x").window(2).ages(AgeSet.of(1, 2, 4)).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.predict(other));
    assertTrue(e.getMessage().contains("window 2 (model: 3)"), e.getMessage());
  }

  @Test
  void lstmWithAgeInputAndCovariatesTrainsSavesAndForecastsLive() {
    NetworkConfig lstm = FAST.toBuilder().architecture(Architecture.LSTM).hidden(8).maxEpochs(2).build();
    AgeAwareForecaster m = Strategies.pooledWithAge(lstm).fit(splits, TrainingListener.NONE);
    Path file = dir.resolve("lstm.aoi");
    m.save(file);
    AgeAwareForecaster back = AgeAwareForecaster.load(file);
    AgedDataset test = splits.test();
    double[] predicted = back.predict(test);
    assertArrayEquals(m.predict(test), predicted, 0.0);
    int row = test.firstRowOf(2) + 5; // an age-4 sample
    int t = test.anchorRow(row);
    TimeSeries s = test.series();
    double[] window = {s.value(0, t - 4), s.value(0, t - 5), s.value(0, t - 6)};
    assertEquals(predicted[row], back.forecast(ForecastRequest.at(s.time(t)).source("x", Duration.ofHours(4), window)
        .build()), 1e-5);
  }

  @Test
  void divergingTrainingStopsNamingTheEpoch() {
    NetworkConfig wild = FAST.toBuilder().learningRate(1e12).build();
    TrainingException e = assertThrows(TrainingException.class,
        () -> Strategies.pooledWithAge(wild).fit(splits, TrainingListener.NONE));
    assertTrue(e.getMessage().contains("at epoch " + e.epoch()), e.getMessage());
  }

  @Test
  void dataTheNetworkCannotUseAreRefused() {
    TimeSeries shortSeries = new SyntheticProcess(0.8, 0).sample(40, 2);
    DataException e = assertThrows(DataException.class, () -> AgedDataset.of(shortSeries,
        AgedDatasetSpec.builder().target("x").sources("x").window(3).ages(AgeSet.range(1, 48)).build()));
    assertTrue(e.getMessage().contains("need at least"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NetworkConfig.builder().batchSize(0).build());
    assertThrows(IllegalArgumentException.class, () -> NetworkConfig.builder().hidden().build());
  }
}
