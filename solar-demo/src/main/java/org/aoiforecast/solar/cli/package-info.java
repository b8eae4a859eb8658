/**
 * The {@code aoi-solar} command line (picocli): {@code simulate}, {@code analyze}, {@code train},
 * {@code run}, {@code predict} and {@code estimate}, their shared options, text tables and
 * progress. Exit codes: 0 success, 1 bad data or a failure, 2 bad usage.
 */
package org.aoiforecast.solar.cli;
