package org.aoiforecast.info.bench;

import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.testing.SharedData;
import org.aoiforecast.info.AgeLossProfile;
import org.aoiforecast.info.estimators.TheilerWindow;
import org.aoiforecast.info.loss.ConditionalLossEstimator;
import org.aoiforecast.info.loss.ConditionalLosses;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.info.profile.ProfileReport;

/**
 * Seconds per age-loss profile over 48 ages of an 8,760-hour series (TMY3 Greensboro: GHI target;
 * GHI, temperature, humidity, cloud cover), windows u = 1 and u = 6, all sources stale, with KSG
 * (log loss), the Gaussian bound (log loss), the automatic quadratic-loss estimator and, beside
 * it, k-NN regression on 8 principal components alone (the automatic choice for wide windows
 * before the linear fit came first); 200 bootstrap replicates, no Markov gaps.
 *
 * <p>Run (needs ../shared/data): {@code mvn -q -pl info-theory -am test-compile} and {@code mvn -q -pl
 * info-theory exec:exec -Dbench.main=org.aoiforecast.info.bench.ProfileBench -Dbench.args=} after
 * the project's jars are in the local repository, or with {@code java -cp} over the test classes
 * and the demo's {@code target/lib} (docs/benchmarks.md); add a thread count as argument to limit
 * threads (default: all processors).
 */
public final class ProfileBench {
  private ProfileBench() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
    TimeSeries s = SharedData.greensboroStudySeries();
    System.out.printf("machine: %d cores, %d thread(s); %d rows%n", Runtime.getRuntime().availableProcessors(),
        threads, s.size());
    String[] names = {"ksg (log loss)", "gaussian (log loss)", "auto (quadratic loss)",
        "knn-pca (quadratic loss)"};
    for (int e = 0; e < names.length; e++) {
      for (int u : new int[] {1, 6}) {
        ConditionalLossEstimator est = switch (e) {
          case 0 -> ConditionalLosses.ksg(4, TheilerWindow.auto(), 1);
          case 1 -> ConditionalLosses.linear(Loss.LOG);
          case 3 -> ConditionalLosses.knnRegressionPca(10, ConditionalLosses.NEIGHBOUR_DIMENSIONS,
              TheilerWindow.auto(), 1);
          default -> null;
        };
        AgeLossProfile.Builder b = AgeLossProfile.builder(AgedDatasetSpec.builder().target("GHI (W/m^2)")
            .sources("GHI (W/m^2)", "Dry-bulb (C)", "RHum (%)", "TotCld (tenths)").ages(AgeSet.range(1, 48)).build())
            .windows(u).withoutPerSourceProfiles().markovLags().threads(threads);
        if (est != null) {
          b.estimator(est);
        } else {
          b.loss(Loss.QUADRATIC);
        }
        long t0 = System.nanoTime();
        ProfileReport r = b.build().estimate(s);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-22s u=%d (%2d dims): %6.2f s per profile of 48 ages [%s]%n", names[e], u, 4 * u, seconds,
            r.profiles().get(0).estimator());
      }
    }
  }
}
