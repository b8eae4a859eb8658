package org.aoiforecast.info.knn;

/**
 * A k-d tree for max-norm (Chebyshev) neighbour queries: the k nearest neighbours of a sample
 * (optionally excluding samples close to it in time, a Theiler window) and range counts.
 *
 * <p>Built in O(N log N) by median splits on the widest dimension; leaves hold up to 12 points.
 * Each node keeps its bounding box, so a range count adds whole subtrees that lie inside the
 * query box without visiting their points, and a search prunes subtrees whose box is farther than
 * the current k-th distance. In low dimensions a query costs O(log N); in high dimensions
 * pruning weakens and a query tends to O(N), as for any exact method. Points are stored in one
 * flat array in tree order for locality. Immutable after construction and safe to query from
 * several threads, each with its own {@link Neighbours} buffer.
 */
public final class KdTree implements RangeCounter {
  private static final int LEAF_SIZE = 12;

  private final int n;
  private final int d;
  private final double[] coords;   // tree order, row-major
  private final int[] rowAt;       // tree position -> input row
  private final int[] positionOf;  // input row -> tree position
  private int nodes;
  private int[] start;
  private int[] end;
  private int[] left;              // -1 for a leaf
  private int[] right;
  private double[] boxMin;         // node * d + dim
  private double[] boxMax;

  /**
   * Builds a tree over the rows of {@code points} (copied).
   *
   * @param points rows = samples, all of the same positive length
   */
  public KdTree(double[][] points) {
    this.n = points.length;
    if (n == 0) {
      throw new IllegalArgumentException("a k-d tree needs at least one point");
    }
    this.d = points[0].length;
    this.coords = new double[n * d];
    this.rowAt = new int[n];
    this.positionOf = new int[n];
    for (int i = 0; i < n; i++) {
      if (points[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + points[i].length + " values, expected " + d);
      }
      System.arraycopy(points[i], 0, coords, i * d, d);
      rowAt[i] = i;
    }
    int capacity = 4 * (n / (LEAF_SIZE / 2) + 1) + 1;
    start = new int[capacity];
    end = new int[capacity];
    left = new int[capacity];
    right = new int[capacity];
    boxMin = new double[capacity * d];
    boxMax = new double[capacity * d];
    build(0, n);
    for (int p = 0; p < n; p++) {
      positionOf[rowAt[p]] = p;
    }
  }

  /** @return the number of points */
  public int size() {
    return n;
  }

  /**
   * The input rows in the tree's storage order: rows close in this order are close in space.
   * Processing queries in this order keeps consecutive searches in the same part of the tree and
   * of memory, which matters once the tree outgrows the processor caches.
   *
   * @return a copy of the rows in tree order
   */
  public int[] spatialOrder() {
    return rowAt.clone();
  }

  @Override
  public int dimensions() {
    return d;
  }

  private int build(int from, int to) {
    int node = nodes++;
    start[node] = from;
    end[node] = to;
    int b = node * d;
    for (int k = 0; k < d; k++) {
      boxMin[b + k] = Double.POSITIVE_INFINITY;
      boxMax[b + k] = Double.NEGATIVE_INFINITY;
    }
    for (int p = from; p < to; p++) {
      int o = p * d;
      for (int k = 0; k < d; k++) {
        double v = coords[o + k];
        if (v < boxMin[b + k]) {
          boxMin[b + k] = v;
        }
        if (v > boxMax[b + k]) {
          boxMax[b + k] = v;
        }
      }
    }
    int widest = 0;
    double spread = -1;
    for (int k = 0; k < d; k++) {
      double s = boxMax[b + k] - boxMin[b + k];
      if (s > spread) {
        spread = s;
        widest = k;
      }
    }
    if (to - from <= LEAF_SIZE || spread <= 0) {
      left[node] = -1;
      right[node] = -1;
      return node;
    }
    int mid = (from + to) >>> 1;
    select(from, to - 1, mid, widest);
    left[node] = build(from, mid);
    right[node] = build(mid, to);
    return node;
  }

