package org.aoiforecast.forecasting.bench;

import java.util.List;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.Evaluation;
import org.aoiforecast.forecasting.Strategies;
import org.aoiforecast.forecasting.Tmy3Study;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.forecasting.nn.Architecture;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.TrainingListener;

/**
 * The study-level cost: the per-age loss curve over 48 ages from one pooled network against one
 * per-age network and against the whole per-age sweep, on the TMY3 claim setting (GHI; GHI,
 * temperature, humidity, cloud cover; u = 6; ages 1..48; default network settings). The PyTorch
 * per-age recipe on the same data is docs/benchmarks/torch_peer.py --recipe.
 *
 * <p>With the argument {@code lstm} it also trains the pooled network as an LSTM(32) over the
 * window, to set its accuracy and cost next to the default MLP's.
 *
 * <p>Run: {@code mvn -q -pl forecasting test-compile exec:exec
 * -Dbench.main=org.aoiforecast.forecasting.bench.StudyBench -Dbench.args=lstm -Dbench.jvmArgs=-Xmx1g}
 * (needs ../shared/data).
 */
public final class StudyBench {
  private StudyBench() {}

  public static void main(String[] args) {
    Splits splits = Tmy3Study.splits();
    NetworkConfig config = NetworkConfig.defaults();
    EvaluationReport report = Evaluation.run(splits, List.of(Strategies.perAge(config),
        Strategies.pooledWithAge(config)), TrainingListener.NONE);
    StrategyResult perAge = report.strategy(Strategies.PER_AGE);
    StrategyResult pooled = report.strategy(Strategies.POOLED_WITH_AGE);
    double onePerAge = perAge.trainSeconds() / perAge.networks();
    System.out.printf("machine: %d cores%n", Runtime.getRuntime().availableProcessors());
    System.out.printf("per-age sweep: %d networks, %.1f s (%.2f s per network), mean test MSE %.0f%n",
        perAge.networks(), perAge.trainSeconds(), onePerAge, perAge.test().meanMse());
    System.out.printf("pooled-with-age: 1 network, %.1f s, mean test MSE %.0f%n", pooled.trainSeconds(),
        pooled.test().meanMse());
    System.out.printf("pooled curve cost = %.1f x one per-age network; sweep / pooled = %.1f x%n",
        pooled.trainSeconds() / onePerAge, perAge.trainSeconds() / pooled.trainSeconds());
    if (List.of(args).contains("lstm")) {
      NetworkConfig lstm = config.toBuilder().architecture(org.aoiforecast.forecasting.nn.Architecture.LSTM).hidden(32)
          .build();
      StrategyResult r = Evaluation.run(splits, Strategies.pooledWithAge(lstm), TrainingListener.NONE).result();
      System.out.printf("pooled-with-age LSTM(32): %.1f s, mean test MSE %.0f (MLP: %.1f s, %.0f)%n", r.trainSeconds(),
          r.test().meanMse(), pooled.trainSeconds(), pooled.test().meanMse());
    }
  }
}
