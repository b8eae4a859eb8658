/**
 * The results of an age-loss profile: a {@link org.aoiforecast.info.profile.ProfileCurve} per window
 * and stale source (loss per age with intervals, monotonicity, the best age and where an older
 * age beats a younger one, as {@link org.aoiforecast.info.profile.Break}s), the ε-Markov
 * {@link org.aoiforecast.info.profile.MarkovGapCurve}s, and the
 * {@link org.aoiforecast.info.profile.ProfileReport} that gathers them and writes the versioned
 * JSON of {@code analyze}.
 */
package org.aoiforecast.info.profile;
