package org.aoiforecast.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fuzz suite's runner: tries, independent tries, a failure that says how to replay it, replay. */
class FuzzRunnerTest {
  // A replay asked for on the command line must survive this test, which sets its own.
  private final String seed = System.getProperty(Fuzz.SEED_PROPERTY);
  private final String tryIndex = System.getProperty(Fuzz.TRY_PROPERTY);

  @AfterEach
  void restoreReplay() {
    restore(Fuzz.SEED_PROPERTY, seed);
    restore(Fuzz.TRY_PROPERTY, tryIndex);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  void runsTheDefaultTriesWithTheSameDrawsEachTime() {
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    Fuzz.run(7, SplittableRandom::nextLong, first::add);
    Fuzz.run(7, SplittableRandom::nextLong, second::add);
    assertEquals(Fuzz.tries(), first.size());
    assertEquals(first, second);
    assertEquals(first.size(), first.stream().distinct().count(), "tries draw different values");
    assertNotEquals(Fuzz.random(7, 0).nextLong(), Fuzz.random(8, 0).nextLong());
  }

  @Test
  void aFailureNamesTheSeedTheTryAndTheSampleAndReplaysAlone() {
    List<Long> drawn = new ArrayList<>();
    AssertionError e = assertThrows(AssertionError.class, () -> Fuzz.run(11, SplittableRandom::nextLong, x -> {
      drawn.add(x);
      if (drawn.size() == 5) {
        throw new IllegalStateException("boom");
      }
    }));
    assertTrue(e.getMessage().contains("seed 11, try 4"), e.getMessage());
    assertTrue(e.getMessage().contains("sample: " + drawn.get(4)), e.getMessage());
    assertTrue(e.getMessage().contains("-Dtest=FuzzRunnerTest#aFailureNamesTheSeedTheTryAndTheSampleAndReplaysAlone"
        + " -Daoi.fuzz.seed=11 -Daoi.fuzz.try=4"), e.getMessage());
    assertTrue(e.getCause() instanceof IllegalStateException);

    System.setProperty(Fuzz.SEED_PROPERTY, "11");
    System.setProperty(Fuzz.TRY_PROPERTY, "4");
    List<Long> replayed = new ArrayList<>();
    Fuzz.run(11, SplittableRandom::nextLong, replayed::add);
    assertEquals(List.of(drawn.get(4)), replayed);
    List<Long> other = new ArrayList<>();
    Fuzz.run(12, SplittableRandom::nextLong, other::add);
    assertEquals(Fuzz.tries(), other.size(), "another seed runs as usual");
  }

  @Test
  void mutationsSayWhatTheyDo() {
    byte[] file = "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 500; i++) {
      Mutations.Mutation m = Mutations.random(r);
      String name = m.toString();
      assertTrue(name.startsWith("[") && name.endsWith("]"), name);
      assertTrue(name.matches("\\[(flip|insert|delete|truncate|field|header|dropLine|dupLine|swapLines)\\(.*"), name);
      m.apply(file);
    }
  }
}
