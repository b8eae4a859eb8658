package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.core.dataset.Standardization;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.aoiforecast.forecasting.nn.StoppingScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What early stopping watches ({@link StoppingScore}), on the heteroscedastic data of {@link
 * GaussianHeadTest}, where the likelihood and the squared error rank epochs differently: a
 * Gaussian network stopped on the squared error keeps the epoch whose means have the least
 * validation MSE, and says so in its summary and its model file; for a point head both scores
 * train the same network.
 */
class StoppingScoreTest {
  private static final NetworkConfig GAUSSIAN_MSE = NetworkConfig.builder().hidden(16, 16).maxEpochs(12).patience(4)
      .head(OutputHead.GAUSSIAN).stoppingScore(StoppingScore.SQUARED_ERROR).build();
  private static Splits splits;
  private static AgeAwareForecaster model;
  private static final List<Double> validationScores = new ArrayList<>();

  @TempDir
  Path dir;

  @BeforeAll
  static void train() {
    splits = GaussianHeadTest.splits(GaussianHeadTest.heteroscedastic(6_000));
    model = Strategies.pooledWithAge(GAUSSIAN_MSE).fit(splits, p -> validationScores.add(p.validationLoss()));
  }

  @Test
  void aGaussianNetworkStoppedOnTheSquaredErrorKeepsTheEpochOfTheLeastValidationMse() {
    double least = validationScores.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    assertEquals(least, model.summary().bestValidationLoss(), 0.0);
    assertEquals(validationScores.indexOf(least) + 1, model.summary().bestEpoch());
    // the score is the squared error of the kept network's means on every validation row (fewer
    // than the sample's cap), in standardised units
    AgedDataset validation = splits.validation();
    double[] means = model.predict(validation);
    Standardization st = splits.standardized().train().standardization().orElseThrow();
    double scale = st.unscale("y", 1) - st.unscale("y", 0);
    double sum = 0;
    for (int row = 0; row < validation.size(); row++) {
      double e = (validation.targetValue(row) - means[row]) / scale;
      sum += e * e;
    }
    assertEquals(sum / validation.size(), model.summary().bestValidationLoss(), 1e-4 * (sum / validation.size()));
  }

  @Test
  void theScoreIsSavedWithTheModelAndAnUnknownOneIsRefused() throws Exception {
    Path file = dir.resolve("mse.aoi");
    model.save(file);
    assertTrue(ModelFiles.meta(file).contains("\"stop_on\" : \"SQUARED_ERROR\""), ModelFiles.meta(file));
    assertEquals(GAUSSIAN_MSE, AgeAwareForecaster.load(file).config());
    // files written before the choice existed watched the training loss
    NetworkConfig older = AgeAwareForecaster.load(ModelFiles.rewriteMeta(file, dir, "\"stop_on\" :", "\"renamed\" :"))
        .config();
    assertEquals(StoppingScore.LOSS, older.stoppingScore());
    ModelFiles.assertRefused(ModelFiles.rewriteMeta(file, dir, "\"SQUARED_ERROR\"", "\"CRPS\""),
        "config.stop_on is 'CRPS'; expected LOSS or SQUARED_ERROR");
  }

  @Test
  void forAPointHeadBothScoresTrainTheSameNetwork() {
    NetworkConfig point = GAUSSIAN_MSE.toBuilder().head(OutputHead.POINT).maxEpochs(4).build();
    AgeAwareForecaster mse = Strategies.pooledWithAge(point).fit(splits, p -> { });
    AgeAwareForecaster loss = Strategies.pooledWithAge(point.toBuilder().stoppingScore(StoppingScore.LOSS).build())
        .fit(splits, p -> { });
    assertArrayEquals(loss.predict(splits.test()), mse.predict(splits.test()), 0.0);
    assertEquals(loss.summary().bestValidationLoss(), mse.summary().bestValidationLoss(), 0.0);
  }

  @Test
  void namesAreReadAndShownAsOnTheCommandLine() {
    assertEquals(StoppingScore.SQUARED_ERROR, StoppingScore.ofOption("MSE"));
    assertEquals(StoppingScore.LOSS, StoppingScore.ofOption("loss"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoppingScore.ofOption("crps"));
    assertEquals("unknown stopping score 'crps'; expected loss or mse", e.getMessage());
    assertTrue(GAUSSIAN_MSE.toString().endsWith(" stop-on=mse"), GAUSSIAN_MSE.toString());
    assertFalse(NetworkConfig.defaults().toString().contains("stop-on"), NetworkConfig.defaults().toString());
    assertEquals(GAUSSIAN_MSE, GAUSSIAN_MSE.toBuilder().build());
  }
}
