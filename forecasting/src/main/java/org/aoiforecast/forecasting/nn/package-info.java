/**
 * The networks and their training: the hyper-parameters
 * ({@link org.aoiforecast.forecasting.nn.NetworkConfig}, {@link org.aoiforecast.forecasting.nn.Architecture}),
 * how a flat sample becomes a network input ({@link org.aoiforecast.forecasting.nn.InputLayout}),
 * the network builders, the minibatch training loop with early stopping
 * ({@link org.aoiforecast.forecasting.nn.Trainer}) and its progress
 * ({@link org.aoiforecast.forecasting.nn.TrainingListener}). Losses here are in standardised
 * units.
 */
package org.aoiforecast.forecasting.nn;
