/**
 * A trained model as a value and as a file: what it expects of its inputs
 * ({@link org.aoiforecast.forecasting.model.ModelLayout}), how training went and on which data
 * ({@link org.aoiforecast.forecasting.model.TrainingSummary},
 * {@link org.aoiforecast.forecasting.model.Provenance}), everything together
 * ({@link org.aoiforecast.forecasting.model.SavedModel}), and the versioned zip format that
 * {@link org.aoiforecast.forecasting.model.ModelFile} reads and writes, failing with one
 * {@link org.aoiforecast.forecasting.model.ModelFileException}.
 */
package org.aoiforecast.forecasting.model;
