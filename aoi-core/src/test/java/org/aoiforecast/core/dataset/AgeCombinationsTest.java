package org.aoiforecast.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aoiforecast.core.reading.Source;
import org.junit.jupiter.api.Test;

class AgeCombinationsTest {
  private static final List<AgeSet> SETS = List.of(AgeSet.range(1, 48), AgeSet.range(1, 6), AgeSet.of(24));

  @Test
  void everyVectorTakesEachSourcesAgeFromItsOwnSet() {
    List<int[]> vectors = AgeCombinations.stratified(SETS, 100, 1);
    assertEquals(100, vectors.size());
    for (int[] v : vectors) {
      assertEquals(3, v.length);
      for (int s = 0; s < 3; s++) {
        assertTrue(SETS.get(s).contains(v[s]), "age " + v[s] + " of source " + s);
      }
    }
  }

  @Test
  void eachSourceCoversItsAgesEvenly() {
    int count = 100;
    List<int[]> vectors = AgeCombinations.stratified(SETS, count, 2);
    for (int s = 0; s < SETS.size(); s++) {
      Map<Integer, Integer> seen = new HashMap<>();
      for (int[] v : vectors) {
        seen.merge(v[s], 1, Integer::sum);
      }
      int size = SETS.get(s).size();
      assertEquals(Math.min(size, count), seen.size(), "source " + s + " misses ages: " + seen);
      for (int n : seen.values()) {
        assertTrue(n == count / size || n == (count + size - 1) / size, "source " + s + ": " + seen);
      }
    }
  }

  @Test
  void agesOfTwoSourcesAreIndependent() {
    // 4 x 4 combinations, 16,000 draws: each pair about 1,000 times if the sources are independent,
    // while a shared permutation would only ever pair equal positions
    List<AgeSet> sets = List.of(AgeSet.range(1, 4), AgeSet.range(1, 4));
    int[][] pairs = new int[5][5];
    for (int[] v : AgeCombinations.stratified(sets, 16_000, 3)) {
      pairs[v[0]][v[1]]++;
    }
    for (int a = 1; a <= 4; a++) {
      for (int b = 1; b <= 4; b++) {
        assertTrue(Math.abs(pairs[a][b] - 1000) < 120, "pair " + a + "," + b + ": " + pairs[a][b]);
      }
    }
  }

  @Test
  void theSeedFixesTheSample() {
    List<int[]> a = AgeCombinations.stratified(SETS, 30, 9);
    List<int[]> b = AgeCombinations.stratified(SETS, 30, 9);
    List<int[]> c = AgeCombinations.stratified(SETS, 30, 10);
    boolean differs = false;
    for (int k = 0; k < 30; k++) {
      assertArrayEquals(a.get(k), b.get(k));
      differs |= !java.util.Arrays.equals(a.get(k), c.get(k));
    }
    assertTrue(differs, "another seed draws other vectors");
  }

  @Test
  void badArgumentsAreRefused() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> AgeCombinations.stratified(SETS, 0, 1))
        .getMessage().contains("1..100000"));
    assertThrows(IllegalArgumentException.class, () -> AgeCombinations.stratified(List.of(), 4, 1));
  }

  @Test
  void aSpecReportsByTheAgeOfTheTargetsOwnSource() {
    AgedDatasetSpec spec = AgedDatasetSpec.builder().target("P").sources("T", "P")
        .ageVectors(List.of(new int[] {5, 2}, new int[] {1, 7})).build();
    assertEquals(1, spec.targetSource().getAsInt());
    assertEquals(2, spec.reportingAge(new int[] {5, 2}));
    assertEquals(7, spec.reportingAge(new int[] {1, 7}));
    assertTrue(spec.hasAgeInput(), "two vectors pooled: the ages are inputs");
    // no source carries the target: the freshest source's age
    AgedDatasetSpec other = AgedDatasetSpec.builder().target("Y").source(Source.of("a", "A"))
        .source(Source.of("b", "B")).ageVector(6, 3).build();
    assertFalse(other.targetSource().isPresent());
    assertEquals(3, other.reportingAge(new int[] {6, 3}));
  }
}
