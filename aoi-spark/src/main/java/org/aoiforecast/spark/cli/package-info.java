/**
 * The command line of the Spark module, {@code aoi-spark} (picocli): {@code align} and
 * {@code analyze-sites}, usable with {@code spark-submit} and with {@code java -jar} (then on
 * {@code local[*]}). Depends on the module's entry point only.
 */
package org.aoiforecast.spark.cli;
