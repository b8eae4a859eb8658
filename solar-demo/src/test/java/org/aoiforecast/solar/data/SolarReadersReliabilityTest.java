package org.aoiforecast.solar.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.DataWarning;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.info.Estimators;
import org.aoiforecast.info.estimators.Samples;
import org.aoiforecast.solar.testing.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The solar readers never turn a bad number into a quiet wrong result. */
class SolarReadersReliabilityTest {
  @TempDir
  Path dir;

  private SolarData read(String name, String text) {
    return SolarReaders.read(SampleFiles.write(dir, name, text), SolarFormat.AUTO, CsvOptions.defaults());
  }

  @Test
  void aTmy3OffsetOfNanOrInfinityIsAnErrorNotUtc() {
    for (String offset : List.of("NaN", "Infinity", "-Infinity", "19", "1e308")) {
      DataException e = assertThrows(DataException.class, () -> read("tmy-" + offset + ".csv",
          SampleFiles.tmy3(3, offset, "")), offset);
      assertEquals(1, e.line(), e.getMessage());
      assertEquals("UTC offset", e.column(), e.getMessage());
    }
  }

  @Test
  void theClearSkyColumnFollowsTheFilesOffset() {
    // the property the NaN offset broke: with the right zone, GHI and clear-sky GHI are strongly dependent
    SolarData d = read("tmy.csv", SampleFiles.tmy3(20, "-5.0", ""));
    assertEquals(ZoneOffset.ofHours(-5), d.site().orElseThrow().zone());
    TimeSeries s = d.series();
    double mi = Estimators.ksg(4).mutualInformation(Samples.column(s.column("GHI")),
        Samples.column(s.column("ClearSkyGHI")));
    assertTrue(mi > 0.5, "MI(GHI; ClearSkyGHI) = " + mi);
  }

  @Test
  void aPvwattsMonthThatWouldWrapAroundAnIntIsAnError() {
    DataException e = assertThrows(DataException.class, () -> read("pv.csv", SampleFiles.pvwatts(2, "4294967297")));
    assertEquals(19, e.line(), e.getMessage());
    assertEquals("Month", e.column());
    assertTrue(e.getMessage().contains("out of range"), e.getMessage());
  }

  @Test
  void anImplausibleTemperatureIsKeptWithAWarning() {
    SolarData d = read("tmy.csv", SampleFiles.tmy3(3, "-5.0", "-9900"));
    assertEquals(-9900, d.series().column("Temperature")[0]);
    assertEquals(1, d.warnings().size(), d.warnings().toString());
    DataWarning w = d.warnings().get(0);
    assertEquals(3, w.line());
    assertEquals("Dry-bulb", w.column());
    assertTrue(w.toString().contains("plausible range -90 to 100 C"), w.toString());
    assertTrue(read("clean.csv", SampleFiles.tmy3(3, "-5.0", "")).warnings().isEmpty());
  }

  @Test
  void aHugeValueIsRefusedByEveryReader() {
    DataException tmy = assertThrows(DataException.class, () -> read("tmy.csv", SampleFiles.tmy3(3, "-5.0",
        "1e308")));
    assertEquals(3, tmy.line());
    assertTrue(tmy.getMessage().contains("too large"), tmy.getMessage());
    DataException nsrdb = assertThrows(DataException.class, () -> read("nsrdb.csv", SampleFiles.nsrdb(2, "NaN")));
    assertEquals("Time Zone", nsrdb.column(), nsrdb.getMessage());
  }

  @Test
  void theFilesOwnColumnNamesAreAliases() {
    SolarData nsrdb = read("nsrdb.csv", SampleFiles.nsrdb(2, "-7"));
    assertTrue(nsrdb.series().hasColumn("RelativeHumidity"));
    assertEquals("RelativeHumidity", nsrdb.canonical("Relative Humidity"));
    assertEquals("CloudType", nsrdb.canonical("Cloud Type"));
    assertEquals("GHI", nsrdb.canonical("GHI"));
    SolarData tmy = read("tmy.csv", SampleFiles.tmy3(3, "-5.0", ""));
    assertEquals("Temperature", tmy.canonical("Dry-bulb"));
    assertEquals("Temperature", tmy.canonical("Dry-bulb (C)"));
    assertEquals("GHI", tmy.canonical("GHI (W/m^2)"));
    SolarData pv = read("pv.csv", SampleFiles.pvwatts(2, ""));
    assertEquals("Power", pv.canonical("AC System Output (W)"));
    assertEquals("Power", pv.canonical("AC System Output"));
  }

  @Test
  void bytesThatAreNotUtf8SayWhatTheyAre() throws Exception {
    Path file = dir.resolve("random.bin");
    java.nio.file.Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28, 0x0A, (byte) 0xFF, (byte) 0xFE, 0x41});
    DataException e = assertThrows(DataException.class, () -> SolarReaders.read(file, SolarFormat.AUTO,
        CsvOptions.defaults()));
    assertTrue(e.getMessage().contains("is not UTF-8 text"), e.getMessage());
    assertTrue(!e.getMessage().contains("Input length"), e.getMessage());
  }
}
