package org.aoiforecast.info.knn;

/**
 * Counts the samples that lie in a box around a sample, in one space (a marginal space of a KSG
 * estimator). The box has a half-width per dimension, so it is a max-norm ball when all
 * half-widths are equal and a rectangle otherwise (as KSG algorithm 2's conditional counts need).
 * Counts include the sample itself.
 */
public interface RangeCounter {

  /**
   * @param i the sample, by its row in the input
   * @param radius the half-width of the box in each dimension
   * @param boundary whether points on the box's boundary count
   * @return the number of samples (the sample itself included) in the box
   */
  int count(int i, double[] radius, Boundary boundary);

  /**
   * @param i a sample
   * @param j another sample
   * @param radius the half-width of the box in each dimension
   * @param boundary whether points on the box's boundary count
   * @return true when {@code j} lies in the box around {@code i}
   */
  boolean within(int i, int j, double[] radius, Boundary boundary);

  /** @return the number of dimensions */
  int dimensions();

  /**
   * The right counter for the data: a sorted array for one dimension, a k-d tree otherwise.
   *
   * @param points rows = samples
   * @return a counter
   */
  static RangeCounter of(double[][] points) {
    return points[0].length == 1 ? new SortedLine(points) : new KdTree(points);
  }
}
