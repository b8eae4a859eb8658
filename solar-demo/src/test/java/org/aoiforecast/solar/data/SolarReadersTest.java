package org.aoiforecast.solar.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolarReadersTest {
  @TempDir
  Path dir;

  @Test
  void readsTmy3WithCanonicalNamesSiteAndClearSky() {
    Path file = SharedData.greensboroTmy3();
    assertEquals(SolarFormat.TMY3, SolarReaders.detect(file));
    SolarData d = SolarReaders.read(file, SolarFormat.AUTO, CsvOptions.defaults());
    TimeSeries s = d.series();
    assertEquals(8760, s.size());
    assertEquals(Duration.ofHours(1), s.step());
    assertTrue(s.names().containsAll(List.of("GHI", "Temperature", "RelativeHumidity", "CloudCover", "ClearSkyGHI")),
        s.names().toString());
    assertEquals("W/m^2", s.units().get(s.columnIndex("GHI")));
    assertEquals("C", s.units().get(s.columnIndex("Temperature")));
    assertEquals(36.1, d.site().orElseThrow().latitude(), 1e-9);
    assertEquals(-79.95, d.site().orElseThrow().longitude(), 1e-9);
    assertEquals("GHI", d.defaultTarget());
    // measured GHI stays mostly below the computed clear-sky GHI
    double[] ghi = s.column("GHI");
    double[] clear = s.column("ClearSkyGHI");
    int above = 0;
    for (int i = 0; i < ghi.length; i++) {
      if (ghi[i] > 1.15 * clear[i] + 20) {
        above++;
      }
    }
    assertTrue(above < 0.02 * ghi.length, above + " hours far above clear sky");
    // the reader says how it computed the column: at the middle of each hour-ending step
    ClearSkyColumn recipe = d.clearSky().orElseThrow();
    assertEquals(Duration.ofMinutes(-30), recipe.offset());
    for (int i = 0; i < s.size(); i += 97) {
      assertEquals(clear[i], recipe.at(s.time(i)), 0.0, "row " + i);
    }
  }

  @Test
  void readsPvwattsWithSiteFromItsMetadata() {
    Path file = SharedData.require("pvwatts/pvwatts_8760_rackmount.csv");
    assertEquals(SolarFormat.PVWATTS, SolarReaders.detect(file));
    SolarData d = SolarReaders.read(file, SolarFormat.PVWATTS, CsvOptions.defaults());
    assertEquals(8760, d.series().size());
    assertEquals("Power", d.defaultTarget());
    assertEquals("W", d.series().units().get(d.series().columnIndex("Power")));
    assertEquals(-105.18, d.site().orElseThrow().longitude(), 1e-9);
    assertEquals(Instant.parse("1990-01-01T07:00:00Z"), d.series().start()); // UTC-7 from the longitude
  }

  @Test
  void readsNsrdbWithMetadataKeys() throws IOException {
    Path file = dir.resolve("nsrdb.csv");
    Files.writeString(file, "Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation\n"
        + "NSRDB,145809,-,-,-,39.73,-105.18,-7,1829\n"
        + "Year,Month,Day,Hour,Minute,GHI,Temperature,Relative Humidity,Cloud Type\n"
        + "2019,6,1,0,0,0,15.2,40.1,0\n2019,6,1,0,30,0,14.9,41.0,0\n2019,6,1,1,0,0,14.5,42.3,1\n");
    assertEquals(SolarFormat.NSRDB, SolarReaders.detect(file));
    SolarData d = SolarReaders.read(file, SolarFormat.AUTO, CsvOptions.defaults());
    assertEquals(Instant.parse("2019-06-01T07:00:00Z"), d.series().start());
    assertEquals(Duration.ofMinutes(30), d.series().step());
    assertEquals(List.of("GHI", "Temperature", "RelativeHumidity", "CloudType"), d.defaultFeatures());
    assertTrue(d.series().hasColumn("ClearSkyGHI"));
  }

  @Test
  void theEmbeddedDefaultDataIsTheSimulatedSite() {
    SolarData d = SolarReaders.defaultData();
    assertEquals(8760, d.series().size());
    assertEquals("Power", d.defaultTarget());
    assertEquals("kW", d.series().units().get(d.series().columnIndex("Power")));
  }

  @Test
  void aFileOfAnotherFormatThanClaimedIsRefused() {
    Path pvwatts = SharedData.require("pvwatts/pvwatts_8760_rackmount.csv");
    DataException e = assertThrows(DataException.class,
        () -> SolarReaders.read(pvwatts, SolarFormat.TMY3, CsvOptions.defaults()));
    assertTrue(e.getMessage().contains("is not a TMY3 file") && e.getMessage().contains("PVWATTS"), e.getMessage());
    DataException missing = assertThrows(DataException.class,
        () -> SolarReaders.read(dir.resolve("none.csv"), SolarFormat.AUTO, CsvOptions.defaults()));
    assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
  }
}
