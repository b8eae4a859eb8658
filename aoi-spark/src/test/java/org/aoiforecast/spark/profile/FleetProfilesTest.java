package org.aoiforecast.spark.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.info.profile.ProfileReport;
import org.aoiforecast.spark.FleetProfiles;
import org.aoiforecast.spark.SparkAgeAnalysis;
import org.aoiforecast.spark.SparkTests;
import org.aoiforecast.spark.table.SiteErrors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles of a fleet: the Spark curves equal info-theory's profile of each site, the verdicts
 * name the source that matters, the folder of files and the table give the same answer, and bad
 * sites fail with their name.
 */
class FleetProfilesTest {
  private final SparkSession spark = SparkTests.session();
  private final SparkAgeAnalysis analysis = SparkAgeAnalysis.on(spark);
  private final FleetProfile settings = FleetProfile.builder("y").features("x", "z").ages("1-6").windows(1, 2)
      .estimator("linear").bootstrap(20).seed(3).build();

  @TempDir
  Path dir;

  private Dataset<Row> table(int sites, int rows) {
    List<Row> all = new ArrayList<>();
    for (int s = 0; s < sites; s++) {
      all.addAll(SyntheticSites.rows("s" + s, SyntheticSites.site(s, rows)));
    }
    return spark.createDataFrame(all, SyntheticSites.schema());
  }

  @Test
  void curvesEqualTheProfileOfEachSiteAndVerdictsNameTheDriver() {
    FleetProfiles fleet = analysis.profiles(table(3, 600), settings);
    Map<String, List<Row>> curves = SparkTests.bySite(fleet.curves().collectAsList(), "site");
    assertEquals(3, curves.size());
    for (int s = 0; s < 3; s++) {
      TimeSeries series = SyntheticSites.site(s, 600);
      ProfileReport expected = settings.profileFor(series).estimate(series);
      List<Row> rows = curves.get("s" + s);
      assertEquals(expected.profiles().size(), rows.size(), "curves of s" + s); // 2 windows × (all, x, z)
      for (Row r : rows) {
        ProfileCurve c = expected.profile(r.getInt(r.fieldIndex("window")), r.getString(r.fieldIndex("profile")));
        assertArrayEquals(c.values(), doubles(r, "loss"), 1e-12, "s" + s + " " + c.stale());
        assertArrayEquals(c.lower(), doubles(r, "lower"), 1e-12);
        assertArrayEquals(c.upper(), doubles(r, "upper"), 1e-12);
        assertEquals(c.bestAge(), r.getInt(r.fieldIndex("best_age")));
        assertEquals("x", r.getString(r.fieldIndex("refresh_first")), "the driver x matters, noise z not");
      }
    }
    List<Row> verdicts = fleet.verdicts().collectAsList();
    assertEquals(6, verdicts.size()); // 3 sites × 2 windows
    assertEquals(List.of("site", "window", "monotone", "best_age", "refresh_first", "refresh_first_excess_loss",
        "verdict"), List.of(fleet.verdicts().columns()));
    for (Row v : verdicts) {
      assertTrue(v.getBoolean(2), "an AR(1) driver gives a monotone profile: " + v);
      assertEquals(1, v.getInt(3));
      assertTrue(v.getDouble(5) > 0.1, "a stale driver costs: " + v);
    }
    assertEquals(3 * 2 * 3 * 6, fleet.profiles().count()); // sites × windows × profiles × ages
  }

  @Test
  void aFolderOfFilesGivesWhatTheTableGives() throws Exception {
    Path sites = Files.createDirectories(dir.resolve("sites"));
    for (int s = 0; s < 2; s++) {
      SyntheticSites.csv(SyntheticSites.site(s, 400), sites.resolve("s" + s + ".csv"));
    }
    Files.writeString(sites.resolve("README.txt"), "not a site");
    FleetProfile linear = FleetProfile.builder("y").features("x", "z").ages("1h-4h").estimator("linear")
        .withoutBootstrap().build();
    List<Row> fromFiles = analysis.profilesOfFolder(sites.toString(), linear).profiles()
        .orderBy("site", "profile", "age").collectAsList();
    List<Row> fromTable = analysis.profiles(table(2, 400), linear).profiles().orderBy("site", "profile", "age")
        .collectAsList();
    assertEquals(2 * 3 * 4, fromFiles.size());
    assertEquals(fromTable, fromFiles);
    for (Row r : fromFiles) {
      assertEquals(r.getDouble(4), r.getDouble(5), 0, "no bootstrap: lower = loss");
    }
  }

