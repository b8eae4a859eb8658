package org.aoiforecast.core.dataset;

/**
 * Fractions of a series' rows given, in time order, to training, validation and test.
 *
 * @param train fraction of rows for training, in (0, 1)
 * @param validation fraction for validation (early stopping), in [0, 1); 0 for none
 * @param test fraction for testing, in (0, 1); the three add up to 1
 */
public record ChronologicalSplit(double train, double validation, double test) {

  /** Validates the fractions. */
  public ChronologicalSplit {
    if (!(train > 0 && train < 1) || !(validation >= 0 && validation < 1) || !(test > 0 && test < 1)
        || Math.abs(train + validation + test - 1) > 1e-9) {
      throw new IllegalArgumentException("split fractions must be train > 0, validation >= 0, test > 0 and add up"
          + " to 1; got " + train + " / " + validation + " / " + test);
    }
  }

  /** @return 70 % training, 15 % validation, 15 % test: the library's default */
  public static ChronologicalSplit defaults() {
    return new ChronologicalSplit(0.70, 0.15, 0.15);
  }
}
