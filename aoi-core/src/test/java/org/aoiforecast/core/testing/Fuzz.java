package org.aoiforecast.core.testing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Runs the fuzz suite's properties: plain JUnit 5 tests with seeded randomness. A property is a
 * fixed seed and a check; {@link #run(long, Function, Check)} draws a sample from a random source
 * and checks it, {@link #tries()} times.
 *
 * <p>Each try gets its own {@link SplittableRandom}, derived from the seed and the try's index
 * alone, so a try does not depend on what the tries before it drew: a failing try can be replayed
 * by itself. The first failure ends the property with an {@link AssertionError} that names the seed,
 * the try, the sample and the options that replay it, with the failure as its cause.
 *
 * <p>System properties (Maven passes {@code -D} options on to the tests):
 * <ul>
 *   <li>{@value #TRIES_PROPERTY}: tries per property, {@value #DEFAULT_TRIES} by default; a long run
 *       raises it.
 *   <li>{@value #SEED_PROPERTY} and {@value #TRY_PROPERTY}: together, the property with that seed
 *       runs only that try (the other properties run as usual, so select the test with
 *       {@code -Dtest=Class#method} too).
 * </ul>
 *
 * <p>Shared with the other modules' fuzz tests through aoi-core's test jar.
 */
public final class Fuzz {
  private Fuzz() {}

  /** System property: the number of tries per property. */
  public static final String TRIES_PROPERTY = "aoi.fuzz.tries";
  /** System property: the seed of the property whose try {@link #TRY_PROPERTY} is replayed. */
  public static final String SEED_PROPERTY = "aoi.fuzz.seed";
  /** System property: the index of the try to replay alone. */
  public static final String TRY_PROPERTY = "aoi.fuzz.try";
  /** Tries per property by default: enough to guard what long runs found, short enough for every build. */
  public static final int DEFAULT_TRIES = 200;

  /** The check of one sample; it may throw, as test code does. */
  @FunctionalInterface
  public interface Check<T> {
    void check(T sample) throws Exception;
  }

  /** @return the tries per property: {@value #TRIES_PROPERTY}, or {@value #DEFAULT_TRIES} */
  public static int tries() {
    int tries = Integer.getInteger(TRIES_PROPERTY, DEFAULT_TRIES);
    if (tries < 1) {
      throw new IllegalArgumentException(TRIES_PROPERTY + " must be at least 1, not " + tries);
    }
    return tries;
  }

  /**
   * Checks {@link #tries()} samples, or only the try named by {@value #SEED_PROPERTY} and
   * {@value #TRY_PROPERTY} when the seed is this one.
   *
   * @param seed the property's fixed seed
   * @param draw draws a sample from the try's random source; its {@code toString()} appears in a
   *     failure, so it should say what was drawn
   * @param property checks a sample
   * @throws AssertionError on the first failing try, naming the seed, the try and the sample
   */
  public static <T> void run(long seed, Function<SplittableRandom, T> draw, Check<T> property) {
    String test = caller();
    Optional<Integer> replay = replayedTry(seed);
    int first = replay.orElse(0);
    int end = replay.map(i -> i + 1).orElse(tries());
    for (int i = first; i < end; i++) {
      T sample = null;
      try {
        sample = draw.apply(random(seed, i));
        property.check(sample);
      } catch (Throwable failure) {
        // Every failure, an OutOfMemoryError included (the long runs found one), is worth its replay line.
        // A property that draws for itself has no sample to show but its seed and try.
        Object shown = sample instanceof SplittableRandom ? "(drawn inside the property)" : sample;
        throw new AssertionError(String.format(Locale.ROOT,
            "fuzz property %s failed: seed %d, try %d%s%n  sample: %s%n  replay this try alone with: -Dtest=%s"
                + " -D%s=%d -D%s=%d%n  cause: %s",
            test, seed, i, replay.isPresent() ? " (replayed)" : " of " + (end - first), shown, test,
            SEED_PROPERTY, seed, TRY_PROPERTY, i, failure), failure);
      }
    }
  }

  /** As {@link #run(long, Function, Check)}, for a property that draws what it needs itself. */
  public static void run(long seed, Check<SplittableRandom> property) {
    run(seed, r -> r, property);
  }

  /**
   * The random source of one try. SplittableRandom's output is a function of its seed advanced by a
   * fixed step, so seeds a step apart would give shifted copies of one sequence: the seed and the
   * index are mixed first, so that neighbouring tries and neighbouring seeds share nothing.
   *
   * @return the random source of try {@code index} of the property with seed {@code seed}
   */
  public static SplittableRandom random(long seed, int index) {
    return new SplittableRandom(mix(mix(seed) + index));
  }

  /** @return an element of the list, each equally likely */
  public static <T> T element(SplittableRandom r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  /** @return a value of the enum, each equally likely */
  public static <E extends Enum<E>> E element(SplittableRandom r, Class<E> type) {
    E[] values = type.getEnumConstants();
    return values[r.nextInt(values.length)];
  }

  /** The replayed try, when {@value #SEED_PROPERTY} names this seed and {@value #TRY_PROPERTY} is set. */
  private static Optional<Integer> replayedTry(long seed) {
    String s = System.getProperty(SEED_PROPERTY);
    String t = System.getProperty(TRY_PROPERTY);
    if (s == null || t == null || s.isBlank() || t.isBlank() || Long.parseLong(s.strip()) != seed) {
      return Optional.empty();
    }
    int index = Integer.parseInt(t.strip());
    if (index < 0) {
      throw new IllegalArgumentException(TRY_PROPERTY + " must be at least 0, not " + index);
    }
    return Optional.of(index);
  }

  /** @return the test that called {@code run}, as {@code Class#method} (the form of {@code -Dtest}) */
  private static String caller() {
    return StackWalker.getInstance().walk(frames -> frames
        .filter(f -> !f.getClassName().equals(Fuzz.class.getName()))
        .findFirst()
        .map(f -> {
          String name = f.getClassName();
          String method = f.getMethodName();
          // called from a lambda in the test (lambda$test$0): the test is the method that holds it
          if (method.startsWith("lambda$") && method.lastIndexOf('$') > "lambda$".length()) {
            method = method.substring("lambda$".length(), method.lastIndexOf('$'));
          }
          return name.substring(name.lastIndexOf('.') + 1) + "#" + method;
        })
        .orElse("?"));
  }

  /** SplitMix64's finaliser (Stafford's variant 13): every input bit affects every output bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
