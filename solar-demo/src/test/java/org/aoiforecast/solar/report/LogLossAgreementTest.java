package org.aoiforecast.solar.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.Evaluation;
import org.aoiforecast.forecasting.Strategies;
import org.aoiforecast.forecasting.evaluation.ProbabilisticMetrics;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.aoiforecast.info.AgeLossProfile;
import org.aoiforecast.info.loss.ConditionalLosses;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.info.estimators.TheilerWindow;
import org.aoiforecast.info.profile.ProfileCurve;
import org.junit.jupiter.api.Test;

/**
 * The theory's check for the log loss: on data whose conditional distribution is Gaussian with a
 * spread that varies with the input ({@code y_t = x_{t-2} + 0.5 e^{x_{t-2}/2} ε_t}, {@code x}
 * white noise; window 2 holds {@code x_{t-2}} at ages 1 and 2), the least log loss is {@code H(Y |
 * X) = ½ ln(2πe) + ln 0.5} nats. The no-training KSG estimate of the profile and the trained
 * Gaussian network's test log loss both reach it, so they agree with each other per age.
 */
class LogLossAgreementTest {
  private static final double ENTROPY = 0.5 * Math.log(2 * Math.PI * Math.E) + Math.log(0.5);

  @Test
  void trainedLogLossMeetsTheEstimatedConditionalEntropy() {
    int n = 12_000;
    SplittableRandom random = new SplittableRandom(11);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = random.nextGaussian();
      y[t] = t < 2 ? 0 : x[t - 2] + 0.5 * Math.exp(0.5 * x[t - 2]) * random.nextGaussian();
    }
    TimeSeries series = TimeSeries.builder(Instant.parse("2020-01-01T00:00:00Z"), Duration.ofHours(1))
        .column("x", x).column("y", y).build();
    AgedDatasetSpec spec = AgedDatasetSpec.builder().target("y").sources("x").window(2).ages(AgeSet.of(1, 2)).build();
    ProfileCurve estimate = AgeLossProfile.builder(spec).loss(Loss.LOG).withoutPerSourceProfiles().markovLags()
        .estimator(ConditionalLosses.named("ksg", Loss.LOG, 0, TheilerWindow.none(), 1)).bootstrap(20).build()
        .estimate(series).profiles().get(0);
    Splits splits = AgedDataset.of(series, spec).split(ChronologicalSplit.defaults());
    NetworkConfig gaussian = NetworkConfig.builder().hidden(32, 32).maxEpochs(40).patience(6).pooledEpochFactor(2)
        .head(OutputHead.GAUSSIAN).build();
    Evaluation.Run<AgeAwareForecaster> run = Evaluation.run(splits, Strategies.pooledWithAge(gaussian),
        TrainingListener.NONE);
    ProbabilisticMetrics test = run.result().probabilistic().orElseThrow().test();
    double[] network = test.logLoss();
    double deviation = ReportWriter.agreement(estimate, network);
    System.out.printf("H(Y|X) %.4f nats; KSG estimate %s; network test log loss %s; mean relative deviation %.4f%n",
        ENTROPY, java.util.Arrays.toString(estimate.values()), java.util.Arrays.toString(network), deviation);
    for (int k = 0; k < 2; k++) {
      assertEquals(ENTROPY, estimate.values()[k], 0.05, "KSG estimate at age " + (k + 1));
      assertEquals(ENTROPY, network[k], 0.05, "network's test log loss at age " + (k + 1));
    }
    assertTrue(deviation < 0.08, "mean relative deviation " + deviation);
  }
}
