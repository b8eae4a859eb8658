package org.aoiforecast.core.dataset;

import java.util.Optional;
import org.aoiforecast.core.TimeSeries;

/**
 * Chronological parts of an {@link AgedDataset}: training, optional validation, test. Made by
 * {@link AgedDataset#split}; no window or target of one part lies in another.
 *
 * @param train the earliest rows
 * @param validation the rows after training, or null when the split has none
 * @param test the latest rows
 */
public record Splits(AgedDataset train, AgedDataset validation, AgedDataset test) {

  /** @return the validation part, if the split has one */
  public Optional<AgedDataset> validationPart() {
    return Optional.ofNullable(validation);
  }

  /**
   * The three parts standardised with statistics of the training part only (so nothing of the
   * validation or test rows leaks into training). The series is standardised once and shared.
   *
   * @return standardised parts
   */
  public Splits standardized() {
    Standardization st = Standardization.fit(train);
    TimeSeries standardizedSeries = st.apply(train.series());
    return new Splits(train.standardizedOver(standardizedSeries, st),
        validation == null ? null : validation.standardizedOver(standardizedSeries, st),
        test.standardizedOver(standardizedSeries, st));
  }
}
