/**
 * Age processes: how readings travel from their source to the forecaster (fixed or random delay,
 * periodic sampling, a recorded trace, losses), and so how ages evolve in time. Each is an
 * {@link org.aoiforecast.core.ageprocess.AgeProcess} that turns generated readings into delivered
 * ones with arrival times; deterministic for a given seed.
 */
package org.aoiforecast.core.ageprocess;
