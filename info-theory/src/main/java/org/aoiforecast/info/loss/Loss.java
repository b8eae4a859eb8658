package org.aoiforecast.info.loss;

import java.util.Arrays;
import java.util.Locale;

/**
 * The loss {@code L(y, a)} whose minimum expected value given the features is the L-conditional
 * entropy {@code H_L(Y | X)}.
 */
public enum Loss {
  /** {@code (y - a)^2}; {@code H_L(Y|X)} is the MMSE, in the target's units squared. */
  QUADRATIC("quadratic", "target units squared"),
  /** {@code -log q(y)}; {@code H_L(Y|X)} is the Shannon conditional (differential) entropy, in nats. */
  LOG("log", "nats"),
  /** {@code |y - a|}; {@code H_L(Y|X)} is the mean absolute error of the conditional median, in target units. */
  ABSOLUTE("absolute", "target units");

  private final String id;
  private final String unit;

  Loss(String id, String unit) {
    this.id = id;
    this.unit = unit;
  }

  /** @return the name used on the command line and in JSON */
  public String id() {
    return id;
  }

  /** @return the unit of {@code H_L} for this loss, in words */
  public String unit() {
    return unit;
  }

  /**
   * @param text "quadratic", "log" or "absolute" (case-insensitive; "mse", "mae" and "entropy" also accepted)
   * @return the loss
   */
  public static Loss parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "quadratic", "mse", "squared" -> QUADRATIC;
      case "log", "entropy", "logarithmic" -> LOG;
      case "absolute", "mae" -> ABSOLUTE;
      default -> throw new IllegalArgumentException("unknown loss '" + text + "'; expected one of "
          + Arrays.stream(values()).map(Loss::id).toList());
    };
  }
}
