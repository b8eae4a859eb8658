package org.aoiforecast.core.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aoiforecast.core.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PenaltyTableReaderTest {
  @TempDir
  Path dir;

  private static final String ANALYZE = """
      {"schema": 1, "command": "analyze", "target": "GHI",
       "profiles": [
         {"window": 6, "stale": "all", "ages": [1, 2, 3], "loss": [1.5, 2.5, 2.0]},
         {"window": 1, "stale": "all", "ages": [1, 2, 3], "loss": [1.0, 3.0, 2.0]},
         {"window": 6, "stale": "GHI", "ages": [1, 2, 3], "loss": [0.5, 0.6, 0.7]}
       ],
       "markov": []}
      """;

  @Test
  void readsACsvThatStartsAtAnyAge() throws IOException {
    Path f = Files.writeString(dir.resolve("p.csv"), "age,1,2,3\n5,1.0,0.9,0.8\n6,2.0,1.9,1.8\n7,1.5,1.4,1.3\n");
    PenaltyTable t = PenaltyTableReader.read(f, PenaltyTableReader.ALL_STALE);
    assertArrayEquals(new int[] {5, 6, 7}, t.ages());
    assertArrayEquals(new int[] {1, 2, 3}, t.windows());
    assertArrayEquals(new double[] {0.9, 1.9, 1.4}, t.values(2));
    assertEquals(0.9, t.penalty(2, 1), 0); // below the first age: its value
  }

  @Test
  void readsTheProfilesOfAnAnalyzeJson() throws IOException {
    Path f = Files.writeString(dir.resolve("a.json"), ANALYZE);
    PenaltyTable all = PenaltyTableReader.read(f, "all");
    assertArrayEquals(new int[] {1, 6}, all.windows());
    assertArrayEquals(new int[] {1, 2, 3}, all.ages());
    assertArrayEquals(new double[] {1.0, 3.0, 2.0}, all.values(1));
    PenaltyTable ghi = PenaltyTableReader.read(f, "GHI");
    assertArrayEquals(new int[] {6}, ghi.windows());
    DataException none = assertThrows(DataException.class, () -> PenaltyTableReader.read(f, "Wind"));
    assertTrue(none.getMessage().contains("all, GHI"), none.getMessage());
  }

  @Test
  void badFilesSayWhatIsWrong() throws IOException {
    assertBad("age,1\n", "empty");
    assertBad("age\n1\n2\n", "empty");
    assertBad("age,1\n1,0.5\n2,NaN\n", "not a finite number");
    assertBad("age,1\n1,0.5\n2,-1\n", "negative");
    assertBad("age,1\n1,0.5\n3,1\n", "consecutive");
    assertBad("age,one\n1,0.5\n", "named by its window length");
    assertBad("window,1\n1,0.5\n", "no column 'age'");
    assertBad("{\"profiles\": [{\"window\": 1, \"stale\": \"all\", \"ages\": [1, 2], \"loss\": [1, null]}]}",
        "penalty NaN");
    assertBad("{\"command\": \"train\"}", "no \"profiles\"");
    assertBad("{\"profiles\": [", "not valid JSON");
  }

  private void assertBad(String text, String expected) throws IOException {
    Path f = Files.writeString(dir.resolve("bad"), text);
    DataException e = assertThrows(DataException.class, () -> PenaltyTableReader.read(f, "all"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }
}
