package org.aoiforecast.forecasting.nn;

import java.util.Locale;

/**
 * The validation score that early stopping watches: the epoch whose weights a network keeps is
 * the one with the lowest score, and training stops after {@code patience} epochs without a lower
 * one. Scores are in standardised target units.
 *
 * <p>For a point head both scores are the squared error and train the same network. For a
 * Gaussian head they differ: the likelihood weighs each error by the forecast's own spread, so
 * it keeps improving while the spread is still being learnt, and it rewards calm hours (night,
 * clear sky) as much as the hard ones; the squared error watches the means alone, which is what
 * the mean test MSE scores. Which one forecasts better depends on the inputs
 * (docs/decisions.md, "What early stopping watches").
 */
public enum StoppingScore {
  /**
   * The training loss (the default): the squared error of a point head, the Gaussian negative
   * log-likelihood of a Gaussian head.
   */
  LOSS("loss"),
  /** The squared error of the forecast, a Gaussian head's mean, whatever the training loss. */
  SQUARED_ERROR("mse");

  private final String option;

  StoppingScore(String option) {
    this.option = option;
  }

  /** @return the name on the command line: {@code loss} or {@code mse} */
  public String option() {
    return option;
  }

  /**
   * @param name {@code loss} or {@code mse} (any case)
   * @return the score
   * @throws IllegalArgumentException for another name, listing the valid ones
   */
  public static StoppingScore ofOption(String name) {
    for (StoppingScore s : values()) {
      if (s.option.equals(name.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown stopping score '" + name + "'; expected loss or mse");
  }
}
