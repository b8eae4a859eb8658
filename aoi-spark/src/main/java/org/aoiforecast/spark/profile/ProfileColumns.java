package org.aoiforecast.spark.profile;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The layout of a fleet's profiles. The tasks emit one row per curve ({@link #CURVES}: a site,
 * window and stale set with its ages and losses as arrays, and the site's verdicts for that
 * window); the tables users read are views of it: {@link #PROFILE_COLUMNS} (long format, one row per
 * age) and {@link #VERDICT_COLUMNS} (one row per site and window).
 *
 * <p>Losses are in the target's units squared (quadratic loss), in nats (log loss) or in the
 * target's units (absolute loss); ages and windows are in steps of the site's series.
 */
public final class ProfileColumns {
  /** The site. */
  public static final String SITE = "site";
  /** "all" (every source stale) or the name of the one stale source. */
  public static final String PROFILE = "profile";
  /** The window u, steps. */
  public static final String WINDOW = "window";
  /** Age, steps (an array in the curve rows). */
  public static final String AGE = "age";
  /** Estimated loss at the age. */
  public static final String LOSS = "loss";
  /** Lower bound of the bootstrap interval (the estimate without bootstrap). */
  public static final String LOWER = "lower";
  /** Upper bound of the bootstrap interval. */
  public static final String UPPER = "upper";
  /** The estimator's name. */
  public static final String ESTIMATOR = "estimator";
  /** Samples behind each age's estimate. */
  public static final String SAMPLES = "samples";
  /** True when no older age is significantly better than a younger one. */
  public static final String MONOTONE = "monotone";
  /** The age with the lowest estimated loss. */
  public static final String BEST_AGE = "best_age";
  /** The verdict in words. */
  public static final String VERDICT = "verdict";
  /** The source whose freshness matters most: the largest mean excess loss when it alone is stale. */
  public static final String REFRESH_FIRST = "refresh_first";
  /** That source's mean loss over the ages minus its loss at the youngest age. */
  public static final String REFRESH_FIRST_EXCESS = "refresh_first_excess_loss";

  /** The schema of the curve rows the tasks emit. */
  public static final StructType CURVES = DataTypes.createStructType(List.of(
      DataTypes.createStructField(SITE, DataTypes.StringType, false),
      DataTypes.createStructField(WINDOW, DataTypes.IntegerType, false),
      DataTypes.createStructField(PROFILE, DataTypes.StringType, false),
      DataTypes.createStructField(AGE, DataTypes.createArrayType(DataTypes.IntegerType, false), false),
      DataTypes.createStructField(LOSS, DataTypes.createArrayType(DataTypes.DoubleType, false), false),
      DataTypes.createStructField(LOWER, DataTypes.createArrayType(DataTypes.DoubleType, false), false),
      DataTypes.createStructField(UPPER, DataTypes.createArrayType(DataTypes.DoubleType, false), false),
      DataTypes.createStructField(ESTIMATOR, DataTypes.StringType, false),
      DataTypes.createStructField(SAMPLES, DataTypes.IntegerType, false),
      DataTypes.createStructField(MONOTONE, DataTypes.BooleanType, false),
      DataTypes.createStructField(BEST_AGE, DataTypes.IntegerType, false),
      DataTypes.createStructField(VERDICT, DataTypes.StringType, false),
      DataTypes.createStructField(REFRESH_FIRST, DataTypes.StringType, true),
      DataTypes.createStructField(REFRESH_FIRST_EXCESS, DataTypes.DoubleType, true)));

  /** The columns of the profiles table, in order. */
  public static final List<String> PROFILE_COLUMNS = List.of(SITE, PROFILE, WINDOW, AGE, LOSS, LOWER, UPPER,
      ESTIMATOR);

  /** The columns of the verdicts table, in order. */
  public static final List<String> VERDICT_COLUMNS = List.of(SITE, WINDOW, MONOTONE, BEST_AGE, REFRESH_FIRST,
      REFRESH_FIRST_EXCESS, VERDICT);

  private ProfileColumns() {}
}
