package org.aoiforecast.forecasting.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The interval factors: fitted per age on standardised residuals, looked up by the nearest age. */
class IntervalCalibrationTest {
  private static final double Z90 = 1.2815515655446004;

  @Test
  void aFactorMakesTheCentralIntervalCoverEightyPercentOfItsAge() {
    List<int[]> ages = List.of(new int[] {1}, new int[] {2});
    // age 1: |y - μ| / σ = 1..10 (tenths of the spread: 0.1, 0.2, ..., 1.0); its 80 % quantile is 0.8
    // age 2: the same residuals twice as wide
    int n = 20;
    int[] vector = new int[n];
    double[] y = new double[n];
    double[] mean = new double[n];
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      vector[i] = i < 10 ? 0 : 1;
      double z = 0.1 * (i % 10 + 1) * (i < 10 ? 1 : 2);
      y[i] = (i % 2 == 0 ? 1 : -1) * z * 3 + 5;
      mean[i] = 5;
      sd[i] = 3;
    }
    IntervalCalibration c = IntervalCalibration.fit(ages, vector, y, mean, sd);
    assertArrayEquals(new double[] {0.8 / Z90, 1.6 / Z90}, c.factors(), 1e-12);
    assertEquals(n, c.samples());
    // with the factors, exactly 8 of 10 outcomes of each age lie within ±Z90·factor·σ
    for (int k = 0; k < 2; k++) {
      int inside = 0;
      for (int i = 0; i < n; i++) {
        if (vector[i] == k && Math.abs(y[i] - mean[i]) <= Z90 * c.factors()[k] * sd[i] + 1e-12) {
          inside++;
        }
      }
      assertEquals(8, inside);
    }
  }

  @Test
  void anAgeWithoutSamplesOrResidualsKeepsTheNetworksSpread() {
    List<int[]> ages = List.of(new int[] {1}, new int[] {2});
    IntervalCalibration c = IntervalCalibration.fit(ages, new int[] {0, 0}, new double[] {1, 1},
        new double[] {1, 1}, new double[] {1, 1});
    assertArrayEquals(new double[] {1, 1}, c.factors(), 0.0);
    assertArrayEquals(new double[] {1, 1}, IntervalCalibration.none(ages).factors(), 0.0);
  }

  @Test
  void liveAgesTakeTheNearestTrainedAgeVector() {
    IntervalCalibration c = new IntervalCalibration(List.of(new int[] {1, 1}, new int[] {3, 3}, new int[] {6, 6}),
        new double[] {0.5, 1.0, 2.0}, 10);
    assertEquals(0.5, c.factor(new double[] {1, 1}), 0.0);
    assertEquals(0.5, c.factor(new double[] {2, 2}), 0.0); // a tie: the younger
    assertEquals(1.0, c.factor(new double[] {2.2, 2.4}), 0.0);
    assertEquals(2.0, c.factor(new int[] {9, 9}), 0.0);
    assertEquals(1.0, c.factor(new double[] {1, 6}), 0.0); // per-source ages: distance to (3, 3) is the least
    assertThrows(IllegalArgumentException.class, () -> c.factor(new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> new IntervalCalibration(List.of(new int[] {1}),
        new double[] {0}, 1));
    assertThrows(IllegalArgumentException.class, () -> new IntervalCalibration(List.of(new int[] {1}),
        new double[] {1, 1}, 1));
  }

  @Test
  void overSeveralHorizonsEachCellHasItsFactor() {
    List<int[]> ages = List.of(new int[] {1}, new int[] {4});
    int[] horizons = {0, 3};
    // cell = age vector * 2 + horizon index; in cell 3 (age 4, horizon 3) |z| runs 1..10, elsewhere 0.5
    int n = 40;
    int[] cells = new int[n];
    double[] y = new double[n];
    double[] mean = new double[n];
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      cells[i] = i / 10;
      y[i] = cells[i] == 3 ? 1 + i % 10 : 0.5;
      sd[i] = 1;
    }
    IntervalCalibration c = IntervalCalibration.fit(ages, horizons, cells, y, mean, sd);
    assertArrayEquals(horizons, c.horizons());
    double half = 1.2815515655446004;
    // the 8th smallest of 1..10 is 8: the interval must reach 8 standard deviations
    assertEquals(8 / half, c.factor(new double[] {4}, 3), 1e-9);
    assertEquals(0.5 / half, c.factor(new double[] {4}, 0), 1e-9);
    assertEquals(0.5 / half, c.factor(new double[] {2}, 3), 1e-9, "age 2 is nearest to age 1");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> c.factor(new double[] {4}, 1)).getMessage()
        .contains("horizon 1 steps"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> c.factor(new double[] {4})).getMessage()
        .contains("give the horizon"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new IntervalCalibration(ages, horizons,
        new double[] {1, 1}, 0)).getMessage().contains("2 factors for 2 age vectors x 2 horizons"));
    assertArrayEquals(new double[] {1, 1, 1, 1}, IntervalCalibration.none(ages, horizons).factors(), 0.0);
    assertEquals(0, IntervalCalibration.none(ages).horizons().length, "one horizon: none named");
  }
}
