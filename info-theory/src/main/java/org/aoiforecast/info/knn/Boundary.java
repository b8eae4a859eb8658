package org.aoiforecast.info.knn;

/**
 * Whether a box counts the points on its boundary: KSG's first algorithm counts the points
 * strictly inside the k-th neighbour's distance ({@link #OPEN}), its second those at or inside it
 * ({@link #CLOSED}).
 */
public enum Boundary {
  /** Every coordinate distance {@code < radius}. */
  OPEN,
  /** Every coordinate distance {@code <= radius}. */
  CLOSED
}
