/**
 * Reading and writing files: {@link org.aoiforecast.core.io.TimeSeriesCsvReader} reads timestamped
 * CSV into a table or a regular series, with the time layout a
 * {@link org.aoiforecast.core.io.TimeLayout} and the zone a
 * {@link org.aoiforecast.core.io.ZoneSource}; every bad value, row or header is an error naming
 * file, line and column. {@link org.aoiforecast.core.io.Json} holds the JSON helpers that the
 * modules' versioned outputs share.
 */
package org.aoiforecast.core.io;
