package org.aoiforecast.info.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.info.AgeLossProfile;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.info.testing.GaussianProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class AgeLossProfileTest {
  @TempDir
  Path dir;

  private static TimeSeries series(double[][] path, String... extra) {
    double[] x = new double[path.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = path[i][0];
    }
    TimeSeries.Builder b = TimeSeries.builder(Instant.parse("2020-01-01T00:00:00Z"), Duration.ofHours(1)).column("x", x);
    SplittableRandom r = new SplittableRandom(3);
    for (String name : extra) {
      b.column(name, r.doubles(path.length).map(v -> v - 0.5).toArray());
    }
    return b.build();
  }

  private static AgedDatasetSpec spec(String target, AgeSet ages, String... sources) {
    return AgedDatasetSpec.builder().target(target).sources(sources).ages(ages).build();
  }

  @Test
  void ar1ProfileIsMonotoneAndMatchesTheMmse() {
    GaussianProcess p = GaussianProcess.markov(1, 0.8);
    TimeSeries s = series(p.sample(6000, 31));
    ProfileReport report = AgeLossProfile.builder(spec("x", AgeSet.range(1, 30), "x")).windows(1)
        .bootstrap(100).build().estimate(s);
    ProfileCurve c = report.profile(1, ProfileCurve.ALL);
    assertTrue(c.monotone(), c.verdict("x"));
    for (int age : new int[] {1, 2, 5}) {
      assertEquals(p.mmse(age), c.valueAt(age), 0.12 * p.mmse(age), "age " + age);
    }
    double[] lo = c.lower();
    double[] hi = c.upper();
    double[] v = c.values();
    for (int i = 0; i < v.length; i++) {
      assertTrue(lo[i] <= v[i] && v[i] <= hi[i]);
    }
    MarkovGapCurve gap = report.markov().get(0);
    assertTrue(Math.abs(gap.mean()) < 0.02, "Markov gap of an AR(1) is 0, mean estimate " + gap.mean());
  }

  @Test
  void withoutBootstrapTheIntervalIsTheEstimateAndTheEstimatesAreUnchanged() {
    GaussianProcess p = GaussianProcess.seasonal(1, 0.6, 0.8);
    TimeSeries s = series(p.sample(3000, 33));
    AgeLossProfile.Builder b = AgeLossProfile.builder(spec("x", AgeSet.range(1, 30), "x")).windows(1).markovLags();
    ProfileCurve with = b.bootstrap(20).build().estimate(s).profile(1, ProfileCurve.ALL);
    ProfileReport report = b.withoutBootstrap().build().estimate(s);
    ProfileCurve without = report.profile(1, ProfileCurve.ALL);
    assertEquals(0, report.replicates());
    assertArrayEquals(with.values(), without.values(), 0);
    assertArrayEquals(without.values(), without.lower(), 0);
    assertArrayEquals(without.values(), without.upper(), 0);
    // the day-old reading beats the half-day-old one on the estimates alone
    assertFalse(without.monotone(), without.verdict("x"));
    assertEquals(24, without.bestAge(13, 30));
  }

  @Test
  void seasonalProfileIsNotMonotoneAndAge24BeatsAge12() {
    GaussianProcess p = GaussianProcess.seasonal(1, 0.6, 0.8);
    TimeSeries s = series(p.sample(6000, 32));
    ProfileReport report = AgeLossProfile.builder(spec("x", AgeSet.range(1, 30), "x")).windows(1)
        .bootstrap(100).build().estimate(s);
    ProfileCurve c = report.profile(1, ProfileCurve.ALL);
    assertFalse(c.monotone(), c.verdict("x"));
    assertEquals(24, c.bestAge(13, 30));
    assertTrue(c.breaks().stream().anyMatch(b -> b.older() == 24), c.breaks().toString());
    assertTrue(c.verdict("x").contains("age 24 beats"), c.verdict("x"));
    MarkovGapCurve gap = report.markov().get(0);
    // at age 23 the day-old value (age 24) adds information: ε(23, 1) > 0 (closed form 0.16 nats)
    assertEquals(p.markovGap(23, 1), gap.cmi()[22], 0.05);
  }

  @Test
  void perSourceProfilesShowWhichSourceMatters() {
    TimeSeries s = series(GaussianProcess.markov(1, 0.8).sample(3000, 33), "noise");
    ProfileReport report = AgeLossProfile.builder(spec("x", AgeSet.range(1, 8), "x", "noise"))
        .windows(1, 2).bootstrap(50).markovLags(1, 2).build().estimate(s);
    assertEquals(6, report.profiles().size()); // per window: all, x, noise
    assertEquals(4, report.markov().size());
    ProfileCurve noise = report.profile(1, "noise");
    ProfileCurve x = report.profile(1, "x");
    // staleness of the noise source costs nothing; staleness of x costs a lot
    double noiseRise = noise.valueAt(8) - noise.valueAt(1);
    double xRise = x.valueAt(8) - x.valueAt(1);
    assertTrue(xRise > 0.5 && Math.abs(noiseRise) < 0.1, "x rise " + xRise + ", noise rise " + noiseRise);
    Table t = report.toTable();
    assertEquals(6 * 8, t.rowCount());
    assertEquals(4 * 8, report.markovTable().rowCount());
  }

  @Test
  void writesTheDocumentedJson() throws Exception {
    TimeSeries s = series(GaussianProcess.markov(1, 0.8).sample(1500, 34));
    ProfileReport report = AgeLossProfile.builder(spec("x", AgeSet.of(1, 2, 6), "x")).windows(1, 3)
        .loss(Loss.LOG).bootstrap(20).build().estimate(s);
    Path file = dir.resolve("a.json");
    report.writeJson(file, "analyze");
    JsonNode root = new ObjectMapper().readTree(Files.readString(file));
    assertEquals(1, root.get("schema").asInt());
    assertEquals("analyze", root.get("command").asText());
    assertEquals("x", root.get("target").asText());
    assertEquals("log", root.get("loss").asText());
    JsonNode profile = root.get("profiles").get(0);
    for (String field : new String[] {"window", "stale", "ages", "loss", "lower", "upper", "estimator", "monotone",
        "best_age"}) {
      assertTrue(profile.has(field), field);
    }
    assertEquals(3, profile.get("loss").size());
    assertEquals("all", profile.get("stale").asText());
    JsonNode markov = root.get("markov").get(0);
    for (String field : new String[] {"window", "nu", "ages", "cmi"}) {
      assertTrue(markov.has(field), field);
    }
    for (JsonNode p : root.get("profiles")) {
      for (JsonNode v : p.get("loss")) {
        assertTrue(Double.isFinite(v.asDouble()));
      }
    }
  }

  @Test
  void badRequestsAreRefusedClearly() {
    TimeSeries s = series(GaussianProcess.markov(1, 0.8).sample(100, 35));
    DataException tooOld = assertThrows(DataException.class,
        () -> AgeLossProfile.builder(spec("x", AgeSet.range(1, 200), "x")).build().estimate(s));
    assertTrue(tooOld.getMessage().contains("need at least"), tooOld.getMessage());
    DataException column = assertThrows(DataException.class,
        () -> AgeLossProfile.builder(spec("power", AgeSet.of(1), "x")).build().estimate(s));
    assertTrue(column.getMessage().contains("[x]"), column.getMessage());
    AgedDatasetSpec spec = AgedDatasetSpec.builder().target("x").sources("x").ages(AgeSet.of(1)).build();
    assertThrows(IllegalArgumentException.class, () -> AgeLossProfile.builder(spec).windows(0));
    assertThrows(IllegalStateException.class, () -> AgedDatasetSpec.builder().target("x").sources("x").build());
    AgedDatasetSpec perSource = AgedDatasetSpec.builder().target("x").sources("x").ageVectors(
        java.util.List.of(new int[] {2}, new int[] {1})).build();
    IllegalArgumentException shared = assertThrows(IllegalArgumentException.class,
        () -> AgeLossProfile.builder(perSource));
    assertTrue(shared.getMessage().contains("shared by all sources"), shared.getMessage());
  }
}
