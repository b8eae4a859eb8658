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
 *
 * <p>A network pooled over several horizons has one factor per (age vector, horizon) cell, in the
 * data set's cell order (age vector major, horizon minor): the misfit of the spread depends on the
 * lead time as it does on the age. A horizon must then be one of the trained ones.
 * Immutable.
 */
public final class IntervalCalibration {
  /** The central probability the factors are fitted for. */
  public static final double LEVEL = 0.8;

  private final int[][] ageVectors;
  /** The trained horizons in steps, or null for a network of one horizon (any). */
  private final int[] horizons;
  private final double[] factors;
  private final long samples;

  /**
   * A calibration of a network trained for one horizon.
   *
   * @param ageVectors the training age vectors (steps, one age per source)
   * @param factors one positive, finite factor per age vector
   * @param samples the validation samples they were fitted on (0 when none)
   */
  public IntervalCalibration(List<int[]> ageVectors, double[] factors, long samples) {
    this(null, ageVectors, factors, samples);
  }

  /**
   * A calibration of a network pooled over several horizons.
   *
   * @param ageVectors the training age vectors (steps, one age per source)
   * @param horizons the trained horizons, steps, at least one
   * @param factors one positive, finite factor per (age vector, horizon) cell, age vector major:
   *     the factor of vector {@code v} at horizon index {@code j} is {@code factors[v * horizons.length + j]}
   * @param samples the validation samples they were fitted on (0 when none)
   */
  public IntervalCalibration(List<int[]> ageVectors, int[] horizons, double[] factors, long samples) {
    this(java.util.Objects.requireNonNull(horizons, "horizons"), ageVectors, factors, samples);
  }

  // horizons null: one horizon, not named (the form of single-horizon models)
  private IntervalCalibration(int[] horizons, List<int[]> ageVectors, double[] factors, long samples) {
    int perVector = horizons == null ? 1 : horizons.length;
    if (horizons != null && horizons.length == 0) {
      throw new IllegalArgumentException("an interval calibration over horizons needs at least one horizon");
    }
    if (ageVectors.isEmpty() || ageVectors.size() * perVector != factors.length) {
      throw new IllegalArgumentException("an interval calibration has one factor per age vector"
          + (horizons == null ? "" : " and horizon") + ", got " + factors.length + " factors for " + ageVectors.size()
          + " age vectors" + (horizons == null ? "" : " x " + horizons.length + " horizons"));
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
    this.horizons = horizons == null ? null : horizons.clone();
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
   * No correction for a network over several horizons: factor 1 in every cell.
   *
   * @param ageVectors the training age vectors
   * @param horizons the trained horizons, steps
   * @return the identity calibration
   */
  public static IntervalCalibration none(List<int[]> ageVectors, int[] horizons) {
    double[] ones = new double[ageVectors.size() * horizons.length];
    Arrays.fill(ones, 1);
    return new IntervalCalibration(ageVectors, horizons, ones, 0);
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
    return new IntervalCalibration(ageVectors, fitFactors(ageVectors.size(), sampleVectors, y, mean, sd), y.length);
  }

  /**
   * Fits one factor per (age vector, horizon) cell, as {@link #fit(List, int[], double[], double[], double[])}
   * does per age vector.
   *
   * @param ageVectors the training age vectors
   * @param horizons the trained horizons, steps
   * @param sampleCells for each sample, its cell {@code v * horizons.length + j}
   * @param y outcomes
   * @param mean the forecast means
   * @param sd the forecast standard deviations
   * @return the factors per cell
   */
  public static IntervalCalibration fit(List<int[]> ageVectors, int[] horizons, int[] sampleCells, double[] y,
      double[] mean, double[] sd) {
    return new IntervalCalibration(ageVectors, horizons,
        fitFactors(ageVectors.size() * horizons.length, sampleCells, y, mean, sd), y.length);
  }

  private static double[] fitFactors(int groups, int[] sampleGroups, double[] y, double[] mean, double[] sd) {
    int n = y.length;
    if (sampleGroups.length != n || mean.length != n || sd.length != n) {
      throw new IllegalArgumentException(n + " outcomes, " + sampleGroups.length + " cell indices, "
          + mean.length + " means and " + sd.length + " standard deviations");
    }
    List<List<Double>> scores = new ArrayList<>();
    for (int k = 0; k < groups; k++) {
      scores.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      scores.get(sampleGroups[i]).add(Math.abs(y[i] - mean[i]) / sd[i]);
    }
    double half = Math.sqrt(2) * Erf.erfInv(LEVEL);
    double[] factors = new double[groups];
    for (int k = 0; k < factors.length; k++) {
      double[] z = scores.get(k).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      // the smallest |z| that at least LEVEL of the outcomes do not exceed
      double q = z.length == 0 ? 0 : z[Math.max(0, (int) Math.ceil(LEVEL * z.length) - 1)];
      factors[k] = q > 0 ? q / half : 1;
    }
    return factors;
  }

  /**
   * @return the factors: one per age vector, parallel to {@link #ageVectors()}, or one per (age
   *     vector, horizon) cell, age vector major, for a network over several horizons
   */
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

  /** @return the trained horizons (steps) of a network over several horizons; empty for one horizon */
  public int[] horizons() {
    return horizons == null ? new int[0] : horizons.clone();
  }

  /**
   * @param ages one age per source, steps (fractional allowed)
   * @return the factor of the nearest trained age vector
   * @throws IllegalArgumentException for a calibration over several horizons (give the horizon)
   */
  public double factor(double[] ages) {
    if (horizons != null && horizons.length > 1) {
      throw new IllegalArgumentException("the calibration has a factor per horizon " + Arrays.toString(horizons)
          + ": give the horizon");
    }
    return factors[nearest(ages) * (horizons == null ? 1 : horizons.length)];
  }

  /**
   * @param ages one age per source, steps (fractional allowed)
   * @param horizon the forecast's horizon, steps: one of {@link #horizons()} (any for one horizon)
   * @return the factor of the nearest trained age vector at that horizon
   * @throws IllegalArgumentException when the horizon was not trained
   */
  public double factor(double[] ages, int horizon) {
    if (horizons == null) {
      return factors[nearest(ages)];
    }
    for (int j = 0; j < horizons.length; j++) {
      if (horizons[j] == horizon) {
        return factors[nearest(ages) * horizons.length + j];
      }
    }
    throw new IllegalArgumentException("horizon " + horizon + " steps: the calibration has the horizons "
        + Arrays.toString(horizons) + " steps");
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

  /** @return the factors averaged over age vectors (and horizons) */
  public double meanFactor() {
    return Arrays.stream(factors).average().orElse(1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalCalibration c && Arrays.deepEquals(c.ageVectors, ageVectors)
        && Arrays.equals(c.horizons, horizons) && Arrays.equals(c.factors, factors) && c.samples == samples;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * Arrays.deepHashCode(ageVectors) + Arrays.hashCode(horizons)) + Arrays.hashCode(factors))
        + Long.hashCode(samples);
  }

  @Override
  public String toString() {
    return "IntervalCalibration(" + ageVectors.length + " ages" + (horizons == null ? "" : " x " + horizons.length
        + " horizons") + ", mean factor " + meanFactor() + ", " + samples + " samples)";
  }
}
