/**
 * The solar simulator behind the default data set: a {@link org.aoiforecast.solar.sim.Site}, the
 * sun's position and clear-sky irradiance, a cloud and weather process, and PV power, seeded,
 * hourly or finer ({@link org.aoiforecast.solar.sim.SolarSimulator}).
 */
package org.aoiforecast.solar.sim;
