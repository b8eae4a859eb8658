/**
 * A site's regular series from the forms a fleet's data comes in, inside a Spark task: a CSV file
 * per site read by aoi-core's CSV reader ({@link org.aoiforecast.spark.fleet.SiteCsv}), the rows
 * of a series table ({@link org.aoiforecast.spark.fleet.SiteRows#series}) or the readings of a
 * readings table sampled together ({@link org.aoiforecast.spark.fleet.SiteRows#fromReadings}).
 * Depends on {@code spark.table}.
 */
package org.aoiforecast.spark.fleet;
