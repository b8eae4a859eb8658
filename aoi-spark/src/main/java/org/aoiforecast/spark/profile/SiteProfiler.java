package org.aoiforecast.spark.profile;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.info.profile.ProfileReport;
import org.aoiforecast.spark.table.SiteErrors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The work of one site inside a Spark task: info-theory's age-loss profile of the site's series,
 * returned as {@link ProfileColumns#CURVES} rows with the site's verdicts: whether the curve with
 * every source stale is monotone, its best age, and the source to refresh first, the one whose
 * profile (it alone stale) has the largest mean excess loss over its youngest age. Serializable.
 */
public final class SiteProfiler implements Serializable {
  private static final long serialVersionUID = 1L;

  private final FleetProfile settings;

  /** @param settings the analysis of every site */
  public SiteProfiler(FleetProfile settings) {
    this.settings = settings;
  }

  /**
   * @param site the site
   * @param series its regular series
   * @return one row per curve (window × stale set)
   * @throws org.aoiforecast.core.DataException naming the site when the series cannot hold the
   *     analysis (a missing column, too few rows for the ages)
   */
  public List<Row> profile(String site, TimeSeries series) {
    ProfileReport report;
    try {
      report = settings.profileFor(series).estimate(series);
    } catch (IllegalArgumentException e) {
      throw SiteErrors.at(site, e);
    }
    List<Row> rows = new ArrayList<>();
    for (int u : settings.windows()) {
      ProfileCurve worst = null;
      double worstExcess = Double.NEGATIVE_INFINITY;
      for (ProfileCurve c : report.profiles()) {
        if (c.window() == u && !c.stale().equals(ProfileCurve.ALL) && excess(c) > worstExcess) {
          worst = c;
          worstExcess = excess(c);
        }
      }
      for (ProfileCurve c : report.profiles()) {
        if (c.window() == u) {
          rows.add(row(site, report.target(), c, worst == null ? null : worst.stale(),
              worst == null ? null : worstExcess));
        }
      }
    }
    return rows;
  }

  /** Mean loss over the ages minus the loss at the youngest age: what staleness costs on average. */
  static double excess(ProfileCurve c) {
    double[] v = c.values();
    return Arrays.stream(v).average().orElse(0) - v[0];
  }

  private static Row row(String site, String target, ProfileCurve c, String refreshFirst, Double excess) {
    // primitive arrays: Spark's row encoder takes them as they are
    return RowFactory.create(site, c.window(), c.stale(), c.ages(), c.values(), c.lower(), c.upper(), c.estimator(),
        c.samples(), c.monotone(), c.bestAge(), c.verdict(target), refreshFirst, excess);
  }
}
