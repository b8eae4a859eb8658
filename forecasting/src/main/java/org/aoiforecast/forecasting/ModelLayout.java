package org.aoiforecast.forecasting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.aoiforecast.core.dataset.AgeEncoding;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.KnownCovariate;
import org.aoiforecast.core.dataset.KnownCovariates;
import org.aoiforecast.core.reading.Source;

/**
 * What a trained model expects of its inputs: the target, the sources and their columns, the
 * window, horizon and step, the known covariates, whether ages are inputs, the ages it was
 * trained on and the resulting feature names. Stored with a saved model and checked against every
 * data set or request given to it.
 *
 * @param target the target column
 * @param step the data's step (the unit of ages, window and horizon)
 * @param window the window u
 * @param horizon the horizon in steps
 * @param sources the feature sources, in input order
 * @param covariates the known covariates' descriptions (see {@link KnownCovariates#describe}),
 *     null entries for covariates that cannot be described
 * @param covariateNames the covariates' names
 * @param ageInput whether ages are inputs
 * @param ageEncoding how ages become inputs ({@link AgeEncoding#describe()})
 * @param ageVectors the training age vectors (one age per source, in steps)
 * @param featureNames the input feature names, in order
 */
public record ModelLayout(String target, Duration step, int window, int horizon, List<Source> sources,
    List<String> covariates, List<String> covariateNames, boolean ageInput, String ageEncoding,
    List<int[]> ageVectors, List<String> featureNames) {

  /** Copies the lists. */
  public ModelLayout {
    Objects.requireNonNull(target, "target");
    sources = List.copyOf(sources);
    covariates = java.util.Collections.unmodifiableList(new ArrayList<>(covariates));
    covariateNames = List.copyOf(covariateNames);
    List<int[]> copy = new ArrayList<>();
    ageVectors.forEach(v -> copy.add(v.clone()));
    ageVectors = java.util.Collections.unmodifiableList(copy);
    featureNames = List.copyOf(featureNames);
    int values = sources.stream().mapToInt(Source::width).sum();
    int ageWidth = AgeEncoding.parse(ageEncoding).width();
    int expected = values * window + covariateNames.size() + (ageInput ? sources.size() * ageWidth : 0);
    if (featureNames.size() != expected || covariates.size() != covariateNames.size()) {
      throw new IllegalArgumentException("inconsistent feature layout: " + sources.size() + " source(s) with " + values
          + " column(s), window " + window + ", " + covariateNames.size() + " covariate(s)"
          + (ageInput ? " and age inputs" : "") + " make " + expected + " inputs, but " + featureNames.size()
          + " feature names are listed");
    }
  }

  /**
   * The layout of a data set as a model with or without age input would see it.
   *
   * @param data the (training) data set
   * @param ageInput whether ages are inputs
   * @return its layout
   */
  public static ModelLayout of(AgedDataset data, boolean ageInput) {
    AgedDataset view = data.withAgeInput(ageInput);
    List<String> descriptions = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (KnownCovariate c : view.covariates()) {
      descriptions.add(KnownCovariates.describe(c).orElse(null));
      names.add(c.name());
    }
    List<int[]> vectors = new ArrayList<>();
    for (int k = 0; k < view.ageVectorCount(); k++) {
      vectors.add(view.ageVector(k));
    }
    return new ModelLayout(view.target(), view.series().step(), view.window(), view.horizon(), view.sources(),
        descriptions, names, ageInput, view.ageEncoding().describe(), vectors, view.featureNames());
  }

  /**
   * Checks that a data set feeds this model: same target, window, horizon, step, sources and
   * covariates.
   *
   * @param data the data set
   * @throws IllegalArgumentException naming the first difference
   */
  public void requireCompatible(AgedDataset data) {
    List<String> problems = new ArrayList<>();
    if (!data.target().equals(target)) {
      problems.add("target '" + data.target() + "' (model: '" + target + "')");
    }
    if (data.window() != window) {
      problems.add("window " + data.window() + " (model: " + window + ")");
    }
    if (data.horizon() != horizon) {
      problems.add("horizon " + data.horizon() + " (model: " + horizon + ")");
    }
    if (!data.series().step().equals(step)) {
      problems.add("step " + data.series().step() + " (model: " + step + ")");
    }
    if (!sameSources(data.sources())) {
      problems.add("sources " + data.sources() + " (model: " + sources + ")");
    }
    List<String> names = data.covariates().stream().map(KnownCovariate::name).toList();
    if (!names.equals(covariateNames)) {
      problems.add("covariates " + names + " (model: " + covariateNames + ")");
    }
    if (ageInput && !data.ageEncoding().describe().equals(ageEncoding)) {
      problems.add("age encoding " + data.ageEncoding() + " (model: " + ageEncoding + ")");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the data do not match the model's inputs: " + String.join("; ", problems));
    }
  }

  private boolean sameSources(List<Source> other) {
    if (other.size() != sources.size()) {
      return false;
    }
    for (int i = 0; i < other.size(); i++) {
      if (!other.get(i).name().equals(sources.get(i).name())
          || !other.get(i).columns().equals(sources.get(i).columns())) {
        return false;
      }
    }
    return true;
  }

  /**
   * @param source source index
   * @return the smallest and largest training age of that source, in steps
   */
  public int[] ageRange(int source) {
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int[] v : ageVectors) {
      lo = Math.min(lo, v[source]);
      hi = Math.max(hi, v[source]);
    }
    return new int[] {lo, hi};
  }

  /** @return the number of inputs */
  public int featureCount() {
    return featureNames.size();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ModelLayout m) || m.ageVectors.size() != ageVectors.size()) {
      return false;
    }
    for (int i = 0; i < ageVectors.size(); i++) {
      if (!Arrays.equals(m.ageVectors.get(i), ageVectors.get(i))) {
        return false;
      }
    }
    return m.target.equals(target) && m.step.equals(step) && m.window == window && m.horizon == horizon
        && m.sources.equals(sources) && m.covariates.equals(covariates) && m.covariateNames.equals(covariateNames)
        && m.ageInput == ageInput && m.ageEncoding.equals(ageEncoding) && m.featureNames.equals(featureNames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, step, window, horizon, sources, covariateNames, ageInput, featureNames);
  }
}
