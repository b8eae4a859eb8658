package org.aoiforecast.core.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The transmission-time law of each window length: a longer window carries more data, so it
 * usually takes longer to send. Implementations are immutable.
 */
public interface TransmissionModel {

  /**
   * @param window a window length, at least 1
   * @return the law of the time to send one window of that length, in steps
   */
  TransmissionTime forWindow(int window);

  /**
   * Fixed times proportional to the window: {@code T(u) = ceil(alpha * u)} steps (the papers'
   * setting). The product is taken in decimal, so {@code alpha = 0.1} and {@code u = 30} give
   * exactly 3, not 4.
   *
   * @param alpha steps per reading of the window, positive and finite
   * @return the model
   */
  static TransmissionModel proportional(double alpha) {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be a positive number of steps per reading, got " + alpha);
    }
    BigDecimal a = BigDecimal.valueOf(alpha);
    return new TransmissionModel() {
      @Override
      public TransmissionTime forWindow(int window) {
        BigDecimal t = a.multiply(BigDecimal.valueOf(window)).setScale(0, RoundingMode.CEILING);
        if (t.compareTo(BigDecimal.valueOf(TransmissionTime.MAX_TIME)) > 0) {
          throw new IllegalArgumentException("T(" + window + ") = ceil(" + alpha + " * " + window
              + ") steps; a transmission takes at most " + TransmissionTime.MAX_TIME + " steps");
        }
        return TransmissionTime.fixed(Math.max(1, t.intValueExact()));
      }

      @Override
      public String toString() {
        return "T(u) = ceil(" + a.toPlainString() + " * u) steps";
      }
    };
  }

  /**
   * The same law for every window length (e.g. an empirical sample of measured times).
   *
   * @param law the law
   * @return the model
   */
  static TransmissionModel same(TransmissionTime law) {
    Objects.requireNonNull(law, "law");
    return new TransmissionModel() {
      @Override
      public TransmissionTime forWindow(int window) {
        return law;
      }

      @Override
      public String toString() {
        return law + " steps for every window";
      }
    };
  }
}
