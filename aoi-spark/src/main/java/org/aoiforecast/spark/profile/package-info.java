/**
 * Age-loss profiles of many sites: the settings shared by every site
 * ({@link org.aoiforecast.spark.profile.FleetProfile}), the per-site step that Spark runs in its
 * tasks ({@link org.aoiforecast.spark.profile.SiteProfiler}: info-theory's
 * {@link org.aoiforecast.info.AgeLossProfile} on the site's series, one thread per task) and the
 * layout of its results ({@link org.aoiforecast.spark.profile.ProfileColumns}). Depends on
 * {@code spark.table}.
 */
package org.aoiforecast.spark.profile;
