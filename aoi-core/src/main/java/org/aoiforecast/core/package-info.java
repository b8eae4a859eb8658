/**
 * The foundation shared by every module: a regular {@link org.aoiforecast.core.TimeSeries} (values
 * on an evenly spaced time grid, in the units of its columns), the located
 * {@link org.aoiforecast.core.DataException} that every reader and view throws on bad input, and
 * a {@link org.aoiforecast.core.ProgressListener} for long computations.
 *
 * <p>Subpackages, in the order data flows: {@code reading} (sources, readings, as-of alignment),
 * {@code ageprocess} (how readings age in transit), {@code io} (CSV and JSON), {@code dataset}
 * (aged supervised data sets: spec, encoder, views, splits, standardisation).
 */
package org.aoiforecast.core;
