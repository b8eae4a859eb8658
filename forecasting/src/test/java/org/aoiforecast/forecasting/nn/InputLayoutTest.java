package org.aoiforecast.forecasting.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeEncoding;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.KnownCovariates;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Samples become network inputs as documented: flat for the MLP, oldest-first sequences for the LSTM. */
class InputLayoutTest {
  private static AgedDataset data() {
    double[] a = new double[100];
    double[] b = new double[100];
    for (int i = 0; i < 100; i++) {
      a[i] = i;
      b[i] = 1000 + i;
    }
    TimeSeries s = TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1)).column("a", a)
        .column("b", b).build();
    return AgedDataset.of(s, AgedDatasetSpec.builder().target("a").sources("a", "b").window(3).ages(AgeSet.of(2, 5))
        .ageEncoding(AgeEncoding.logarithmic()).covariates(KnownCovariates.hourOfDay(ZoneOffset.UTC)).build());
  }

  @Test
  void mlpInputIsTheFlatSample() {
    AgedDataset d = data();
    InputLayout layout = InputLayout.of(Architecture.MLP, d);
    INDArray x = layout.features(d, new int[] {7, 60}, 0, 2, new double[d.featureCount()]);
    assertArrayEquals(new long[] {2, d.featureCount()}, x.shape());
    double[] f = d.features(60);
    for (int j = 0; j < f.length; j++) {
      assertEquals(f[j], x.getDouble(1, j), 1e-4 * Math.max(1, Math.abs(f[j])));
    }
    assertEquals(layout.single(f), x.getRow(1, true));
  }

  @Test
  void lstmInputIsAnOldestFirstSequenceWithExtrasAtEveryStep() {
    AgedDataset d = data(); // 2 value channels x 3 steps; 2 covariates + 2 x 2 age inputs repeated
    InputLayout layout = InputLayout.of(Architecture.LSTM, d);
    assertEquals(2 + 2 + 4, layout.inputSize());
    assertEquals(3, layout.steps());
    int row = 60;
    INDArray x = layout.features(d, new int[] {row}, 0, 1, new double[d.featureCount()]);
    assertArrayEquals(new long[] {1, 8, 3}, x.shape());
    int t = d.anchorRow(row);
    int age = d.age(row, 0);
    for (int step = 0; step < 3; step++) {
      int lag = 2 - step;
      assertEquals(t - age - lag, x.getDouble(0, 0, step), 1e-3);
      assertEquals(1000 + t - age - lag, x.getDouble(0, 1, step), 1e-2);
    }
    double[] f = d.features(row);
    for (int e = 0; e < 6; e++) {
      for (int step = 0; step < 3; step++) {
        assertEquals(f[6 + e], x.getDouble(0, 2 + e, step), 1e-6);
      }
    }
    assertEquals(layout.single(f), x);
  }
}
