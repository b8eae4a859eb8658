package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.baseline.Baselines;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.junit.jupiter.api.Test;

/** A strategy whose loss is not finite is an error that names the column, not an "Infinity" in a report. */
class NonFiniteLossTest {
  private static Splits splits(double scale) {
    int n = 500;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = scale * Math.sin(i * 2 * Math.PI / 24);
    }
    TimeSeries s = TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1)).origin("p.csv")
        .column("power", y).build();
    AgedDatasetSpec spec = AgedDatasetSpec.builder().target("power").sources("power").ages(AgeSet.range(1, 3))
        .build();
    return AgedDataset.of(s, spec).split(ChronologicalSplit.defaults());
  }

  @Test
  void baselinesOnHugeValuesNameTheTargetColumn() {
    for (TrainingStrategy<?> strategy : List.of(Baselines.persistence(), Baselines.seasonalPersistence(),
        Baselines.linear())) {
      DataException e = assertThrows(DataException.class, () -> Evaluation.run(splits(1.3e154), List.of(strategy),
          TrainingListener.NONE), strategy.name());
      assertEquals("power", e.column(), e.getMessage());
    }
    EvaluationReport ok = Evaluation.run(splits(1e3), List.of(Baselines.persistence()), TrainingListener.NONE);
    for (double v : ok.strategies().get(0).test().mse()) {
      assertTrue(Double.isFinite(v));
    }
  }
}
