package org.aoiforecast.forecasting.model;

import java.util.Objects;
import java.util.Optional;
import org.aoiforecast.core.dataset.Standardization;
import org.aoiforecast.forecasting.nn.IntervalCalibration;
import org.aoiforecast.forecasting.nn.LinearBase;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Everything a model file holds: a trained network with what it needs to be used again.
 *
 * @param name the strategy that trained it, e.g. "pooled-with-age"
 * @param layout what the network expects of its inputs
 * @param standardization the statistics of the training part
 * @param config the hyper-parameters
 * @param summary how training went
 * @param provenance where the training data came from (absent for models first saved in format 1)
 * @param linearBase the linear path beside the network, present exactly when the configuration
 *     has one (any {@link LinearPath} but {@link LinearPath#NONE}), of the configuration's form
 * @param calibration the factor of the Gaussian head's standard deviations, present exactly when
 *     the configuration's head is {@link OutputHead#GAUSSIAN}
 * @param network the DL4J network
 */
public record SavedModel(String name, ModelLayout layout, Standardization standardization, NetworkConfig config,
    TrainingSummary summary, Optional<Provenance> provenance, Optional<LinearBase> linearBase,
    Optional<IntervalCalibration> calibration, MultiLayerNetwork network) {

  /** Checks the parts. */
  public SavedModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(standardization, "standardization");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(linearBase, "linearBase");
    Objects.requireNonNull(calibration, "calibration");
    Objects.requireNonNull(network, "network");
    if (linearBase.map(LinearBase::path).orElse(LinearPath.NONE) != config.linearPath()) {
      throw new IllegalArgumentException("the configuration's linear path is " + config.linearPath() + " but the"
          + " model " + linearBase.map(b -> "has a fitted " + b.path() + " linear path")
          .orElse("lacks a fitted linear path"));
    }
    if (calibration.isPresent() != (config.head() == OutputHead.GAUSSIAN)) {
      throw new IllegalArgumentException("the configuration's head is " + config.head() + " but the model "
          + (calibration.isPresent() ? "has" : "lacks") + " an interval calibration");
    }
    if (calibration.isPresent() && !java.util.Arrays.deepEquals(calibration.get().ageVectors().toArray(int[][]::new),
        layout.spec().ageVectors().toArray(int[][]::new))) {
      throw new IllegalArgumentException("the interval calibration has " + calibration.get().factors().length
          + " factors; the model has one per training age vector (" + layout.spec().ageVectors().size() + ")");
    }
    if (calibration.isPresent() && layout.spec().horizonCount() > 1
        && !java.util.Arrays.equals(calibration.get().horizons(), layout.spec().horizons())) {
      throw new IllegalArgumentException("the interval calibration has the horizons "
          + java.util.Arrays.toString(calibration.get().horizons()) + "; the model has "
          + java.util.Arrays.toString(layout.spec().horizons()));
    }
  }
}
