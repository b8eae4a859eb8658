package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aoiforecast.core.dataset.AgeEncoding;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.baseline.Baselines;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.junit.jupiter.api.Test;

/**
 * The study's claim on real data (TMY3 Greensboro: GHI target; GHI, temperature, humidity and
 * cloud cover as sources, each of age 1..48 h; window u = 6; no calendar covariates, as in the
 * source paper): one network trained on the pooled data with the age as input approaches 48
 * per-age networks and beats the same network without the age input and linear regression.
 * Default network settings, ages encoded with the daily period ({@link AgeEncoding#periodic}).
 *
 * <p>One seed, so the bound against the per-age networks is what one seed can hold: in this
 * setting a single pooled network lands anywhere from about 10 % below to 20 % above the per-age
 * sweep depending on the seed (and, for one seed, on the machine's floating point: docs/decisions.md,
 * "Reproducible on one machine"), while the mean over ten seeds is within 4 % of it; that mean is
 * the claim's figure, measured by {@code StudyBench} (docs/benchmarks.md, "The paper's setting over
 * ten seeds"). The age input and the network's gain over linear regression are far larger than the
 * seed spread, so they are asserted as they are.
 *
 * <p>What the data show beyond the claim (printed here): the pooled network is worst, relative to
 * the per-age networks, at the youngest ages, where a per-age network has the whole training budget
 * for one easy mapping.
 */
class SolarClaimTest {
  /** The pooled network's mean test MSE over the per-age networks' that one seed must stay under. */
  private static final double ONE_SEED_BOUND = 1.25;

  @Test
  void pooledWithAgeApproachesPerAgeAndBeatsPooledWithoutAge() {
    Splits splits = Tmy3Study.splits();
    NetworkConfig config = NetworkConfig.defaults();
    EvaluationReport report = Evaluation.run(splits, List.of(Strategies.perAge(config),
        Strategies.pooledWithAge(config), Strategies.pooledWithoutAge(config), Baselines.linear(),
        Baselines.persistence(), Baselines.seasonalPersistence()), TrainingListener.NONE);
    for (StrategyResult r : report.strategies()) {
      System.out.printf("%-20s mean test MSE %8.0f (W/m^2)^2, age 1: %8.0f, age 24: %8.0f, %6.1f s, %d network(s)%n",
          r.name(), r.test().meanMse(), r.test().mse()[0], r.test().mse()[23], r.trainSeconds(), r.networks());
    }
    double perAge = report.strategy(Strategies.PER_AGE).test().meanMse();
    double withAge = report.strategy(Strategies.POOLED_WITH_AGE).test().meanMse();
    double withoutAge = report.strategy(Strategies.POOLED_WITHOUT_AGE).test().meanMse();
    assertTrue(withAge <= ONE_SEED_BOUND * perAge, "pooled-with-age " + withAge + " vs per-age " + perAge);
    assertTrue(withAge < withoutAge, "pooled-with-age " + withAge + " vs pooled-without-age " + withoutAge);
    double linear = report.strategy(Baselines.LINEAR).test().meanMse();
    assertTrue(withAge < linear, "the network should beat the linear baseline on GHI: " + withAge + " vs " + linear);
  }
}
