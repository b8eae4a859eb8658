package org.aoiforecast.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.io.TimeSeriesCsvReader;

/**
 * Locates the public data files that sit beside the project in {@code ../shared/data} (see its
 * README). Tests that need them call {@link #require(String)}, which skips the test (a JUnit
 * assumption) where the folder is absent, as in a user's fresh clone.
 *
 * <p>Shared with the other modules' tests through aoi-core's test jar.
 */
public final class SharedData {
  private SharedData() {}

  /**
   * @param relative a path inside {@code shared/data}, e.g. {@code "tmy3/723170TYA.CSV"}
   * @return the file, or null when it is not present
   */
  public static Path find(String relative) {
    // Tests run in a module folder (one level below the project root) or at the root.
    for (Path base : new Path[] {Path.of("../../shared/data"), Path.of("../shared/data")}) {
      Path p = base.resolve(relative);
      if (Files.isRegularFile(p)) {
        return p.toAbsolutePath().normalize();
      }
    }
    return null;
  }

  /**
   * @param relative a path inside {@code shared/data}
   * @return the file; the calling test is skipped when it is not present
   */
  public static Path require(String relative) {
    Path p = find(relative);
    assumeTrue(p != null, "../shared/data/" + relative + " is not present (fresh clone): test skipped");
    return p;
  }

  /** @return the Greensboro NC TMY3 file (hourly, 8760 rows) */
  public static Path greensboroTmy3() {
    return require("tmy3/723170TYA.CSV");
  }

  /**
   * Reads a TMY3 file with the generic reader: times in the file's standard time (UTC offset from
   * the metadata line), all rows moved to the non-leap year 1990 (a typical year stitches months
   * of different years).
   *
   * @param file the TMY3 file
   * @param columns the columns to read, e.g. "GHI (W/m^2)"
   * @return the hourly series
   */
  public static TimeSeries readTmy3(Path file, String... columns) {
    return TimeSeriesCsvReader.builder().skipLines(1)
        .dateAndTime("Date (MM/DD/YYYY)", "MM/dd/yyyy", "Time (HH:MM)").year(1990).zoneFromMetadata(1, 3)
        .columns(columns).build().read(file);
  }

  /** The study's TMY3 columns: GHI (the target), dry-bulb temperature, humidity and cloud cover. */
  public static final String[] STUDY_COLUMNS = {"GHI (W/m^2)", "Dry-bulb (C)", "RHum (%)", "TotCld (tenths)"};

  /** @return the study's four columns of the Greensboro TMY3 file; skips the test where absent */
  public static TimeSeries greensboroStudySeries() {
    return readTmy3(greensboroTmy3(), STUDY_COLUMNS);
  }
}
