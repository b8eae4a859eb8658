package org.aoiforecast.forecasting.nn;

/**
 * Whether a network has a linear path beside its hidden layers ({@link LinearBase}), and how its
 * coefficients depend on the age.
 */
public enum LinearPath {
  /** The network alone forecasts the target. */
  NONE,
  /**
   * A ridge regression whose coefficients are linear in the encoded age forecasts the target and
   * the network learns its residual. The default (model files of earlier versions name it {@code
   * RIDGE}).
   */
  AGE_LINEAR,
  /**
   * A ridge regression on the values and covariates with coefficients per trained age (per lead
   * time of each source), interpolated between neighbouring ages, forecasts the target and the
   * network learns its residual. More flexible in the age; on the solar data as accurate as
   * {@link #AGE_LINEAR} within the spread over seeds (docs/benchmarks.md).
   */
  PER_AGE;

  /**
   * @param name a name as model files and configurations write it; {@code RIDGE}, the name earlier
   *     versions wrote, is {@link #AGE_LINEAR}
   * @return the path
   * @throws IllegalArgumentException for an unknown name
   */
  public static LinearPath parse(String name) {
    if ("RIDGE".equals(name)) {
      return AGE_LINEAR;
    }
    for (LinearPath p : values()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown linear path '" + name + "'; expected NONE, AGE_LINEAR or PER_AGE");
  }

  /**
   * @param option a path as command lines name it: {@code age-linear} (also {@code ridge}, its
   *     earlier name), {@code per-age} or {@code none}, in any case
   * @return the path
   * @throws IllegalArgumentException for another name
   */
  public static LinearPath ofOption(String option) {
    return switch (option.toLowerCase(java.util.Locale.ROOT)) {
      case "age-linear", "ridge" -> AGE_LINEAR;
      case "per-age" -> PER_AGE;
      case "none" -> NONE;
      default -> throw new IllegalArgumentException("unknown linear path '" + option
          + "'; expected age-linear, per-age or none");
    };
  }
}
