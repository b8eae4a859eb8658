package org.aoiforecast.forecasting.nn;

/** Training could not go on: the loss became NaN or infinite (the message names the epoch). */
public final class TrainingException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final int epoch;

  /**
   * @param epoch the epoch at which training stopped, from 1
   * @param message what happened and what to try
   */
  public TrainingException(int epoch, String message) {
    super(message);
    this.epoch = epoch;
  }

  /** @return the epoch at which training stopped, from 1 */
  public int epoch() {
    return epoch;
  }
}
