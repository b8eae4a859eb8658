/**
 * Readings and their sources, and as-of alignment. A {@link org.aoiforecast.core.reading.Source}
 * is a named stream of value columns; a {@link org.aoiforecast.core.reading.Reading} is one
 * generated sample with its generation and arrival times (epoch milliseconds); a
 * {@link org.aoiforecast.core.reading.ReadingSeries} holds a source's readings.
 * {@link org.aoiforecast.core.reading.AsOfAligner} answers, for each query time, which reading of
 * each source had arrived and how old it was (its age), giving an
 * {@link org.aoiforecast.core.reading.Alignment}.
 */
package org.aoiforecast.core.reading;
