/**
 * As-of alignment of many sites: the settings ({@link org.aoiforecast.spark.align.FleetAlignment}),
 * the query times ({@link org.aoiforecast.spark.align.QueryGrid} or a table), the resolved output
 * layout ({@link org.aoiforecast.spark.align.AlignmentPlan}) and the per-site step that Spark runs
 * in its tasks ({@link org.aoiforecast.spark.align.SiteAligner}): the readings of one site become
 * aoi-core {@link org.aoiforecast.core.reading.ReadingSeries}, aligned by aoi-core's
 * {@link org.aoiforecast.core.reading.AsOfAligner}, nothing re-implemented. Depends on
 * {@code spark.table}.
 */
package org.aoiforecast.spark.align;
