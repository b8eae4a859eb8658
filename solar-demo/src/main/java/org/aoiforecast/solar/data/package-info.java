/**
 * Solar data: readers of TMY3, NSRDB/PSM, PVWatts and generic CSV files into a regular series with
 * the site's position ({@link org.aoiforecast.solar.data.SolarReaders}), and the embedded default
 * data set ({@link org.aoiforecast.solar.data.SolarData}: the series with its site, if known). Irradiance in W/m², temperature in °C, humidity in %, power in kW.
 */
package org.aoiforecast.solar.data;
