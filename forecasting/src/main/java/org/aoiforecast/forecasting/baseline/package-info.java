/**
 * Baselines every network is reported next to, as training strategies
 * ({@link org.aoiforecast.forecasting.baseline.Baselines}): persistence, seasonal persistence and
 * per-age linear regression on the networks' inputs.
 */
package org.aoiforecast.forecasting.baseline;
