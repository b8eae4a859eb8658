/**
 * The networks and their training: the hyper-parameters
 * ({@link org.aoiforecast.forecasting.nn.NetworkConfig}, {@link org.aoiforecast.forecasting.nn.Architecture}),
 * how a flat sample becomes a network input ({@link org.aoiforecast.forecasting.nn.InputLayout}),
 * the network builders, the output heads ({@link org.aoiforecast.forecasting.nn.OutputHead}: a
 * point, or a Gaussian trained by {@link org.aoiforecast.forecasting.nn.GaussianNll} with its
 * spread calibrated per age by {@link org.aoiforecast.forecasting.nn.IntervalCalibration}), the
 * minibatch training loop with early stopping ({@link org.aoiforecast.forecasting.nn.Trainer}) and
 * its progress ({@link org.aoiforecast.forecasting.nn.TrainingListener}), and the linear path beside
 * the hidden layers ({@link org.aoiforecast.forecasting.nn.LinearBase}, with its optional
 * smart-persistence regressor, {@link org.aoiforecast.forecasting.nn.SmartPersistenceRegressor}).
 * Losses here are in standardised units.
 */
package org.aoiforecast.forecasting.nn;
