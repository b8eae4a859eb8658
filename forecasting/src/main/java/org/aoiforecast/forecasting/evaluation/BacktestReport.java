package org.aoiforecast.forecasting.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aoiforecast.core.dataset.FoldLayout;
import org.aoiforecast.core.dataset.RollingOrigin;
import org.aoiforecast.core.io.Json;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The strategies of a rolling-origin backtest on every fold, and over the folds: per fold the same
 * per-age comparison as a single split ({@link EvaluationReport}), and per strategy the mean and
 * spread over folds ({@link MeanSpread}: the sample standard deviation) of the test MSE per age,
 * per age band and averaged over ages, of the skill and of the training time ({@link
 * #summary}). Errors are in the target's units squared. JSON: {@link #toJson} (docs/json.md,
 * the {@code backtest} object of schema 1).
 *
 * @param origin the backtest's layout rule
 * @param seriesStart the time of the series' row 0, to date the folds' rows
 * @param step the series' step
 * @param bands the age bands summarised; only those holding at least one of the ages are kept
 * @param folds the folds, earliest test block first, all with the same strategies and ages
 */
public record BacktestReport(RollingOrigin origin, Instant seriesStart, Duration step, List<AgeBand> bands,
    List<FoldResult> folds) {

  /** What {@link MeanSpread#spread()} is, in words (written into the JSON). */
  public static final String SPREAD = "sample standard deviation over folds";

  /** Validates and copies; drops the bands that hold none of the ages. */
  public BacktestReport {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(seriesStart, "seriesStart");
    Objects.requireNonNull(step, "step");
    folds = List.copyOf(folds);
    if (folds.isEmpty()) {
      throw new IllegalArgumentException("a backtest report needs at least one fold");
    }
    EvaluationReport first = folds.get(0).evaluation();
    List<String> names = first.strategies().stream().map(StrategyResult::name).toList();
    for (FoldResult f : folds) {
      List<String> other = f.evaluation().strategies().stream().map(StrategyResult::name).toList();
      if (!other.equals(names) || !Arrays.equals(f.evaluation().ages(), first.ages())) {
        throw new IllegalArgumentException("fold " + f.number() + " ran strategies " + other + " at ages "
            + Arrays.toString(f.evaluation().ages()) + ", fold " + folds.get(0).number() + " " + names + " at ages "
            + Arrays.toString(first.ages()) + ": every fold must run the same");
      }
    }
    int[] ages = first.ages();
    bands = bands.stream().filter(b -> Arrays.stream(ages).anyMatch(b::contains)).toList();
  }

  /** @return the target column */
  public String target() {
    return folds.get(0).evaluation().target();
  }

  /** @return the ages, in steps */
  public int[] ages() {
    return folds.get(0).evaluation().ages();
  }

  /** @return the strategies' names, in the order run */
  public List<String> strategyNames() {
    return folds.get(0).evaluation().strategies().stream().map(StrategyResult::name).toList();
  }

  /** @return the evaluation of the last fold (the latest forecast origin, the most training data) */
  public EvaluationReport last() {
    return folds.get(folds.size() - 1).evaluation();
  }

  /**
   * @param row a row of the series
   * @return its time
   */
  public Instant time(int row) {
    return seriesStart.plus(step.multipliedBy(row));
  }

  /**
   * @param perAge one value per age, parallel to {@link #ages()}
   * @return the mean over the ages of each band, parallel to {@link #bands()}
   */
  public double[] perBand(double[] perAge) {
    int[] ages = ages();
    return bands.stream().mapToDouble(b -> b.mean(ages, perAge)).toArray();
  }

  /**
   * One strategy over the folds.
   *
   * @param name a strategy's name
   * @return its means and spreads over folds
   */
  public StrategySummary summary(String name) {
    int k = folds.size();
    int ages = ages().length;
    double[] mean = new double[k];
    double[][] age = new double[ages][k];
    double[][] band = new double[bands.size()][k];
    double[] skill = new double[k];
    double[] seconds = new double[k];
    boolean hasSkill = true;
    for (int f = 0; f < k; f++) {
      EvaluationReport e = folds.get(f).evaluation();
      StrategyResult r = e.strategy(name);
      double[] mse = r.test().mse();
      mean[f] = r.test().meanMse();
      for (int i = 0; i < ages; i++) {
        age[i][f] = mse[i];
      }
      double[] b = perBand(mse);
      for (int j = 0; j < b.length; j++) {
        band[j][f] = b[j];
      }
      Optional<Double> s = e.meanSkill(name);
      hasSkill &= s.isPresent();
      skill[f] = s.orElse(Double.NaN);
      seconds[f] = r.trainSeconds();
    }
    return new StrategySummary(name, MeanSpread.of(mean), Arrays.stream(age).map(MeanSpread::of).toList(),
        Arrays.stream(band).map(MeanSpread::of).toList(), hasSkill ? MeanSpread.of(skill) : null,
        MeanSpread.of(seconds));
  }

  /**
   * The coverage of a strategy's central {@link ProbabilisticMetrics#INTERVAL} interval per fold,
   * over all test samples: with the calibration fitted on the fold's validation part and
   * recalibrated online through the fold's test block.
   *
   * @param name a strategy's name
   * @return {@code {fixed, online}}, each one value per fold; empty for a strategy that forecasts
   *     points
   */
  public Optional<double[][]> coverage(String name) {
    double[][] c = new double[2][folds.size()];
    for (int f = 0; f < folds.size(); f++) {
      Optional<ProbabilisticResult> p = folds.get(f).evaluation().strategy(name).probabilistic();
      if (p.isEmpty()) {
        return Optional.empty();
      }
      c[0][f] = p.get().test().meanCoverage();
      c[1][f] = p.get().testOnline().meanCoverage();
    }
    return Optional.of(c);
  }

  /** @return every strategy's summary, in the order run */
  public List<StrategySummary> summaries() {
    return strategyNames().stream().map(this::summary).toList();
  }

  /**
   * One row per (strategy, fold, age): {@code strategy, fold, age, train_mse, test_mse, test_rmse,
   * skill (NaN without smart persistence)}.
   *
   * @return a new table
   */
  public Table toTable() {
    StringColumn name = StringColumn.create("strategy");
    IntColumn fold = IntColumn.create("fold");
    IntColumn age = IntColumn.create("age");
    DoubleColumn trainMse = DoubleColumn.create("train_mse");
    DoubleColumn testMse = DoubleColumn.create("test_mse");
    DoubleColumn testRmse = DoubleColumn.create("test_rmse");
    DoubleColumn skill = DoubleColumn.create("skill");
    int[] ages = ages();
    for (String s : strategyNames()) {
      for (FoldResult f : folds) {
        StrategyResult r = f.evaluation().strategy(s);
        double[] sk = f.evaluation().skill(s).orElse(null);
        for (int i = 0; i < ages.length; i++) {
          name.append(s);
          fold.append(f.number());
          age.append(ages[i]);
          trainMse.append(r.train().mse()[i]);
          testMse.append(r.test().mse()[i]);
          testRmse.append(r.test().rmse()[i]);
          skill.append(sk == null ? Double.NaN : sk[i]);
        }
      }
    }
    return Table.create("backtest of " + target(), name, fold, age, trainMse, testMse, testRmse, skill);
  }

  /**
   * The {@code backtest} object of the train and run JSON (docs/json.md): the layout rule, every
   * fold's rows and times, and per strategy its figures per fold and their mean and spread.
   * Spreads that are not defined (one fold) are null.
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    ObjectNode root = Json.object();
    root.put("folds", folds.size());
    root.put("test_share", origin.shares().test());
    root.put("validation_share", origin.validationShare());
    root.put("gap", folds.get(0).layout().gap());
    root.put("spread", SPREAD);
    ArrayNode b = root.putArray("bands");
    for (AgeBand band : bands) {
      b.addObject().put("from", band.from()).put("to", band.to());
    }
    ArrayNode layout = root.putArray("layout");
    for (FoldResult f : folds) {
      FoldLayout l = f.layout();
      ObjectNode o = layout.addObject();
      o.put("fold", l.number());
      o.putArray("train_rows").add(l.trainFrom()).add(l.trainTo());
      if (l.hasValidation()) {
        o.putArray("validation_rows").add(l.validationFrom()).add(l.validationTo());
      } else {
        o.putNull("validation_rows");
      }
      o.putArray("test_rows").add(l.testFrom()).add(l.testTo());
      o.put("train_start", time(l.trainFrom()).toString());
      o.put("train_end", time(l.trainTo() - 1).toString());
      o.put("test_start", time(l.testFrom()).toString());
      o.put("test_end", time(l.testTo() - 1).toString());
    }
    ArrayNode list = root.putArray("strategies");
    for (String name : strategyNames()) {
      StrategySummary s = summary(name);
      ObjectNode o = list.addObject();
      o.put("name", name);
      put(o.putObject("mean_test_mse"), s.meanMse());
      put(o.putObject("test_mse"), s.ageMse());
      put(o.putObject("band_test_mse"), s.bandMse());
      if (s.meanSkill() != null) {
        put(o.putObject("mean_skill"), s.meanSkill());
      } else {
        o.putNull("mean_skill");
      }
      put(o.putObject("train_seconds"), s.trainSeconds());
      ArrayNode per = o.putArray("folds");
      for (FoldResult f : folds) {
        StrategyResult r = f.evaluation().strategy(name);
        ObjectNode p = per.addObject();
        p.put("fold", f.number());
        number(p, "mean_test_mse", r.test().meanMse());
        Json.add(p.putArray("test_mse"), r.test().mse());
        Json.add(p.putArray("band_test_mse"), perBand(r.test().mse()));
        number(p, "mean_skill", f.evaluation().meanSkill(name).orElse(Double.NaN));
        p.put("train_seconds", r.trainSeconds());
      }
    }
    return root;
  }

  private static void put(ObjectNode o, MeanSpread m) {
    number(o, "mean", m.mean());
    number(o, "spread", m.spread());
  }

  private static void put(ObjectNode o, List<MeanSpread> values) {
    ArrayNode mean = o.putArray("mean");
    ArrayNode spread = o.putArray("spread");
    for (MeanSpread m : values) {
      add(mean, m.mean());
      add(spread, m.spread());
    }
  }

  /** A finite number, or null: JSON has no NaN. */
  private static void number(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }

  private static void add(ArrayNode a, double v) {
    if (Double.isFinite(v)) {
      a.add(v);
    } else {
      a.addNull();
    }
  }
}
