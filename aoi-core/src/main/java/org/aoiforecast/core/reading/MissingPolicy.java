package org.aoiforecast.core.reading;

/**
 * What alignment does with a query time at which a source cannot supply a complete window: no
 * reading has arrived yet, fewer than {@code u} readings exist, a reading inside the window has
 * not arrived yet (it was overtaken), or a reading inside the window was lost (a gap larger than
 * the source's declared period).
 *
 * <p>There is deliberately no policy that fills in a value: a silent zero or a carried-forward
 * value would be a reading that never arrived.
 */
public enum MissingPolicy {
  /** Drop the query row for all sources; the alignment reports which query rows it kept. */
  DROP_ROW,
  /** Stop with a {@link org.aoiforecast.core.DataException} naming the query time, source and reason. */
  ERROR
}
