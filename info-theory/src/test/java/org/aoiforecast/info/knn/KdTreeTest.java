package org.aoiforecast.info.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Property tests: the tree's answers equal brute force on random data, ties included. */
class KdTreeTest {
  private static double[][] points(SplittableRandom r, int n, int d, boolean ties) {
    double[][] p = new double[n][d];
    for (double[] row : p) {
      for (int c = 0; c < d; c++) {
        row[c] = ties ? r.nextInt(5) : r.nextGaussian();
      }
    }
    return p;
  }

  private static double dist(double[] a, double[] b) {
    double m = 0;
    for (int c = 0; c < a.length; c++) {
      m = Math.max(m, Math.abs(a[c] - b[c]));
    }
    return m;
  }

  @RepeatedTest(30)
  void nearestNeighboursMatchBruteForce(RepetitionInfo info) {
    SplittableRandom r = new SplittableRandom(info.getCurrentRepetition());
    int n = 20 + r.nextInt(400);
    int d = 1 + r.nextInt(5);
    int k = 1 + r.nextInt(6);
    int w = r.nextInt(4);
    double[][] p = points(r, n, d, info.getCurrentRepetition() % 3 == 0);
    KdTree tree = new KdTree(p);
    KdTree.Neighbours nb = new KdTree.Neighbours(k);
    for (int i = 0; i < n; i += 7) {
      tree.nearest(i, w, nb);
      double[] all = new double[n];
      int m = 0;
      for (int j = 0; j < n; j++) {
        if (Math.abs(i - j) > w) {
          all[m++] = dist(p[i], p[j]);
        }
      }
      double[] sorted = Arrays.copyOf(all, m);
      Arrays.sort(sorted);
      assertEquals(Math.min(k, m), nb.found());
      for (int j = 0; j < nb.found(); j++) {
        assertEquals(sorted[j], nb.distance(j), 0.0, "rank " + j);
        assertEquals(nb.distance(j), dist(p[i], p[nb.row(j)]), 0.0);
        assertTrue(Math.abs(nb.row(j) - i) > w);
      }
    }
  }

  @RepeatedTest(30)
  void boxCountsMatchBruteForce(RepetitionInfo info) {
    SplittableRandom r = new SplittableRandom(100 + info.getCurrentRepetition());
    int n = 20 + r.nextInt(400);
    int d = 1 + r.nextInt(4);
    double[][] p = points(r, n, d, info.getCurrentRepetition() % 2 == 0);
    RangeCounter counter = RangeCounter.of(p);
    for (int i = 0; i < n; i += 5) {
      double[] radius = new double[d];
      for (int c = 0; c < d; c++) {
        radius[c] = info.getCurrentRepetition() % 4 == 1 ? 1.0 : r.nextDouble() * 2;
      }
      for (Boundary boundary : Boundary.values()) {
        boolean strict = boundary == Boundary.OPEN;
        int expected = 0;
        for (int j = 0; j < n; j++) {
          boolean in = true;
          for (int c = 0; c < d; c++) {
            double diff = Math.abs(p[i][c] - p[j][c]);
            in &= strict ? diff < radius[c] : diff <= radius[c];
          }
          expected += in ? 1 : 0;
          assertEquals(in, counter.within(i, j, radius, boundary));
        }
        assertEquals(expected, counter.count(i, radius, boundary), boundary.toString());
      }
    }
  }
}
