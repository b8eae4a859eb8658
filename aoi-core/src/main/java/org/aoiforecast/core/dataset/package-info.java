/**
 * Aged supervised data sets: pairs {@code (X_{t-Δ}, Y_{t+h})} whose features are stale by known
 * ages, counted in steps of the series.
 *
 * <ul>
 *   <li>{@link org.aoiforecast.core.dataset.AgedDatasetSpec}: what a sample is (target, sources,
 *       window, horizon, age vectors, known covariates, age encoding), independent of data;
 *   <li>{@link org.aoiforecast.core.dataset.FeatureEncoder}: the one feature layout, for training
 *       rows and live forecasts alike;
 *   <li>{@link org.aoiforecast.core.dataset.AgedDataset}: a spec over the rows of a series, a view
 *       rather than a copy, with chronological {@link org.aoiforecast.core.dataset.Splits} and a
 *       training-only {@link org.aoiforecast.core.dataset.Standardization};
 *   <li>{@link org.aoiforecast.core.dataset.RollingOrigin}: the folds of a rolling-origin
 *       backtest ({@link org.aoiforecast.core.dataset.FoldLayout} rows, {@link
 *       org.aoiforecast.core.dataset.BacktestFold} parts), expanding training windows with gaps;
 *   <li>{@link org.aoiforecast.core.dataset.AgeSet}, {@link org.aoiforecast.core.dataset.AgeEncoding},
 *       {@link org.aoiforecast.core.dataset.KnownCovariate}: the parts a spec is made of;
 *   <li>{@link org.aoiforecast.core.dataset.AgeCombinations}: a seeded sample of age vectors whose
 *       sources are stale independently, for pooling per-source ages.
 * </ul>
 */
package org.aoiforecast.core.dataset;
