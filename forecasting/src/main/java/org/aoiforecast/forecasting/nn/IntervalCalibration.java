package org.aoiforecast.forecasting.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * Factors that multiply the standard deviations of a Gaussian head, one per age vector of the
 * training data, each fitted on the validation samples of that age vector so that the central
 * interval of probability {@link #LEVEL} covers that share of them:
 * {@code factor = Q_level(|y − μ| / σ) / Φ⁻¹((1 + level) / 2)}, with {@code Q} the empirical
 * quantile. The likelihood fits the spread on the training part, where the network has also fitted
 * part of the noise; the factors correct it from data the network was not trained on. One factor
 * per age because the misfit depends on the age (measured on the solar data: at ages of 1-2 h the
 * network's spread was 12-18 % too wide on the validation part, at older ages within a few per
 * cent), and the validation part holds over a thousand samples of every age. A forecast at an age
 * vector that was not trained (an age between two trained ones, a fractional step) takes the factor
 * of the nearest trained age vector (Euclidean distance in steps; the younger one on a tie).
 * Immutable.
 */
public final class IntervalCalibration {
  /** The central probability the factors are fitted for. */
  public static final double LEVEL = 0.8;

  private final int[][] ageVectors;
  private final double[] factors;
  private final long samples;

  /**
   * @param ageVectors the training age vectors (steps, one age per source)
   * @param factors one positive, finite factor per age vector
   * @param samples the validation samples they were fitted on (0 when none)
   */
  public IntervalCalibration(List<int[]> ageVectors, double[] factors, long samples) {
    if (ageVectors.isEmpty() || ageVectors.size() != factors.length) {
      throw new IllegalArgumentException("an interval calibration has one factor per age vector, got "
          + factors.length + " factors for " + ageVectors.size() + " age vectors");
    }
    for (double f : factors) {
      if (!(f > 0) || Double.isInfinite(f)) {
        throw new IllegalArgumentException("a calibration factor is positive and finite, got " + f);
      }
    }
    if (samples < 0) {
      throw new IllegalArgumentException("the sample count must be at least 0, got " + samples);
    }
    this.ageVectors = ageVectors.stream().map(int[]::clone).toArray(int[][]::new);
    this.factors = factors.clone();
    this.samples = samples;
  }

  /**
   * No correction: factor 1 at every age.
   *
   * @param ageVectors the training age vectors
   * @return the identity calibration
   */
  public static IntervalCalibration none(List<int[]> ageVectors) {
    double[] ones = new double[ageVectors.size()];
    Arrays.fill(ones, 1);
    return new IntervalCalibration(ageVectors, ones, 0);
  }

  /**
   * Fits one factor per age vector.
   *
   * @param ageVectors the training age vectors
   * @param sampleVectors for each sample, the index of its age vector in {@code ageVectors}
   * @param y outcomes (standardised or not: the factors have no unit)
   * @param mean the forecast means, same units
   * @param sd the forecast standard deviations, same units
   * @return the factors that make the central {@link #LEVEL} interval cover that share of each
   *     age vector's outcomes (1 for an age vector without samples, or whose outcomes were all
   *     forecast exactly)
   */
  public static IntervalCalibration fit(List<int[]> ageVectors, int[] sampleVectors, double[] y, double[] mean,
      double[] sd) {
    int n = y.length;
    if (sampleVectors.length != n || mean.length != n || sd.length != n) {
      throw new IllegalArgumentException(n + " outcomes, " + sampleVectors.length + " age-vector indices, "
          + mean.length + " means and " + sd.length + " standard deviations");
    }
    List<List<Double>> scores = new ArrayList<>();
    for (int k = 0; k < ageVectors.size(); k++) {
      scores.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      scores.get(sampleVectors[i]).add(Math.abs(y[i] - mean[i]) / sd[i]);
    }
    double half = Math.sqrt(2) * Erf.erfInv(LEVEL);
    double[] factors = new double[ageVectors.size()];
    for (int k = 0; k < factors.length; k++) {
      double[] z = scores.get(k).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      // the smallest |z| that at least LEVEL of the outcomes do not exceed
      double q = z.length == 0 ? 0 : z[Math.max(0, (int) Math.ceil(LEVEL * z.length) - 1)];
      factors[k] = q > 0 ? q / half : 1;
    }
    return new IntervalCalibration(ageVectors, factors, n);
  }

  /** @return the factors, parallel to {@link #ageVectors()} */
  public double[] factors() {
    return factors.clone();
  }

  /** @return the training age vectors */
  public List<int[]> ageVectors() {
    return Arrays.stream(ageVectors).map(int[]::clone).toList();
  }

  /** @return the validation samples the factors were fitted on */
  public long samples() {
    return samples;
  }

  /**
   * @param ages one age per source, steps (fractional allowed)
   * @return the factor of the nearest trained age vector
   */
  public double factor(double[] ages) {
    return factors[nearest(ages)];
  }

  /**
   * @param ages one age per source, steps (fractional allowed)
   * @return the index in {@link #ageVectors()} of the trained age vector nearest to them
   *     (Euclidean distance in steps; the earlier one on a tie)
   */
  public int nearest(double[] ages) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int k = 0; k < ageVectors.length; k++) {
      if (ageVectors[k].length != ages.length) {
        throw new IllegalArgumentException("expected " + ageVectors[k].length + " ages (one per source), got "
            + ages.length);
      }
      double d = 0;
      for (int s = 0; s < ages.length; s++) {
        double e = ages[s] - ageVectors[k][s];
        d += e * e;
      }
      // strictly closer only: on a tie the earlier (younger, for an increasing age set) vector stays
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  /**
   * @param ages one age per source, steps
   * @return the factor of the nearest trained age vector
   */
  public double factor(int[] ages) {
    return factor(Arrays.stream(ages).asDoubleStream().toArray());
  }

  /** @return the factors averaged over age vectors */
  public double meanFactor() {
    return Arrays.stream(factors).average().orElse(1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalCalibration c && Arrays.deepEquals(c.ageVectors, ageVectors)
        && Arrays.equals(c.factors, factors) && c.samples == samples;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.deepHashCode(ageVectors) + Arrays.hashCode(factors)) + Long.hashCode(samples);
  }

  @Override
  public String toString() {
    return "IntervalCalibration(" + factors.length + " ages, mean factor " + meanFactor() + ", " + samples
        + " samples)";
  }
}
