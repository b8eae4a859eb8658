package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipFile;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.GaussianForecasts;
import org.aoiforecast.forecasting.evaluation.ProbabilisticMetrics;
import org.aoiforecast.forecasting.evaluation.ProbabilisticResult;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.forecasting.model.ModelFile;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gaussian head on data with known Gaussian noise: {@code x} white noise, {@code y_t = x_{t-2} +
 * σ(x_{t-2}) ε_t} with {@code σ(x) = 0.5 e^{x/2}}, so that at ages 1 and 2 (window 2, which holds
 * {@code x_{t-2}}) the conditional distribution is exactly {@code N(x, σ(x)²)}: the central 80 %
 * interval covers 80 % of outcomes and the least log loss is {@code E[½ ln(2πe σ(X)²)] =
 * ½ ln(2πe) + ln 0.5} nats (since {@code E[X] = 0}).
 */
class GaussianHeadTest {
  private static final double TRUE_LOG_LOSS = 0.5 * Math.log(2 * Math.PI * Math.E) + Math.log(0.5);
  private static final NetworkConfig GAUSSIAN = NetworkConfig.builder().hidden(32, 32).maxEpochs(40).patience(6)
      .pooledEpochFactor(2).head(OutputHead.GAUSSIAN).build();
  private static Splits splits;
  private static TimeSeries series;
  private static AgeAwareForecaster model;
  private static StrategyResult result;

  @TempDir
  Path dir;

  static double sigma(double x) {
    return 0.5 * Math.exp(0.5 * x);
  }

