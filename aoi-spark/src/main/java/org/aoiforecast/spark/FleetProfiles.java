package org.aoiforecast.spark;

import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.Objects;
import org.aoiforecast.core.DataException;
import org.aoiforecast.spark.profile.ProfileColumns;
import org.aoiforecast.spark.table.SiteErrors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;

/**
 * The age-loss profiles of a fleet: one computation ({@link #curves()}, one row per site, window
 * and stale set, persisted once computed) and two tables made from it, {@link #profiles()} (long
 * format: site, profile, window, age, loss, lower, upper, estimator) and {@link #verdicts()} (site,
 * window, monotone, best age, the source to refresh first, its excess loss, the verdict in words).
 * See {@link ProfileColumns} for units.
 */
public final class FleetProfiles {
  private final Dataset<Row> curves;

  FleetProfiles(Dataset<Row> curves) {
    // Both tables read the curves: keep them, so the profiles are estimated once.
    this.curves = Objects.requireNonNull(curves, "curves").persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** @return one row per (site, window, profile) with arrays of ages, losses and bounds */
  public Dataset<Row> curves() {
    return curves;
  }

  /** @return the profiles in long format, one row per (site, profile, window, age) */
  public Dataset<Row> profiles() {
    Column zipped = arrays_zip(col(ProfileColumns.AGE), col(ProfileColumns.LOSS), col(ProfileColumns.LOWER),
        col(ProfileColumns.UPPER));
    return curves.select(col(ProfileColumns.SITE), col(ProfileColumns.PROFILE), col(ProfileColumns.WINDOW),
            explode(zipped).as("point"), col(ProfileColumns.ESTIMATOR))
        .select(col(ProfileColumns.SITE), col(ProfileColumns.PROFILE), col(ProfileColumns.WINDOW),
            col("point." + ProfileColumns.AGE).as(ProfileColumns.AGE),
            col("point." + ProfileColumns.LOSS).as(ProfileColumns.LOSS),
            col("point." + ProfileColumns.LOWER).as(ProfileColumns.LOWER),
            col("point." + ProfileColumns.UPPER).as(ProfileColumns.UPPER), col(ProfileColumns.ESTIMATOR));
  }

  /** @return the verdicts, one row per (site, window), from the profile with every source stale */
  public Dataset<Row> verdicts() {
    return curves.filter(col(ProfileColumns.PROFILE).equalTo("all"))
        .select(ProfileColumns.VERDICT_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /**
   * Writes {@code profiles.parquet}, {@code verdicts.parquet} (Spark folders) and
   * {@code profiles.csv}, {@code verdicts.csv} (folders holding one CSV part file with a header,
   * sorted by site) into a folder, replacing earlier results.
   *
   * @param folder the output folder (any Hadoop file system path)
   * @throws DataException naming the site, when a site's data breaks a rule
   */
  public void write(String folder) {
    String base = folder.endsWith("/") ? folder : folder + "/";
    try {
      profiles().write().mode(SaveMode.Overwrite).parquet(base + "profiles.parquet");
      verdicts().write().mode(SaveMode.Overwrite).parquet(base + "verdicts.parquet");
      csv(profiles().orderBy(ProfileColumns.SITE, ProfileColumns.WINDOW, ProfileColumns.PROFILE, ProfileColumns.AGE),
          base + "profiles.csv");
      csv(verdicts().orderBy(ProfileColumns.SITE, ProfileColumns.WINDOW), base + "verdicts.csv");
    } catch (Exception e) { // Spark throws its checked SparkException through Scala code
      throw SiteErrors.unwrap(e);
    }
  }

  private static void csv(Dataset<Row> table, String path) {
    table.coalesce(1).write().mode(SaveMode.Overwrite).option("header", true).csv(path);
  }
}
