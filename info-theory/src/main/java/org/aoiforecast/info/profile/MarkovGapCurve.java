package org.aoiforecast.info.profile;

/**
 * The ε-Markov gap {@code ε(Δ, ν) = I(Y_t; X_{t-Δ-ν} | X_{t-Δ})} for each age Δ, one window and
 * one ν: how much the features ν steps older still tell about the target beyond the features of
 * age Δ. Zero for every Δ means a Markov chain and a non-decreasing loss; the loss can fall with
 * age by at most {@link #bounds()} (for log loss the gap itself; for a loss bounded by
 * {@code L_max}, {@code L_max sqrt(ε / 2)} by Pinsker's inequality).
 *
 * <p>Only the part of the older window not contained in the newer one enters the estimate (the
 * overlap is a function of the conditioning window and adds nothing). Nats. Arrays are parallel
 * to {@link #ages()}; accessors return copies.
 */
public final class MarkovGapCurve {
  private final int window;
  private final int nu;
  private final int[] ages;
  private final double[] cmi;
  private final double[] bounds;
  private final String estimator;
  private final int samples;

  /**
   * @param window window u
   * @param nu the extra age ν of the older features
   * @param ages ages Δ
   * @param cmi ε per age, nats
   * @param bounds how far the loss may fall from age Δ to Δ+ν, in the loss's unit
   * @param estimator the CMI estimator's name
   * @param samples samples per age
   */
  public MarkovGapCurve(int window, int nu, int[] ages, double[] cmi, double[] bounds, String estimator, int samples) {
    if (cmi.length != ages.length || bounds.length != ages.length) {
      throw new IllegalArgumentException("gap arrays must be parallel to the ages");
    }
    this.window = window;
    this.nu = nu;
    this.ages = ages.clone();
    this.cmi = cmi.clone();
    this.bounds = bounds.clone();
    this.estimator = estimator;
    this.samples = samples;
  }

  /** @return the window u */
  public int window() {
    return window;
  }

  /** @return ν */
  public int nu() {
    return nu;
  }

  /** @return the ages Δ */
  public int[] ages() {
    return ages.clone();
  }

  /** @return ε(Δ, ν) per age, nats */
  public double[] cmi() {
    return cmi.clone();
  }

  /** @return the bound on the loss decrease from Δ to Δ+ν, per age */
  public double[] bounds() {
    return bounds.clone();
  }

  /** @return the estimator's name */
  public String estimator() {
    return estimator;
  }

  /** @return samples per age */
  public int samples() {
    return samples;
  }

  /** @return the mean gap over ages, nats */
  public double mean() {
    double s = 0;
    for (double v : cmi) {
      s += v;
    }
    return s / cmi.length;
  }
}
