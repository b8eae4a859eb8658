package org.aoiforecast.forecasting;

import org.aoiforecast.core.dataset.AgeEncoding;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.core.testing.SharedData;

/**
 * The study's setting on real data, shared by {@link SolarClaimTest} and the study benchmark so
 * that both measure the same thing: TMY3 Greensboro, GHI target, the four study columns as
 * sources each of age 1..48 h, window u = 6, ages encoded with the daily period, the default
 * chronological split.
 */
public final class Tmy3Study {
  private Tmy3Study() {}

  /** @return the standardised splits; the calling test is skipped where ../shared/data is absent */
  public static Splits splits() {
    return AgedDataset.of(SharedData.greensboroStudySeries(), AgedDatasetSpec.builder().target(SharedData.STUDY_COLUMNS[0])
        .sources(SharedData.STUDY_COLUMNS).window(6).ages(AgeSet.range(1, 48))
        .ageEncoding(AgeEncoding.periodic(24)).build()).split(ChronologicalSplit.defaults());
  }
}
