package org.aoiforecast.info;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.info.profile.ProfileCurve;

/**
 * The first step of a profile: which curves and gaps to estimate, each as an aged data set over
 * the series. Per window {@code u}: the curve with all sources stale; unless turned off, one curve
 * per source in which only that source is stale and the others are fresh (at the smallest age of
 * the set); and one Markov-gap data set of window {@code u+ν} per lag ν. No age input anywhere:
 * the estimators condition on the features of one age at a time.
 */
final class ProfilePlan {

  /** One curve: its window, which source is stale ({@link ProfileCurve#ALL} for all), its data. */
  record Curve(int window, String stale, AgedDataset data) {}

  /** One Markov-gap curve: its window, its lag ν and the data of window {@code u+ν}. */
  record Gap(int window, int nu, AgedDataset data) {}

  final List<Curve> curves = new ArrayList<>();
  final List<Gap> gaps = new ArrayList<>();

  /**
   * @param base the data set of the profile's spec (any window), without age input
   * @param ages the shared ages
   * @param windows the windows of the curves
   * @param perSourceWindows windows that also get per-source curves
   * @param markovLags the lags ν of the gaps
   */
  ProfilePlan(AgedDataset base, AgeSet ages, int[] windows, int[] perSourceWindows, int[] markovLags) {
    AgedDatasetSpec spec = base.spec().withoutAgeInput().withAges(ages);
    for (int u : windows) {
      curves.add(new Curve(u, ProfileCurve.ALL, base.withSpec(spec.withWindow(u))));
      if (contains(perSourceWindows, u)) {
        addPerSource(base, spec, ages, u);
      }
    }
    // a per-source window need not be among the all-stale ones: leaving it out silently would
    // drop the profiles a caller asked for
    for (int u : Arrays.stream(perSourceWindows).distinct().toArray()) {
      if (!contains(windows, u)) {
        addPerSource(base, spec, ages, u);
      }
    }
    for (int u : windows) {
      for (int nu : markovLags) {
        gaps.add(new Gap(u, nu, base.withSpec(spec.withWindow(u + nu))));
      }
    }
  }

  /** One curve per source in which only that source is stale (none with a single source). */
  private void addPerSource(AgedDataset base, AgedDatasetSpec spec, AgeSet ages, int u) {
    int sources = spec.sources().size();
    if (sources < 2) {
      return;
    }
    for (int s = 0; s < sources; s++) {
      List<int[]> vectors = new ArrayList<>();
      for (int a : ages) {
        int[] v = new int[sources];
        Arrays.fill(v, ages.min());
        v[s] = a;
        vectors.add(v);
      }
      curves.add(new Curve(u, spec.sources().get(s).name(), base.withSpec(spec.withWindow(u).withAgeVectors(vectors))));
    }
  }

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
