package org.aoiforecast.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A seeded sample of age vectors in which each source's age is drawn independently of the others,
 * for pooled data sets whose sources are stale by different amounts, as in deployment (one
 * source arrives every 5 minutes, another once a day).
 *
 * <p>All combinations of per-source age sets are far too many to pool (48 ages for each of four
 * sources make 5.3 million vectors), so a data set pools a sample of {@code count} of them. The
 * sample is stratified per source: source {@code s}'s ages are laid out as consecutive seeded
 * random permutations of its age set, cut at {@code count}, and vector {@code k} takes the
 * {@code k}-th entry of every source's sequence. Each source therefore covers its ages evenly
 * (every age appears {@code floor} or {@code ceil} of {@code count / |A_s|} times, all of them
 * when {@code count >= |A_s|}), while the pairing across sources is random: the ages of two
 * sources are independent up to the stratification. Vectors are in no particular order; two may
 * coincide by chance.
 *
 * <p>Units: ages in steps of the series. Pure function of its arguments.
 */
public final class AgeCombinations {
  /** The most vectors a sample holds (each pools the whole series once). */
  public static final int MAX_COUNT = 100_000;

  private AgeCombinations() {}

  /**
   * @param perSource one age set per source, in the spec's source order
   * @param count how many age vectors to draw, 1..{@value #MAX_COUNT}
   * @param seed the seed of the permutations
   * @return {@code count} age vectors, one age per source each
   * @throws IllegalArgumentException when no source is given or {@code count} is out of range
   */
  public static List<int[]> stratified(List<AgeSet> perSource, int count, long seed) {
    Objects.requireNonNull(perSource, "perSource");
    if (perSource.isEmpty()) {
      throw new IllegalArgumentException("give one age set per source; got none");
    }
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("the number of sampled age vectors must be 1.." + MAX_COUNT + ", got "
          + count);
    }
    int sources = perSource.size();
    int[][] columns = new int[sources][];
    SplittableRandom root = new SplittableRandom(seed);
    for (int s = 0; s < sources; s++) {
      // one generator per source, split in source order: a source's sequence does not depend on
      // the sizes of the sets before it
      columns[s] = permutedSequence(Objects.requireNonNull(perSource.get(s), "age set"), count, root.split());
    }
    List<int[]> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      int[] v = new int[sources];
      for (int s = 0; s < sources; s++) {
        v[s] = columns[s][k];
      }
      out.add(v);
    }
    return out;
  }

  /** Consecutive random permutations of the set, cut at {@code count} entries. */
  private static int[] permutedSequence(AgeSet set, int count, SplittableRandom random) {
    int[] ages = set.toArray();
    int[] out = new int[count];
    int filled = 0;
    while (filled < count) {
      // Fisher-Yates on a fresh copy for every round
      int[] p = ages.clone();
      for (int i = p.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = p[i];
        p[i] = p[j];
        p[j] = tmp;
      }
      int take = Math.min(p.length, count - filled);
      System.arraycopy(p, 0, out, filled, take);
      filled += take;
    }
    return out;
  }
}
