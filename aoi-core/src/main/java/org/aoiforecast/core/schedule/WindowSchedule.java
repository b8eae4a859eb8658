package org.aoiforecast.core.schedule;

import java.util.Objects;

/**
 * The policies of one window length: zero-wait, periodic and the best threshold policy over the
 * buffer positions, with the exact average penalty of the threshold policy at every position.
 *
 * @param window the window length {@code u}
 * @param transmission the law of the time to send it
 * @param zeroWait the zero-wait policy
 * @param periodic the periodic policy
 * @param threshold the threshold policy at its best buffer position
 * @param byPosition the threshold policy's exact average at positions {@code 0..min(B-u, D)}, D the
 *     table's oldest age (positions past D deliver only tail ages, of one constant penalty)
 * @param capped true when the table's end bounds the best policy's waits (never sending again would look
 *     better by the tail rule)
 */
public record WindowSchedule(int window, TransmissionTime transmission, EvaluatedPolicy zeroWait,
    EvaluatedPolicy periodic, EvaluatedPolicy threshold, double[] byPosition, boolean capped) {
  /** Checks the parts and copies the array. */
  public WindowSchedule {
    Objects.requireNonNull(transmission, "transmission");
    Objects.requireNonNull(zeroWait, "zeroWait");
    Objects.requireNonNull(periodic, "periodic");
    Objects.requireNonNull(threshold, "threshold");
    byPosition = byPosition.clone();
  }

  /** @return a copy of the threshold policy's exact average per buffer position */
  @Override
  public double[] byPosition() {
    return byPosition.clone();
  }
}
