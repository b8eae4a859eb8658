/**
 * aoi-forecast on Apache Spark: {@link org.aoiforecast.spark.SparkAgeAnalysis} aligns the readings
 * of many sites and estimates their age-loss profiles by running aoi-core and info-theory per site
 * inside Spark tasks; {@link org.aoiforecast.spark.FleetProfiles} holds a fleet's profiles and
 * verdicts. Tables in and out are {@code Dataset<Row>}. Spark is a provided dependency: the same
 * jar runs under {@code spark-submit} and on {@code local[*]}. Depends on the {@code table},
 * {@code align}, {@code profile} and {@code fleet} packages; only {@code cli} depends on it.
 */
package org.aoiforecast.spark;
