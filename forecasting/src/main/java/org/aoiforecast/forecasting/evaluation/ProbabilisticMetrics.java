package org.aoiforecast.forecasting.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.io.Json;

/**
 * Scores of Gaussian forecasts per reporting age of a pooled data set, in the target's units: the
 * log loss (nats), the CRPS, the pinball loss at the levels {@link #QUANTILES} and the empirical
 * coverage and mean width of the central {@link #INTERVAL} interval (between the 0.1 and 0.9
 * quantiles). Samples are grouped as {@link AgeMetrics} groups them, by the age of the target's
 * source ({@link org.aoiforecast.core.dataset.AgedDatasetSpec#reportingAge}): with shared ages one
 * group per age vector, with per-source ages every vector whose target source has that age. Arrays
 * are parallel to {@link #ages()}; accessors return copies. Formulas: {@link Gaussian}.
 */
public final class ProbabilisticMetrics {
  /** The quantile levels scored by the pinball loss. */
  public static final double[] QUANTILES = {0.1, 0.5, 0.9};
  /** The probability of the central interval whose coverage is measured. */
  public static final double INTERVAL = 0.8;

  private final int[] ages;
  private final int[] count;
  private final double[] logLoss;
  private final double[] crps;
  private final double[][] pinball;
  private final double[] coverage;
  private final double[] width;

  private ProbabilisticMetrics(int[] ages, int[] count, double[] logLoss, double[] crps, double[][] pinball,
      double[] coverage, double[] width) {
    this.ages = ages;
    this.count = count;
    this.logLoss = logLoss;
    this.crps = crps;
    this.pinball = pinball;
    this.coverage = coverage;
    this.width = width;
  }

  /**
   * A band's scores, every sample of its ages weighted equally.
   *
   * @param band the band
   * @param samples the samples in it (0 when none of the data set's ages lies in it)
   * @param logLoss mean log loss, nats
   * @param crps mean CRPS
   * @param pinball mean pinball loss per level of {@link #QUANTILES}
   * @param coverage the fraction of outcomes inside the central interval
   * @param width the interval's mean width
   */
  public record Band(AgeBand band, long samples, double logLoss, double crps, double[] pinball, double coverage,
      double width) {
    /** Copies. */
    public Band {
      pinball = pinball.clone();
    }

    @Override
    public double[] pinball() {
      return pinball.clone();
    }
  }

  /**
   * @param data the raw data set the forecasts are for
   * @param forecasts one Gaussian forecast per sample, target units
   * @return the scores per reporting age
   */
  public static ProbabilisticMetrics of(AgedDataset data, GaussianForecasts forecasts) {
    AgeMetrics.requireRawForecasts(data, forecasts.size(), "score forecasts");
    double half = Gaussian.standardQuantile(0.5 + INTERVAL / 2);
    double[] zq = Arrays.stream(QUANTILES).map(Gaussian::standardQuantile).toArray();
    ReportingAges groups = ReportingAges.of(data);
    int k = groups.size();
    int[] count = new int[k];
    double[] logLoss = new double[k];
    double[] crps = new double[k];
    double[][] pinball = new double[QUANTILES.length][k];
    double[] coverage = new double[k];
    double[] width = new double[k];
    for (int v = 0; v < data.ageVectorCount(); v++) {
      int g = groups.groupOf(v);
      int from = data.firstRowOf(v);
      int n = data.countOf(v);
      for (int r = from; r < from + n; r++) {
        double y = data.targetValue(r);
        double mu = forecasts.mean(r);
        double sd = forecasts.sd(r);
        logLoss[g] += Gaussian.logLoss(y, mu, sd);
        crps[g] += Gaussian.crps(y, mu, sd);
        for (int q = 0; q < QUANTILES.length; q++) {
          pinball[q][g] += Gaussian.pinball(y, mu + zq[q] * sd, QUANTILES[q]);
        }
        if (Math.abs(y - mu) <= half * sd) {
          coverage[g]++;
        }
        width[g] += 2 * half * sd;
      }
      count[g] += n;
    }
    for (int g = 0; g < k; g++) {
      logLoss[g] /= count[g];
      crps[g] /= count[g];
      for (int q = 0; q < QUANTILES.length; q++) {
        pinball[q][g] /= count[g];
      }
      coverage[g] /= count[g];
      width[g] /= count[g];
    }
    return new ProbabilisticMetrics(groups.ages(), count, logLoss, crps, pinball, coverage, width);
  }

