package org.aoiforecast.forecasting.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.KnownCovariate;
import org.aoiforecast.core.dataset.KnownCovariates;
import org.aoiforecast.core.reading.Source;

/**
 * What a trained model expects of its inputs: the description of its training samples (target,
 * sources, window, horizon, covariates, ages and how they are fed) and the step of the data,
 * which is the unit of ages, window and horizon. Stored with a saved model and checked against
 * every data set given to it.
 *
 * @param spec the training samples' description, with the age input as the model uses it
 * @param step the data's step
 */
public record ModelLayout(AgedDatasetSpec spec, Duration step) {

  /** Checks the parts. */
  public ModelLayout {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(step, "step");
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException("the step must be positive, got " + step);
    }
  }

  /**
   * The layout of a (training) data set.
   *
   * @param data the data set, with the age input as the model uses it
   * @return its layout
   */
  public static ModelLayout of(AgedDataset data) {
    return new ModelLayout(data.spec(), data.series().step());
  }

  /** @return the target column */
  public String target() {
    return spec.target();
  }

  /** @return the feature sources, in input order */
  public List<Source> sources() {
    return spec.sources();
  }

  /** @return the window u */
  public int window() {
    return spec.window();
  }

  /**
   * @return the horizon in steps
   * @throws IllegalStateException when the model pools several horizons (see {@link #horizons()})
   */
  public int horizon() {
    return spec.horizon();
  }

  /** @return the horizons in steps, increasing (one for a single-horizon model) */
  public int[] horizons() {
    return spec.horizons();
  }

  /** @return whether ages are inputs */
  public boolean hasAgeInput() {
    return spec.hasAgeInput();
  }

  /** @return the input feature names, in order */
  public List<String> featureNames() {
    return spec.featureNames();
  }

  /** @return the number of inputs */
  public int featureCount() {
    return spec.featureCount();
  }

  /**
   * Checks that every covariate can be written to a model file.
   *
   * @throws IllegalArgumentException naming the first covariate that is not one of {@link
   *     KnownCovariates}'
   */
  public void requireSaveable() {
    for (KnownCovariate c : spec.covariates()) {
      if (KnownCovariates.describe(c).isEmpty()) {
        throw new IllegalArgumentException("covariate '" + c.name() + "' is not one of KnownCovariates' and cannot"
            + " be saved; use KnownCovariates.calendar(...) or a column covariate");
      }
    }
  }

  /**
   * Checks that a data set feeds this model: same target, window, horizon, step, sources and
   * covariates (ages may differ: the model says which ages it accepts).
   *
   * @param data the data set
   * @throws IllegalArgumentException naming every difference
   */
  public void requireCompatible(AgedDataset data) {
    AgedDatasetSpec other = data.spec();
    List<String> problems = new ArrayList<>();
    if (!other.target().equals(target())) {
      problems.add("target '" + other.target() + "' (model: '" + target() + "')");
    }
    if (other.window() != window()) {
      problems.add("window " + other.window() + " (model: " + window() + ")");
    }
    if (!other.horizonSet().equals(spec.horizonSet())) {
      problems.add((other.horizonCount() == 1 ? "horizon " + other.horizon(0) : "horizons " + other.horizonSet())
          + " (model: " + (spec.horizonCount() == 1 ? spec.horizon(0) : spec.horizonSet()) + ")");
    }
    if (!data.series().step().equals(step)) {
      problems.add("step " + data.series().step() + " (model: " + step + ")");
    }
    if (!sameSources(other.sources())) {
      problems.add("sources " + other.sources() + " (model: " + sources() + ")");
    }
    List<String> names = other.covariates().stream().map(KnownCovariate::name).toList();
    List<String> expected = spec.covariates().stream().map(KnownCovariate::name).toList();
    if (!names.equals(expected)) {
      problems.add("covariates " + names + " (model: " + expected + ")");
    }
    if (hasAgeInput() && !other.ageEncoding().equals(spec.ageEncoding())) {
      problems.add("age encoding " + other.ageEncoding() + " (model: " + spec.ageEncoding() + ")");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the data do not match the model's inputs: " + String.join("; ", problems));
    }
  }

  // Units are descriptive: a data set read without units still feeds a model saved with them.
  private boolean sameSources(List<Source> other) {
    if (other.size() != sources().size()) {
      return false;
    }
    for (int i = 0; i < other.size(); i++) {
      if (!other.get(i).name().equals(sources().get(i).name())
          || !other.get(i).columns().equals(sources().get(i).columns())) {
        return false;
      }
    }
    return true;
  }
}