  /**
   * @param n hours
   * @return the series described above ({@code x} and {@code y}, hourly, seed 11)
   */
  static TimeSeries heteroscedastic(int n) {
    SplittableRandom random = new SplittableRandom(11);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = random.nextGaussian();
      y[t] = t < 2 ? 0 : x[t - 2] + sigma(x[t - 2]) * random.nextGaussian();
    }
    return TimeSeries.builder(Instant.parse("2020-01-01T00:00:00Z"), Duration.ofHours(1)).column("x", x)
        .column("y", y).build();
  }

  /**
   * @param s a series of {@link #heteroscedastic}
   * @return its splits at ages 1 and 2 with a window of 2 (chronological, defaults)
   */
  static Splits splits(TimeSeries s) {
    return AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("x").window(2)
        .ages(AgeSet.of(1, 2)).build()).split(ChronologicalSplit.defaults());
  }

  @BeforeAll
  static void train() {
    series = heteroscedastic(12_000);
    splits = splits(series);
    Evaluation.Run<AgeAwareForecaster> run = Evaluation.run(splits, Strategies.pooledWithAge(GAUSSIAN),
        TrainingListener.NONE);
    model = run.forecaster();
    result = run.result();
  }

  @Test
  void intervalsCoverTheirProbabilityAndTheLogLossReachesTheConditionalEntropy() {
    ProbabilisticMetrics test = result.probabilistic().orElseThrow().test();
    System.out.printf("coverage %s, log loss %s (conditional entropy %.4f)%n", java.util.Arrays.toString(
        test.coverage()), java.util.Arrays.toString(test.logLoss()), TRUE_LOG_LOSS);
    for (int k = 0; k < test.size(); k++) {
      // about 1,800 test samples per age: the binomial spread of a coverage is 0.01
      assertEquals(0.80, test.coverage()[k], 0.03, "coverage at age " + test.ages()[k]);
      assertTrue(test.logLoss()[k] > TRUE_LOG_LOSS - 0.05 && test.logLoss()[k] < TRUE_LOG_LOSS + 0.06,
          "log loss " + test.logLoss()[k] + " vs the conditional entropy " + TRUE_LOG_LOSS);
    }
    // the point errors are those of the means, whose best MSE is E[σ(X)²] = 0.25 E[e^X] = 0.25 √e
    assertEquals(0.25 * Math.sqrt(Math.E), result.test().meanMse(), 0.03);
    // the report's factor per reporting age is a sample-weighted mean of the age vectors' factors:
    // n·f/n may round to a neighbouring double, so the comparison allows a few ulps, not one bit
    assertArrayEquals(model.calibration(splits.test()), result.probabilistic().orElseThrow().calibration(), 1e-12);
  }

  @Test
  void theTestPartIsAlsoScoredRecalibratedOnline() {
    ProbabilisticResult p = result.probabilistic().orElseThrow();
    ProbabilisticMetrics online = p.testOnline();
    assertEquals(OnlineRecalibration.DEFAULT_RATE, p.onlineRate(), 0);
    // the same forecasts, spreads rescaled as in OnlineRecalibration.apply on the test part
    ProbabilisticMetrics expected = ProbabilisticMetrics.of(splits.test(),
        OnlineRecalibration.of(0.8).apply(splits.test(), model.predictDistribution(splits.test())));
    assertArrayEquals(expected.coverage(), online.coverage(), 0);
    assertArrayEquals(expected.crps(), online.crps(), 0);
    for (int k = 0; k < online.size(); k++) {
      // stationary noise: online, coverage stays at the level and the CRPS within 1 % of the fixed calibration's
      assertEquals(0.80, online.coverage()[k], 0.02, "online coverage at age " + online.ages()[k]);
      assertEquals(p.test().crps()[k], online.crps()[k], 0.01 * p.test().crps()[k]);
    }
  }

  @Test
  void theSpreadFollowsTheNoiseOfEachSample() {
    AgedDataset test = splits.test();
    GaussianForecasts f = model.predictDistribution(test);
    double[] truth = new double[test.size()];
    for (int r = 0; r < test.size(); r++) {
      truth[r] = sigma(series.value(0, test.anchorRow(r) - 2));
    }
    double correlation = new org.apache.commons.math3.stat.correlation.PearsonsCorrelation()
        .correlation(truth, f.sd());
    assertTrue(correlation > 0.9, "correlation of predicted and true standard deviations " + correlation);
    assertArrayEquals(model.predict(test), f.mean(), 0.0);
  }

  @Test
  void aGaussianModelSavesLoadsAndForecastsItsIntervalLive() throws Exception {
    Path file = dir.resolve("gaussian.aoi");
    model.save(file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String json = new String(zip.getInputStream(zip.getEntry("forecaster.json")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertTrue(json.contains("\"format\" : " + ModelFile.FORMAT) && json.contains("\"head\" : \"GAUSSIAN\"")
          && json.contains("\"calibration\""), json);
    }
    AgeAwareForecaster back = AgeAwareForecaster.load(file);
    assertTrue(back.isProbabilistic());
    assertEquals(model.config(), back.config());
    assertEquals(model.calibration(), back.calibration());
    AgedDataset test = splits.test();
    GaussianForecasts before = model.predictDistribution(test);
    GaussianForecasts after = back.predictDistribution(test);
    assertArrayEquals(before.mean(), after.mean(), 0.0);
    assertArrayEquals(before.sd(), after.sd(), 0.0);

    int row = test.firstRowOf(1) + 40; // an age-2 sample
    int t = test.anchorRow(row);
    double[] window = {series.value(0, t - 2), series.value(0, t - 3)};
    GaussianForecast live = back.forecastDistribution(ForecastRequest.at(series.time(t))
        .source("x", Duration.ofHours(2), window).build());
    assertEquals(before.mean(row), live.mean(), 1e-5);
    assertEquals(before.sd(row), live.sd(), 1e-5);
    assertEquals(live.mean(), live.median(), 0.0);
    assertEquals(live.mean() - 1.2815515655446004 * live.sd(), live.lower(0.8), 1e-9);
    assertEquals(live.mean() + 1.2815515655446004 * live.sd(), live.upper(0.8), 1e-9);
    assertEquals(live.quantile(0.9), live.upper(0.8), 1e-12);
    assertEquals(back.forecast(ForecastRequest.at(series.time(t)).source("x", Duration.ofHours(2), window).build()),
        live.mean(), 0.0);
  }

  @Test
  void damagedGaussianModelFilesAreRefusedNamingTheField() throws Exception {
    Path file = dir.resolve("gaussian.aoi");
    model.save(file);
    ModelFiles.assertRefused(ModelFiles.rewriteMeta(file, dir, "\"head\" : \"GAUSSIAN\"", "\"head\" : \"QUANTILES\""),
        "config.head is 'QUANTILES'");
    ModelFiles.assertRefused(ModelFiles.rewriteMeta(file, dir, "\"gaussian\" :", "\"gaussian_renamed\" :"),
        "the field 'gaussian' is missing");
    // a point head whose network has two outputs does not belong together
    ModelFiles.assertRefused(ModelFiles.rewriteMeta(ModelFiles.rewriteMeta(file, dir, "\"head\" : \"GAUSSIAN\"",
        "\"head\" : \"POINT\""), dir, "\"gaussian\" :", "\"gaussian_renamed\" :"), "2 outputs");
  }

  @Test
  void aPointModelSaysHowToGetIntervals() {
    AgeAwareForecaster point = Strategies.pooledWithAge(GAUSSIAN.toBuilder().head(OutputHead.POINT).maxEpochs(1)
        .build()).fit(splits, TrainingListener.NONE);
    assertTrue(!point.isProbabilistic());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> point.predictDistribution(splits.test()));
    assertTrue(e.getMessage().contains("OutputHead.GAUSSIAN") && e.getMessage().contains("--intervals"),
        e.getMessage());
    EvaluationReport report = Evaluation.run(splits, List.of(Strategies.pooledWithoutAge(GAUSSIAN
        .toBuilder().head(OutputHead.POINT).maxEpochs(1).build())), TrainingListener.NONE);
    assertTrue(report.strategies().get(0).probabilistic().isEmpty());
    assertTrue(report.toJson("train").get("strategies").get(0).get("probabilistic").isNull());
  }
}
