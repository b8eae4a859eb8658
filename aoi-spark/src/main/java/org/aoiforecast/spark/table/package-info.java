/**
 * The tables the Spark module reads, checked and normalised on the driver before any task runs:
 * column names ({@link org.aoiforecast.spark.table.ReadingsColumns}), times as epoch milliseconds
 * and values as doubles ({@link org.aoiforecast.spark.table.TableColumns}), and errors that name
 * the site they come from ({@link org.aoiforecast.spark.table.SiteErrors}). Depends on aoi-core
 * and Spark only; every other package of the module builds on it.
 */
package org.aoiforecast.spark.table;