  /**
   * Values given per age vector of a data set (e.g. calibration factors), averaged per reporting
   * age as {@link #of} groups the samples, each vector weighted by its samples.
   *
   * @param data the data set
   * @param perVector one value per age vector
   * @return one value per reporting age, in increasing age
   */
  public static double[] perReportingAge(AgedDataset data, double[] perVector) {
    if (perVector.length != data.ageVectorCount()) {
      throw new IllegalArgumentException(perVector.length + " values for " + data.ageVectorCount() + " age vectors");
    }
    ReportingAges groups = ReportingAges.of(data);
    double[] samples = new double[groups.size()];
    double[] sum = new double[groups.size()];
    for (int v = 0; v < perVector.length; v++) {
      samples[groups.groupOf(v)] += data.countOf(v);
      sum[groups.groupOf(v)] += data.countOf(v) * perVector[v];
    }
    for (int g = 0; g < sum.length; g++) {
      sum[g] /= samples[g];
    }
    return sum;
  }

  /** @return the number of reporting ages */
  public int size() {
    return count.length;
  }

  /** @return the reporting ages, increasing, in steps */
  public int[] ages() {
    return ages.clone();
  }

  /** @return samples per reporting age */
  public int[] counts() {
    return count.clone();
  }

  /** @return mean log loss per reporting age, nats */
  public double[] logLoss() {
    return logLoss.clone();
  }

  /** @return mean CRPS per reporting age, target units */
  public double[] crps() {
    return crps.clone();
  }

  /**
   * @param level one of {@link #QUANTILES}
   * @return mean pinball loss at that level per reporting age, target units
   */
  public double[] pinball(double level) {
    for (int q = 0; q < QUANTILES.length; q++) {
      if (QUANTILES[q] == level) {
        return pinball[q].clone();
      }
    }
    throw new IllegalArgumentException("no pinball loss at level " + level + "; the levels are "
        + Arrays.toString(QUANTILES));
  }

  /** @return the fraction of outcomes inside the central interval, per reporting age */
  public double[] coverage() {
    return coverage.clone();
  }

  /** @return the central interval's mean width per reporting age, target units */
  public double[] width() {
    return width.clone();
  }

  /** @return the log loss averaged over reporting ages */
  public double meanLogLoss() {
    return mean(logLoss);
  }

  /** @return the CRPS averaged over reporting ages */
  public double meanCrps() {
    return mean(crps);
  }

  /** @return the coverage over all samples */
  public double meanCoverage() {
    return weighted(coverage, v -> true);
  }

  /**
   * Pools the reporting ages that lie in a band.
   *
   * @param band the band
   * @return its scores, NaN with 0 samples when no age of the data set lies in it
   */
  public Band band(AgeBand band) {
    java.util.function.IntPredicate in = i -> band.contains(ages[i]);
    double[] pb = new double[QUANTILES.length];
    for (int q = 0; q < QUANTILES.length; q++) {
      pb[q] = weighted(pinball[q], in);
    }
    long samples = 0;
    for (int v = 0; v < count.length; v++) {
      if (in.test(v)) {
        samples += count[v];
      }
    }
    return new Band(band, samples, weighted(logLoss, in), weighted(crps, in), pb, weighted(coverage, in),
        weighted(width, in));
  }

  private double weighted(double[] values, java.util.function.IntPredicate in) {
    double s = 0;
    long n = 0;
    for (int v = 0; v < values.length; v++) {
      if (in.test(v)) {
        s += values[v] * count[v];
        n += count[v];
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(Double.NaN);
  }

  /**
   * Writes the scores of every band that holds samples, one JSON object each (label, from, to,
   * samples, log loss, CRPS, pinball losses, coverage, interval width; docs/json.md).
   *
   * @param bands the bands
   * @param list the array to append to
   */
  public void writeBands(List<AgeBand> bands, ArrayNode list) {
    for (AgeBand b : bands) {
      Band band = band(b);
      if (band.samples() == 0) {
        continue;
      }
      ObjectNode j = list.addObject();
      j.put("label", b.label());
      j.put("from", b.from());
      j.put("to", b.to());
      j.put("samples", band.samples());
      j.put("test_log_loss", band.logLoss());
      j.put("test_crps", band.crps());
      Json.add(j.putArray("test_pinball"), band.pinball());
      j.put("test_coverage", band.coverage());
      j.put("test_interval_width", band.width());
    }
  }
}
