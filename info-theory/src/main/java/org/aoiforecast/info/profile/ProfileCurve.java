package org.aoiforecast.info.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.info.loss.LossEstimate;

/**
 * One age-loss profile: the estimated {@code H_L(Y_t | X_{t-Δ})} for each age Δ of an age set,
 * with bootstrap confidence intervals, for one window and one choice of stale sources ("all", or
 * one source stale while the others are fresh), and the verdict on its monotonicity.
 *
 * <p>Monotonicity is judged with the intervals: the profile breaks monotonicity at an older age
 * {@code b} when some younger age {@code a} has {@code lower(a) > upper(b)}, i.e. the older
 * features are significantly better. Arrays are parallel to {@link #ages()}; accessors return
 * copies.
 */
public final class ProfileCurve {
  /** The {@link #stale()} value of the profile in which every source is stale. */
  public static final String ALL = "all";

  private final int window;
  private final String stale;
  private final Loss loss;
  private final int[] ages;
  private final double[] value;
  private final double[] lower;
  private final double[] upper;
  private final String estimator;
  private final LossEstimate.Kind kind;
  private final int samples;
  private final List<Break> breaks;

  /**
   * @param window the window u
   * @param stale "all" or the name of the stale source
   * @param loss the loss
   * @param ages ages in steps, increasing
   * @param value estimates per age
   * @param lower lower confidence bounds
   * @param upper upper confidence bounds
   * @param estimator the estimator's name
   * @param kind estimate or upper bound
   * @param samples samples per age
   */
  public ProfileCurve(int window, String stale, Loss loss, int[] ages, double[] value, double[] lower, double[] upper,
      String estimator, LossEstimate.Kind kind, int samples) {
    int n = ages.length;
    if (value.length != n || lower.length != n || upper.length != n) {
      throw new IllegalArgumentException("profile arrays must be parallel to the " + n + " ages");
    }
    this.window = window;
    this.stale = stale;
    this.loss = loss;
    this.ages = ages.clone();
    this.value = value.clone();
    this.lower = lower.clone();
    this.upper = upper.clone();
    this.estimator = estimator;
    this.kind = kind;
    this.samples = samples;
    this.breaks = findBreaks();
  }

  private List<Break> findBreaks() {
    List<Break> out = new ArrayList<>();
    for (int b = 1; b < ages.length; b++) {
      int bestYounger = -1;
      double margin = 0;
      for (int a = 0; a < b; a++) {
        double m = lower[a] - upper[b];
        if (m > margin) {
          margin = m;
          bestYounger = a;
        }
      }
      if (bestYounger >= 0) {
        out.add(new Break(ages[bestYounger], ages[b], margin));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** @return the window u */
  public int window() {
    return window;
  }

  /** @return "all" or the name of the one stale source */
  public String stale() {
    return stale;
  }

  /** @return the loss */
  public Loss loss() {
    return loss;
  }

  /** @return the ages in steps */
  public int[] ages() {
    return ages.clone();
  }

  /** @return the estimates, one per age */
  public double[] values() {
    return value.clone();
  }

  /** @return the lower confidence bounds */
  public double[] lower() {
    return lower.clone();
  }

  /** @return the upper confidence bounds */
  public double[] upper() {
    return upper.clone();
  }

  /** @return the estimator's name */
  public String estimator() {
    return estimator;
  }

  /** @return estimate or upper bound */
  public LossEstimate.Kind kind() {
    return kind;
  }

  /** @return the number of samples behind each age's estimate */
  public int samples() {
    return samples;
  }

  /**
   * @param age an age of the profile
   * @return its estimate
   */
  public double valueAt(int age) {
    return value[indexOf(age)];
  }

  private int indexOf(int age) {
    for (int i = 0; i < ages.length; i++) {
      if (ages[i] == age) {
        return i;
      }
    }
    throw new IllegalArgumentException("age " + age + " is not in the profile's ages");
  }

  /** @return true when no older age is significantly better than a younger one */
  public boolean monotone() {
    return breaks.isEmpty();
  }

  /** @return for each older age that beats a younger one, the pair with the largest margin */
  public List<Break> breaks() {
    return breaks;
  }

  /** @return the age with the lowest estimated loss */
  public int bestAge() {
    return bestAge(ages[0], ages[ages.length - 1]);
  }

  /**
   * @param from first age of the range
   * @param to last age of the range, inclusive
   * @return the age in the range with the lowest estimated loss
   */
  public int bestAge(int from, int to) {
    int best = -1;
    for (int i = 0; i < ages.length; i++) {
      if (ages[i] >= from && ages[i] <= to && (best < 0 || value[i] < value[best])) {
        best = i;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("no age of the profile lies in " + from + ".." + to);
    }
    return ages[best];
  }

  /**
   * The verdict in words, e.g. {@code "not monotone: age 24 beats age 12 (by 1.2e+03)"}.
   *
   * @param target the target's name, for the sentence
   * @return one sentence
   */
  public String verdict(String target) {
    String who = ProfileCurve.ALL.equals(stale) ? "all sources stale" : stale + " stale";
    if (breaks.isEmpty()) {
      return String.format("u=%d, %s: monotone (no older age is significantly better); best age %d", window, who,
          bestAge());
    }
    Break strongest = breaks.get(0);
    for (Break b : breaks) {
      if (b.margin() > strongest.margin()) {
        strongest = b;
      }
    }
    return String.format("u=%d, %s: not monotone; age %d beats age %d for %s (intervals apart by %.3g), "
        + "%d older age(s) beat a younger one; best age %d", window, who, strongest.older(), strongest.younger(), target,
        strongest.margin(), breaks.size(), bestAge());
  }
}
