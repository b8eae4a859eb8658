package org.aoiforecast.info.knn;

import java.util.Arrays;

/** Range counts in one dimension by binary search in the sorted values: O(log N) per count. */
final class SortedLine implements RangeCounter {
  private final double[] values; // by row
  private final double[] sorted;

  SortedLine(double[][] points) {
    values = new double[points.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = points[i][0];
    }
    sorted = values.clone();
    Arrays.sort(sorted);
  }

  @Override
  public int count(int i, double[] radii, Boundary boundary) {
    boolean strict = boundary == Boundary.OPEN;
    double radius = radii[0];
    double v = values[i];
    if (strict) {
      // (v - r, v + r): first index >= v + r minus first index > v - r
      return lowerBound(v + radius) - upperBound(v - radius);
    }
    return upperBound(v + radius) - lowerBound(v - radius);
  }

  @Override
  public boolean within(int i, int j, double[] radius, Boundary boundary) {
    boolean strict = boundary == Boundary.OPEN;
    double d = Math.abs(values[i] - values[j]);
    return strict ? d < radius[0] : d <= radius[0];
  }

  @Override
  public int dimensions() {
    return 1;
  }

  /** first index with sorted[index] >= x */
  private int lowerBound(double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** first index with sorted[index] > x */
  private int upperBound(double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
