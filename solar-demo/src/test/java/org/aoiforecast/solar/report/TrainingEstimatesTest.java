package org.aoiforecast.solar.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.aoiforecast.core.ProgressListener;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.FoldLayout;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.solar.data.SolarData;
import org.aoiforecast.solar.data.SolarFormat;
import org.junit.jupiter.api.Test;

/**
 * The estimates a run compares its networks with are of the rows those networks trained on. The
 * series: {@code y[t] = x[t−1] + s(t) ε[t]} with independent standard normal x and ε, {@code s = 0.5}
 * in the first 70 % of the rows and 2 after, so the least MSE from the age-1 reading of x is 0.25
 * on the training part and {@code 0.7 · 0.25 + 0.3 · 4 = 1.375} over the whole series; from the
 * age-2 reading it is 1.25 on the training part.
 */
class TrainingEstimatesTest {
  private static final int ROWS = 6000;

  private static SolarData data() {
    SplittableRandom r = new SplittableRandom(5);
    double[] x = new double[ROWS];
    double[] y = new double[ROWS];
    for (int t = 0; t < ROWS; t++) {
      x[t] = r.nextGaussian();
      double s = t < 0.7 * ROWS ? 0.5 : 2;
      y[t] = (t == 0 ? 0 : x[t - 1]) + s * r.nextGaussian();
    }
    TimeSeries series = TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1))
        .column("x", x).column("y", y).build();
    return new SolarData(series, Optional.empty(), SolarFormat.CSV, "y", List.of("x"));
  }

  private static Study study(List<String> strategies, boolean intervals, Map<String, AgeSet> sourceAges) {
    StudySettings settings = new StudySettings("y", List.of("x"), AgeSet.of(1, 2), new int[] {1}, 1, 0,
        Loss.QUADRATIC, "knn", List.of(), 10, NetworkConfig.defaults().toBuilder().maxEpochs(2).build(), strategies,
        1, sourceAges, sourceAges.isEmpty() ? 0 : 4, intervals, null);
    return new Study(data(), settings);
  }

  /** Trains the study on its chronological split, then estimates what the run compares it with. */
  private static Study.Estimates trainedAndEstimated(Study study) {
    Study.Training training = study.train(TrainingListener.NONE);
    return study.trainingEstimates(study.analyze(ProgressListener.NONE), training, ProgressListener.NONE);
  }

  @Test
  void theQuadraticEstimateIsOfTheTrainingPartNotTheWholeSeries() {
    Study study = study(List.of("persistence"), false, Map.of());
    Study.Estimates estimates = trainedAndEstimated(study);
    ProfileCurve mse = estimates.mse().orElseThrow();
    assertEquals(0.25, mse.values()[0], 0.1 * 0.25, "age 1 on the training part");
    assertEquals(1.25, mse.values()[1], 0.1 * 1.25, "age 2 on the training part");
    assertTrue(estimates.logLoss().isEmpty(), "no distribution was trained");
    // the whole series' profile (the analysis) describes other data
    ProfileCurve whole = ReportWriter.findAll(study.analyze(ProgressListener.NONE), 1);
    assertEquals(1.375, whole.values()[0], 0.1 * 1.375, "age 1 over the whole series");
  }

  @Test
  void aGaussianHeadAlsoGetsTheLogLossOfTheTrainingPart() {
    Study study = study(List.of("pooled-with-age"), true, Map.of());
    Study.Estimates estimates = trainedAndEstimated(study);
    // H(Y | X) of a Gaussian with variance 0.25: ½ ln(2πe · 0.25)
    double entropy = 0.5 * Math.log(2 * Math.PI * Math.E * 0.25);
    assertEquals(entropy, estimates.logLoss().orElseThrow().values()[0], 0.05);
    assertEquals(0.25, estimates.mse().orElseThrow().values()[0], 0.1 * 0.25);
  }

  @Test
  void aBacktestIsComparedOnItsLastFoldsTrainingRows() {
    Study study = study(List.of("persistence"), false, Map.of());
    Study.Training training = study.backtest(2, TrainingListener.NONE);
    FoldLayout last = study.backtestLayout(2).get(1);
    AgedDataset part = study.trainingPart(training);
    assertEquals(last.trainFrom(), part.segmentStart());
    assertEquals(last.trainTo(), part.segmentEnd());
    AgedDataset split = study.trainingPart(study.train(TrainingListener.NONE));
    assertEquals(study.splits().train().segmentEnd(), split.segmentEnd());
  }

  @Test
  void perSourceAgesAreNotComparedWithTheSharedAgeProfile() {
    Study study = study(List.of("persistence"), false, Map.of("x", AgeSet.of(1, 2)));
    Study.Training training = study.train(TrainingListener.NONE);
    assertTrue(study.trainingEstimates(study.analyze(ProgressListener.NONE), training, ProgressListener.NONE)
        .isEmpty());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> study.trainingEstimate(study.trainingPart(training), Loss.QUADRATIC, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("per-source ages"), e.getMessage());
  }
}
