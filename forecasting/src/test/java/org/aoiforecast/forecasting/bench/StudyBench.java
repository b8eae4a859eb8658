package org.aoiforecast.forecasting.bench;

import java.util.List;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.Evaluation;
import org.aoiforecast.forecasting.Strategies;
import org.aoiforecast.forecasting.Tmy3Study;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.forecasting.nn.Architecture;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.aoiforecast.forecasting.nn.StoppingScore;
import org.aoiforecast.forecasting.nn.TrainingListener;

/**
 * The study-level cost: the per-age loss curve over 48 ages from one pooled network against one
 * per-age network (the sweep on one thread, divided by its 48 networks) and against the whole
 * per-age sweep (networks side by side on every core), on the TMY3 claim setting (GHI; GHI,
 * temperature, humidity, cloud cover; u = 6; ages 1..48; default network settings). The PyTorch
 * per-age recipe on the same data is docs/benchmarks/torch_peer.py --recipe.
 *
 * <p>Numeric arguments are further seeds of the pooled network (mean and range over seeds). With
 * the argument {@code lstm} it also trains the pooled network as an LSTM(32) over the
 * window, to set its accuracy and cost next to the default MLP's. With the argument {@code
 * gaussian} the pooled network has the Gaussian head (its means scored), as {@code train} and
 * {@code run} train it by default; the per-age networks keep the squared error of the recipe. The
 * arguments {@code lr=RATE}, {@code batch=ROWS}, {@code plateau=FACTOR}, {@code path=FORM}
 * ({@code per-age}, {@code age-linear} or {@code none}) and {@code stop=SCORE} ({@code loss} or
 * {@code mse}) change the pooled network's learning rate, minibatch size, plateau decay, linear
 * path and stopping score (levers tried in docs/benchmarks.md). With the argument {@code
 * per-age-gaussian} it also times the per-age sweep on one thread with the Gaussian head: the cost
 * of one per-age network trained like the Gaussian pooled one.
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
    NetworkConfig.Builder pooledBuilder = config.toBuilder();
    if (List.of(args).contains("gaussian")) {
      pooledBuilder.head(OutputHead.GAUSSIAN);
    }
    // levers of the pooled network alone: lr=RATE, batch=ROWS, plateau=FACTOR
    for (String a : args) {
      if (a.startsWith("lr=")) {
        pooledBuilder.learningRate(Double.parseDouble(a.substring(3)));
      } else if (a.startsWith("batch=")) {
        pooledBuilder.batchSize(Integer.parseInt(a.substring(6)));
      } else if (a.startsWith("plateau=")) {
        pooledBuilder.plateauDecay(Double.parseDouble(a.substring(8)));
      } else if (a.startsWith("path=")) {
        pooledBuilder.linearPath(LinearPath.ofOption(a.substring(5)));
      } else if (a.startsWith("stop=")) {
        pooledBuilder.stoppingScore(StoppingScore.ofOption(a.substring(5)));
      }
    }
    NetworkConfig pooledConfig = pooledBuilder.build();
    // warm the JIT and ND4J up first, so that neither side pays the start-up
    Evaluation.run(splits, Strategies.pooledWithAge(pooledConfig.toBuilder().maxEpochs(2).build()),
        TrainingListener.NONE);
    // one thread: the cost of one per-age network, trained as the sweep trains each of its networks
    StrategyResult perAge = Evaluation.run(splits, Strategies.perAge(config, 1), TrainingListener.NONE).result();
    StrategyResult sweep = Evaluation.run(splits, Strategies.perAge(config), TrainingListener.NONE).result();
    StrategyResult pooled = Evaluation.run(splits, Strategies.pooledWithAge(pooledConfig), TrainingListener.NONE)
        .result();
    double onePerAge = perAge.trainSeconds() / perAge.networks();
    if (List.of(args).contains("per-age-gaussian")) {
      NetworkConfig likeForLike = config.toBuilder().head(OutputHead.GAUSSIAN)
          .stoppingScore(pooledConfig.stoppingScore()).build();
      StrategyResult g = Evaluation.run(splits, Strategies.perAge(likeForLike, 1), TrainingListener.NONE).result();
      System.out.printf("per-age sweep with the Gaussian head, one thread: %.1f s (%.2f s per network), mean test MSE"
          + " %.0f; pooled curve cost = %.2f x one such network%n", g.trainSeconds(), g.trainSeconds() / g.networks(),
          g.test().meanMse(), pooled.trainSeconds() / (g.trainSeconds() / g.networks()));
    }
    System.out.printf("machine: %d cores; %s; pooled: %s%n", Runtime.getRuntime().availableProcessors(), config,
        pooledConfig);
    System.out.printf("per-age sweep, one thread: %d networks, %.1f s (%.2f s per network), mean test MSE %.0f%n",
        perAge.networks(), perAge.trainSeconds(), onePerAge, perAge.test().meanMse());
    System.out.printf("per-age sweep, %d threads side by side: %.1f s, mean test MSE %.0f%n",
        Runtime.getRuntime().availableProcessors(), sweep.trainSeconds(), sweep.test().meanMse());
    System.out.printf("pooled-with-age, seed %d: 1 network, %.1f s, mean test MSE %.0f%n", config.seed(),
        pooled.trainSeconds(), pooled.test().meanMse());
    System.out.printf("pooled curve cost = %.2f x one per-age network; sweep (side by side) / pooled = %.1f x%n",
        pooled.trainSeconds() / onePerAge, sweep.trainSeconds() / pooled.trainSeconds());
    // further seeds of the pooled network: its mean and spread, as the PyTorch recipe's (--seed)
    List<Long> seeds = new java.util.ArrayList<>(List.of(config.seed()));
    double[] mse = {pooled.test().meanMse()};
    double[] secs = {pooled.trainSeconds()};
    for (String a : args) {
      if (a.matches("\\d+")) {
        NetworkConfig c = pooledConfig.toBuilder().seed(Long.parseLong(a)).build();
        StrategyResult r = Evaluation.run(splits, Strategies.pooledWithAge(c), TrainingListener.NONE).result();
        System.out.printf("pooled-with-age, seed %s: %.1f s, mean test MSE %.0f%n", a, r.trainSeconds(),
            r.test().meanMse());
        seeds.add(c.seed());
        mse = java.util.Arrays.copyOf(mse, mse.length + 1);
        secs = java.util.Arrays.copyOf(secs, secs.length + 1);
        mse[mse.length - 1] = r.test().meanMse();
        secs[secs.length - 1] = r.trainSeconds();
      }
    }
    if (seeds.size() > 1) {
      var m = java.util.Arrays.stream(mse).summaryStatistics();
      System.out.printf("pooled-with-age over seeds %s: mean test MSE %.0f (range %.0f-%.0f), mean time %.1f s%n",
          seeds, m.getAverage(), m.getMin(), m.getMax(), java.util.Arrays.stream(secs).average().orElse(0));
    }
    if (List.of(args).contains("lstm")) {
      NetworkConfig lstm = config.toBuilder().architecture(org.aoiforecast.forecasting.nn.Architecture.LSTM).hidden(32)
          .build();
      StrategyResult r = Evaluation.run(splits, Strategies.pooledWithAge(lstm), TrainingListener.NONE).result();
      System.out.printf("pooled-with-age LSTM(32): %.1f s, mean test MSE %.0f (MLP: %.1f s, %.0f)%n", r.trainSeconds(),
          r.test().meanMse(), pooled.trainSeconds(), pooled.test().meanMse());
    }
  }
}