  @Test
  void writesParquetAndCsv() throws Exception {
    FleetProfiles fleet = analysis.profiles(table(2, 300), settings);
    String out = dir.resolve("out").toString();
    fleet.write(out);
    assertEquals(fleet.profiles().count(), spark.read().parquet(out + "/profiles.parquet").count());
    Dataset<Row> csv = spark.read().option("header", true).option("inferSchema", true).csv(out + "/verdicts.csv");
    assertEquals(List.of("site", "window", "monotone", "best_age", "refresh_first", "refresh_first_excess_loss",
        "verdict"), List.of(csv.columns()));
    assertEquals(4, csv.count());
    try (var files = Files.list(Path.of(out, "profiles.csv"))) {
      assertEquals(1, files.filter(f -> f.toString().endsWith(".csv")).count(), "one CSV part file");
    }
  }

  @Test
  void aRepeatedTimeWithinASiteNamesTheSite() {
    Dataset<Row> t = table(2, 200);
    Dataset<Row> repeated = t.union(t.filter("site = 's1'").limit(1));
    DataException e = failure(() -> analysis.profiles(repeated, settings).verdicts().collectAsList());
    assertTrue(e.getMessage().startsWith("site 's1', column 'time': two rows at"), e.getMessage());
  }

  @Test
  void aFileWhoseTimesGoBackNamesTheSiteFileAndLine() throws Exception {
    Path sites = Files.createDirectories(dir.resolve("back"));
    SyntheticSites.csv(SyntheticSites.site(0, 200), sites.resolve("good.csv"));
    List<String> lines = new ArrayList<>(Files.readAllLines(sites.resolve("good.csv")));
    String swapped = lines.get(10);
    lines.set(10, lines.get(11));
    lines.set(11, swapped);
    Files.write(sites.resolve("bad.csv"), lines);
    DataException e = failure(() -> analysis.profilesOfFolder(sites.toString(), settings).verdicts().collectAsList());
    assertTrue(e.getMessage().startsWith("site 'bad' (bad.csv), line 12, column 'time'"), e.getMessage());
  }

  @Test
  void anEmptySiteIsNamed() throws Exception {
    Path sites = Files.createDirectories(dir.resolve("empty"));
    SyntheticSites.csv(SyntheticSites.site(0, 200), sites.resolve("good.csv"));
    Files.writeString(sites.resolve("nothing.csv"), "time,y,x,z\n");
    DataException e = failure(() -> analysis.profilesOfFolder(sites.toString(), settings).verdicts().collectAsList());
    assertTrue(e.getMessage().startsWith("site 'nothing' (nothing.csv)"), e.getMessage());
  }

  @Test
  void aSiteTooShortForTheAgesIsNamed() {
    Dataset<Row> t = table(1, 300).union(spark.createDataFrame(SyntheticSites.rows("short", SyntheticSites.site(9, 5)),
        SyntheticSites.schema()));
    DataException e = failure(() -> analysis.profiles(t, settings).verdicts().collectAsList());
    assertTrue(e.getMessage().startsWith("site 'short'"), e.getMessage());
  }

  @Test
  void aMissingColumnIsNamedBeforeAnyTaskRuns() {
    DataException e = assertThrows(DataException.class,
        () -> analysis.profiles(table(1, 50).drop("x"), settings));
    assertEquals("x", e.column());
  }

  private static DataException failure(Runnable action) {
    Exception e = assertThrows(Exception.class, action::run);
    return SiteErrors.find(e).orElseThrow(() -> new AssertionError("no data error behind " + e, e));
  }

  private static double[] doubles(Row r, String column) {
    return r.<Double>getList(r.fieldIndex(column)).stream().mapToDouble(Double::doubleValue).toArray();
  }
}
