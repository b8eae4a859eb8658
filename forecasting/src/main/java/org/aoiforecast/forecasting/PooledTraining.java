package org.aoiforecast.forecasting;

import java.util.Optional;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.model.ModelLayout;
import org.aoiforecast.forecasting.model.Provenance;
import org.aoiforecast.forecasting.model.SavedModel;
import org.aoiforecast.forecasting.model.TrainingSummary;
import org.aoiforecast.forecasting.nn.InputLayout;
import org.aoiforecast.forecasting.nn.IntervalCalibration;
import org.aoiforecast.forecasting.nn.LinearBase;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.aoiforecast.forecasting.nn.Trainer;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * How {@link Strategies#pooledWithAge} and {@link Strategies#pooledWithoutAge} train their one
 * network on data pooled across ages, into an {@link AgeAwareForecaster}; kept apart from the
 * forecaster, which only uses a trained model.
 */
final class PooledTraining {
  private PooledTraining() {}

  /**
   * Trains one network on the pooled training part: standardisation fitted on it, the linear path
   * when the configuration has one, minibatches from the pooled view, early stopping on the
   * validation part and, for a Gaussian head, the interval factors fitted on that part.
   */
  static AgeAwareForecaster train(String name, Splits splits, NetworkConfig config, boolean ageInput,
      TrainingListener listener) {
    Splits std = splits.standardized();
    AgedDataset train = ageInput ? std.train().withAgeInput() : std.train().withoutAgeInput();
    AgedDataset validation = std.validationPart()
        .map(v -> ageInput ? v.withAgeInput() : v.withoutAgeInput()).orElse(null);
    InputLayout in = InputLayout.of(config.architecture(), train);
    Optional<LinearBase> base = config.linearPath() != LinearPath.NONE
        ? Optional.of(LinearBase.fit(train, config.linearPath(), config.smartPersistence()))
        : Optional.empty();
    Trainer.Residual residual = base.map(b -> Trainer.Residual.of(b, train, validation)).orElse(Trainer.Residual.NONE);
    int rowsPerEpoch = train.size();
    if (train.cellCount() > 1) {
      // an epoch as long as one (age vector, horizon) cell's rows, whatever the number of cells
      long perAge = Math.round(train.countOfCell(0) * config.pooledEpochFactor());
      rowsPerEpoch = (int) Math.min(train.size(), Math.max(config.batchSize(), perAge));
    }
    Trainer.Result r = Trainer.train(config, in, train, rowsPerEpoch, validation, residual,
        new Trainer.Context(name, 0, 1, listener));
    TrainingSummary summary = new TrainingSummary(r.epochs(), r.bestEpoch(), r.bestValidationLoss(), r.samplesSeen(),
        r.seconds());
    Optional<IntervalCalibration> calibration = config.head() == OutputHead.GAUSSIAN
        ? Optional.of(validation == null ? uncalibrated(train.spec())
            : calibrate(train.spec(), r.network(), in, validation, residual))
        : Optional.empty();
    SavedModel m = new SavedModel(name, new ModelLayout(train.spec(), train.series().step()),
        std.train().standardization().orElseThrow(), config, summary, Optional.of(Provenance.of(splits.train())),
        base, calibration, r.network());
    return AgeAwareForecaster.trained(m);
  }

  private static IntervalCalibration uncalibrated(AgedDatasetSpec spec) {
    return spec.horizonCount() > 1 ? IntervalCalibration.none(spec.ageVectors(), spec.horizons())
        : IntervalCalibration.none(spec.ageVectors());
  }

  /**
   * The interval factors fitted on every sample of the (standardised) validation part: one per age
   * vector, or per (age vector, horizon) cell for data pooled over several horizons.
   */
  private static IntervalCalibration calibrate(AgedDatasetSpec spec, MultiLayerNetwork net, InputLayout in,
      AgedDataset validation, Trainer.Residual residual) {
    int[] rows = Trainer.allRows(validation.size());
    double[][] p = Trainer.predictGaussian(net, in, validation, rows);
    double[] y = new double[rows.length];
    // the validation part has the training part's spec, hence its cells in the same order
    int[] cells = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      p[0][i] += residual.validation(i);
      y[i] = validation.targetValue(i);
      cells[i] = validation.cellIndex(i);
    }
    return spec.horizonCount() > 1
        ? IntervalCalibration.fit(spec.ageVectors(), spec.horizons(), cells, y, p[0], p[1])
        : IntervalCalibration.fit(spec.ageVectors(), cells, y, p[0], p[1]);
  }
}
