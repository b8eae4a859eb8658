package org.aoiforecast.forecasting.model;

import java.util.Objects;
import java.util.Optional;
import org.aoiforecast.core.dataset.Standardization;
import org.aoiforecast.forecasting.nn.NetworkConfig;
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
 * @param network the DL4J network
 */
public record SavedModel(String name, ModelLayout layout, Standardization standardization, NetworkConfig config,
    TrainingSummary summary, Optional<Provenance> provenance, MultiLayerNetwork network) {

  /** Checks the parts. */
  public SavedModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(standardization, "standardization");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(network, "network");
  }
}
