package org.aoiforecast.core.dataset;

/**
 * The rows of one fold of a rolling-origin backtest: where its training, validation and test
 * parts lie in the series, as half-open row ranges {@code [from, to)}. Made by {@link
 * RollingOrigin#layout}; a pure value, independent of the data's values.
 *
 * <p>The parts come in time order, each separated from the next by at least {@code gap} rows
 * that no part of the fold reads: {@code trainTo + gap <= validationFrom} (when there is a
 * validation part) and {@code validationTo + gap <= testFrom}.
 *
 * @param number the fold's number, 1 for the earliest test block
 * @param trainFrom first training row
 * @param trainTo end (exclusive) of the training rows
 * @param validationFrom first validation row; equal to {@code validationTo} when the fold has no
 *     validation part
 * @param validationTo end (exclusive) of the validation rows
 * @param testFrom first row of the test block
 * @param testTo end (exclusive) of the test block
 * @param gap the least number of rows between two parts, in steps
 */
public record FoldLayout(int number, int trainFrom, int trainTo, int validationFrom, int validationTo, int testFrom,
    int testTo, int gap) {

  /** Checks the order of the parts. */
  public FoldLayout {
    if (number < 1 || gap < 0 || trainFrom < 0 || trainFrom >= trainTo || validationFrom > validationTo
        || testFrom >= testTo || (validationFrom < validationTo && (trainTo + gap > validationFrom
        || validationTo + gap > testFrom)) || trainTo + gap > testFrom) {
      throw new IllegalArgumentException("fold " + number + " is not a chronological layout with gaps of " + gap
          + " rows: training " + trainFrom + ".." + trainTo + ", validation " + validationFrom + ".." + validationTo
          + ", test " + testFrom + ".." + testTo);
    }
  }

  /** @return whether the fold has a validation part */
  public boolean hasValidation() {
    return validationFrom < validationTo;
  }

  /** @return the number of training rows */
  public int trainRows() {
    return trainTo - trainFrom;
  }

  /** @return the number of validation rows (0 without a validation part) */
  public int validationRows() {
    return validationTo - validationFrom;
  }

  /** @return the number of rows of the test block */
  public int testRows() {
    return testTo - testFrom;
  }

  /** @return the first row after the training and validation parts (the end of what training may read) */
  public int fitTo() {
    return hasValidation() ? validationTo : trainTo;
  }
}
