package org.aoiforecast.forecasting.evaluation;

import java.util.Arrays;
import org.aoiforecast.core.dataset.AgedDataset;

/**
 * How the scores of this package group a data set's age vectors: by their reporting age ({@link
 * org.aoiforecast.core.dataset.AgedDatasetSpec#reportingAge}), the shared age of a vector or, for
 * per-source age vectors, the age of the target's own source. The groups are in increasing age.
 */
final class ReportingAges {
  private final int[] ages;
  private final int[] groupOfVector;

  private ReportingAges(int[] ages, int[] groupOfVector) {
    this.ages = ages;
    this.groupOfVector = groupOfVector;
  }

  /**
   * @param data the data set
   * @return its groups
   */
  static ReportingAges of(AgedDataset data) {
    int k = data.ageVectorCount();
    int[] reporting = new int[k];
    for (int v = 0; v < k; v++) {
      reporting[v] = data.spec().reportingAge(data.ageVector(v));
    }
    int[] ages = Arrays.stream(reporting).distinct().sorted().toArray();
    int[] group = new int[k];
    for (int v = 0; v < k; v++) {
      group[v] = Arrays.binarySearch(ages, reporting[v]);
    }
    return new ReportingAges(ages, group);
  }

  /** @return the number of groups */
  int size() {
    return ages.length;
  }

  /** @return the reporting ages, increasing (a copy) */
  int[] ages() {
    return ages.clone();
  }

  /**
   * @param vector an age vector's index in the data set
   * @return the index of its group
   */
  int groupOf(int vector) {
    return groupOfVector[vector];
  }
}