  /** Quickselect: afterwards the point at position k has rank k in dimension dim within [lo, hi]. */
  private void select(int lo, int hi, int k, int dim) {
    while (hi > lo) {
      // median of three pivot
      int m = (lo + hi) >>> 1;
      double a = coords[lo * d + dim];
      double b = coords[m * d + dim];
      double c = coords[hi * d + dim];
      double pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (coords[i * d + dim] < pivot) {
          i++;
        }
        while (coords[j * d + dim] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(i, j);
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private void swap(int i, int j) {
    int oi = i * d;
    int oj = j * d;
    for (int k = 0; k < d; k++) {
      double t = coords[oi + k];
      coords[oi + k] = coords[oj + k];
      coords[oj + k] = t;
    }
    int t = rowAt[i];
    rowAt[i] = rowAt[j];
    rowAt[j] = t;
  }

  /** Reusable result buffer of a k-nearest-neighbour search; one per thread. */
  public static final class Neighbours {
    final double[] distance;
    final int[] row;
    int found;

    /** @param k the number of neighbours searched for */
    public Neighbours(int k) {
      distance = new double[k];
      row = new int[k];
    }

    /** @return how many neighbours were found (fewer than k only if too few points qualify) */
    public int found() {
      return found;
    }

    /**
     * @param i rank, 0 = nearest
     * @return the distance of the i-th nearest neighbour
     */
    public double distance(int i) {
      return distance[i];
    }

    /**
     * @param i rank, 0 = nearest
     * @return the input row of the i-th nearest neighbour
     */
    public int row(int i) {
      return row[i];
    }

    /** @return the distance of the farthest neighbour found (the k-th) */
    public double kthDistance() {
      return distance[found - 1];
    }
  }

  /**
   * The k nearest neighbours of sample {@code i}, excluding {@code i} itself and every sample
   * {@code j} with {@code |i - j| <= exclusion} (a Theiler window on row indices).
   *
   * @param i the sample's input row
   * @param exclusion the Theiler window, >= 0
   * @param out the result buffer; its length is k
   */
  public void nearest(int i, int exclusion, Neighbours out) {
    out.found = 0;
    int q = positionOf[i] * d;
    search(0, q, i, exclusion, out);
  }

  private void search(int node, int q, int self, int exclusion, Neighbours out) {
    int k = out.distance.length;
    if (left[node] < 0) {
      for (int p = start[node]; p < end[node]; p++) {
        int row = rowAt[p];
        if (Math.abs(row - self) <= exclusion) {
          continue;
        }
        double bound = out.found == k ? out.distance[k - 1] : Double.POSITIVE_INFINITY;
        int o = p * d;
        double dist = 0;
        for (int c = 0; c < d && dist < bound; c++) {
          double diff = Math.abs(coords[o + c] - coords[q + c]);
          if (diff > dist) {
            dist = diff;
          }
        }
        if (dist < bound || out.found < k) {
          insert(out, dist, row, k);
        }
      }
      return;
    }
    int l = left[node];
    int r = right[node];
    double dl = boxDistance(l, q);
    double dr = boxDistance(r, q);
    int first = dl <= dr ? l : r;
    int second = dl <= dr ? r : l;
    double dSecond = Math.max(dl, dr);
    if (out.found < k || Math.min(dl, dr) < out.distance[k - 1]) {
      search(first, q, self, exclusion, out);
    }
    if (out.found < k || dSecond < out.distance[k - 1]) {
      search(second, q, self, exclusion, out);
    }
  }

  private static void insert(Neighbours out, double dist, int row, int k) {
    int pos = out.found < k ? out.found++ : k - 1;
    while (pos > 0 && out.distance[pos - 1] > dist) {
      out.distance[pos] = out.distance[pos - 1];
      out.row[pos] = out.row[pos - 1];
      pos--;
    }
    out.distance[pos] = dist;
    out.row[pos] = row;
  }

  /** Max-norm distance from the query point to the node's bounding box (0 inside). */
  private double boxDistance(int node, int q) {
    int b = node * d;
    double dist = 0;
    for (int c = 0; c < d; c++) {
      double v = coords[q + c];
      double lo = boxMin[b + c] - v;
      double hi = v - boxMax[b + c];
      double g = lo > hi ? lo : hi;
      if (g > dist) {
        dist = g;
      }
    }
    return dist;
  }

  @Override
  public int count(int i, double[] radius, Boundary boundary) {
    boolean strict = boundary == Boundary.OPEN;
    if (radius.length != d) {
      throw new IllegalArgumentException("expected " + d + " radii, got " + radius.length);
    }
    return count(0, positionOf[i] * d, radius, strict);
  }

  /**
   * Points in the box: whole subtrees are added when their bounding box lies inside the query
   * box, skipped when it lies outside, and only straddling leaves are scanned.
   */
  private int count(int node, int q, double[] radius, boolean strict) {
    int b = node * d;
    boolean inside = true;
    for (int c = 0; c < d; c++) {
      double v = coords[q + c];
      double r = radius[c];
      double lo = boxMin[b + c];
      double hi = boxMax[b + c];
      double near = Math.max(lo - v, v - hi);
      if (strict ? near >= r : near > r) {
        return 0;
      }
      double far = Math.max(v - lo, hi - v);
      if (strict ? far >= r : far > r) {
        inside = false;
      }
    }
    if (inside) {
      return end[node] - start[node];
    }
    if (left[node] < 0) {
      int count = 0;
      for (int p = start[node]; p < end[node]; p++) {
        if (inBox(p * d, q, radius, strict)) {
          count++;
        }
      }
      return count;
    }
    return count(left[node], q, radius, strict) + count(right[node], q, radius, strict);
  }

  private boolean inBox(int o, int q, double[] radius, boolean strict) {
    for (int c = 0; c < d; c++) {
      double diff = Math.abs(coords[o + c] - coords[q + c]);
      if (strict ? diff >= radius[c] : diff > radius[c]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean within(int i, int j, double[] radius, Boundary boundary) {
    return inBox(positionOf[j] * d, positionOf[i] * d, radius, boundary == Boundary.OPEN);
  }

  /**
   * @param i a sample
   * @param j another sample
   * @return their max-norm distance
   */
  public double distance(int i, int j) {
    int a = positionOf[i] * d;
    int b = positionOf[j] * d;
    double dist = 0;
    for (int k = 0; k < d; k++) {
      dist = Math.max(dist, Math.abs(coords[a + k] - coords[b + k]));
    }
    return dist;
  }
}
