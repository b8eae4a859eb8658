package org.aoiforecast.solar.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.HorizonReport;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.info.profile.MarkovGapCurve;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.info.profile.ProfileReport;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's figures, drawn with XChart and saved as PNG (900 × 520 pixels). */
final class Charts {
  static final int WIDTH = 900;
  static final int HEIGHT = 520;
  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0x7f7f7f), new Color(0x17becf)};
  private static final BasicStroke THIN_DASH = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {4f, 4f}, 0f);

  private Charts() {}

  private static XYChart xy(String title, String x, String y) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesVisible(true);
    chart.getStyler().setMarkerSize(4);
    return chart;
  }

  private static double[] doubles(int[] v) {
    return Arrays.stream(v).asDoubleStream().toArray();
  }

  /** A line with its confidence band drawn as two thin dashed lines of the same colour. */
  private static void withBand(XYChart chart, String name, double[] x, double[] y, double[] lo, double[] hi, Color c) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setLineColor(c);
    s.setMarker(SeriesMarkers.NONE);
    for (double[] band : List.of(lo, hi)) {
      XYSeries b = chart.addSeries(name + (band == lo ? " lower" : " upper"), x, band);
      b.setLineColor(c);
      b.setLineStyle(THIN_DASH);
      b.setMarker(SeriesMarkers.NONE);
      b.setShowInLegend(false);
    }
  }

  /** Figure 1: estimated loss vs age, all sources stale, one line per window. */
  static void profilesByWindow(ProfileReport r, String unit, Path png) {
    XYChart chart = xy("Estimated best loss vs age (all sources stale), " + r.target(), "age (steps)",
        r.loss().id() + " loss (" + unit + ")");
    int i = 0;
    for (ProfileCurve p : r.profiles()) {
      if (p.stale().equals(ProfileCurve.ALL)) {
        withBand(chart, "u = " + p.window(), doubles(p.ages()), p.values(), p.lower(), p.upper(),
            PALETTE[i++ % PALETTE.length]);
      }
    }
    save(chart, png);
  }

  /** Figure 2: per-source profiles (only that source stale) for one window. */
  static void perSource(ProfileReport r, int window, String unit, Path png) {
    XYChart chart = xy("Which source's staleness costs most (u = " + window + ")", "age of the stale source (steps)",
        r.loss().id() + " loss (" + unit + ")");
    int i = 0;
    for (ProfileCurve p : r.profiles()) {
      if (p.window() == window) {
        withBand(chart, p.stale().equals(ProfileCurve.ALL) ? "all stale" : p.stale() + " stale",
            doubles(p.ages()), p.values(), p.lower(), p.upper(), PALETTE[i++ % PALETTE.length]);
      }
    }
    save(chart, png);
  }

  /** Figure 3: ε-Markov gap vs age, one line per window (and ν). */
  static void markovGaps(ProfileReport r, Path png) {
    XYChart chart = xy("epsilon-Markov gap I(Y; X(t-age-nu) | X(t-age))", "age (steps)", "CMI (nats)");
    int i = 0;
    for (MarkovGapCurve g : r.markov()) {
      XYSeries s = chart.addSeries("u = " + g.window() + ", nu = " + g.nu(), doubles(g.ages()), g.cmi());
      s.setLineColor(PALETTE[i++ % PALETTE.length]);
      s.setMarker(SeriesMarkers.NONE);
    }
    save(chart, png);
  }

  /**
   * Figure 4: test MSE vs age of every strategy, with the no-training estimate overlaid next to
   * the pooled network's loss on its training data (what the estimate predicts).
   */
  static void training(EvaluationReport e, ProfileCurve estimate, String unit, Path png) {
    XYChart chart = xy("Test loss vs age: trained networks, baselines and the estimate", "age (steps)",
        "test MSE (" + unit + ")");
    double[] x = doubles(e.ages());
    int i = 0;
    for (StrategyResult s : e.strategies()) {
      XYSeries series = chart.addSeries(s.name(), x, s.test().mse());
      series.setLineColor(PALETTE[i % PALETTE.length]);
      series.setMarkerColor(PALETTE[i++ % PALETTE.length]);
      series.setMarker(s.networks() > 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }
    for (StrategyResult r : e.strategies()) {
      if (r.name().equals(org.aoiforecast.forecasting.Strategies.POOLED_WITH_AGE)) {
        XYSeries t = chart.addSeries(r.name() + " (training data)", x, r.train().mse());
        t.setLineColor(Color.DARK_GRAY);
        t.setLineStyle(THIN_DASH);
        t.setMarker(SeriesMarkers.NONE);
      }
    }
    if (estimate != null) {
      XYSeries s = chart.addSeries("estimate (no training)", doubles(estimate.ages()), estimate.values());
      s.setLineColor(Color.BLACK);
      s.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f},
          0f));
      s.setMarker(SeriesMarkers.NONE);
    }
    save(chart, png);
  }

  /** Figure 5: training time per strategy. */
  static void cost(EvaluationReport e, Path png) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Cost: training time for the whole age curve").xAxisTitle("strategy").yAxisTitle("seconds").build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLabelsVisible(true);
    List<String> names = e.strategies().stream().filter(s -> s.networks() > 0).map(s -> s.name() + " ("
        + s.networks() + " net" + (s.networks() > 1 ? "s" : "") + ")").toList();
    List<Double> seconds = e.strategies().stream().filter(s -> s.networks() > 0).map(StrategyResult::trainSeconds)
        .toList();
    if (names.isEmpty()) {
      names = List.of("no network trained");
      seconds = List.of(0.0);
    }
    chart.addSeries("training seconds", names, seconds).setFillColor(PALETTE[0]);
    save(chart, png);
  }

  /** Figure 7: forecast skill against smart persistence vs age, one line per strategy. */
  static void skill(EvaluationReport e, Path png) {
    XYChart chart = xy("Forecast skill against smart persistence, 1 - RMSE / RMSE_smart", "age (steps)", "skill");
    double[] ages = doubles(e.ages());
    int c = 0;
    for (StrategyResult r : e.strategies()) {
      XYSeries s = chart.addSeries(r.name(), ages, e.skill(r.name()).orElseThrow());
      s.setLineColor(PALETTE[c % PALETTE.length]);
      s.setMarkerColor(PALETTE[c % PALETTE.length]);
      c++;
    }
    save(chart, png);
  }

  /**
   * Figure 8: log loss per age of the Gaussian network on the test part (solid) and on its
   * training data (thin dashed), with the no-training log-loss estimate and its interval.
   */
  static void logLoss(DistributionReport d, Path png) {
    XYChart chart = xy("Log loss vs age: Gaussian network and the estimate of H(Y | X)", "age (steps)",
        "log loss (nats)");
    double[] x = doubles(d.ages());
    XYSeries test = chart.addSeries(d.strategy() + ", test", x, d.testLogLoss());
    test.setLineColor(PALETTE[0]);
    test.setMarkerColor(PALETTE[0]);
    XYSeries train = chart.addSeries(d.strategy() + ", training data", x, d.trainLogLoss());
    train.setLineColor(Color.DARK_GRAY);
    train.setLineStyle(THIN_DASH);
    train.setMarker(SeriesMarkers.NONE);
    d.estimate().ifPresent(e -> {
      withBand(chart, "estimate (no training)", doubles(e.ages()), e.values(), e.lower(), e.upper(), Color.BLACK);
      chart.getSeries("estimate (no training)").setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
    });
    save(chart, png);
  }

  /**
   * Figure 9: skill of one strategy against smart persistence per (age, horizon), a heat map
   * (red below 0, white at 0, blue above; the colour range is symmetric about 0 so that the sign
   * reads at a glance).
   *
   * @param h the evaluation per (age, horizon) with smart persistence in it
   * @param strategy the strategy shown
   * @param png the file
   */
  static void horizonSkill(HorizonReport h, String strategy, Path png) {
    double[][] skill = h.skill(strategy).orElseThrow();
    int[] ages = h.ages();
    int[] horizons = h.horizons();
    List<Number[]> cells = new ArrayList<>();
    double extent = 1e-6;
    for (int i = 0; i < ages.length; i++) {
      for (int j = 0; j < horizons.length; j++) {
        double v = Double.isFinite(skill[i][j]) ? skill[i][j] : 0;
        extent = Math.max(extent, Math.abs(v));
        cells.add(new Number[] {j, i, Math.round(v * 1000) / 1000.0});
      }
    }
    extent = Math.ceil(extent * 100) / 100; // a legend of two decimals
    HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Skill of " + strategy + " against smart persistence, 1 - RMSE / RMSE_smart")
        .xAxisTitle("horizon (steps)").yAxisTitle("age (steps)").build();
    chart.getStyler().setRangeColors(new Color[] {new Color(0xd62728), Color.WHITE, new Color(0x1f77b4)})
        .setMin(-extent).setMax(extent).setShowValue(horizons.length * ages.length <= 120);
    chart.addSeries("skill", Arrays.stream(horizons).boxed().toList(), Arrays.stream(ages).boxed().toList(), cells);
    save(chart, png);
  }

  /**
   * Figure 6: average loss vs α for zero-wait, periodic and the optimal policy, as the profile
   * predicts it (dashed) and as the pooled network realises it on the test part (solid).
   */
  static void scheduling(ClosedLoop.Result r, String unit, Path png) {
    XYChart chart = xy("Update scheduling, u = " + r.window() + ": average loss vs alpha", "alpha (T = ceil(alpha u)"
        + " steps)", "MSE " + unit);
    double[] alpha = r.sweep().stream().mapToDouble(ClosedLoop.Point::alpha).toArray();
    String[] names = {"zero-wait", "periodic", "threshold (optimal)"};
    for (int k = 0; k < names.length; k++) {
      int policy = k;
      double[] predicted = r.sweep().stream().mapToDouble(p -> p.outcomes().get(policy).predicted()).toArray();
      double[] realized = r.sweep().stream().mapToDouble(p -> p.outcomes().get(policy).realized()).toArray();
      XYSeries real = chart.addSeries(names[k] + ", realised", alpha, realized);
      real.setLineColor(PALETTE[k]);
      real.setMarkerColor(PALETTE[k]);
      XYSeries pred = chart.addSeries(names[k] + ", predicted", alpha, predicted);
      pred.setLineColor(PALETTE[k]);
      pred.setMarkerColor(PALETTE[k]);
      pred.setLineStyle(THIN_DASH);
    }
    save(chart, png);
  }

  /**
   * Figure 10: the fan chart, two panels side by side: a test week forecast with fresh inputs and
   * with inputs a day old, each with the observed target, the median and the central 80 %
   * interval (shaded).
   *
   * @param f the chart's data
   * @param unit the target's unit, for the axis
   * @param png the file
   */
  static void fan(FanChart f, String unit, Path png) {
    java.awt.image.BufferedImage left = BitmapEncoder.getBufferedImage(fanPanel(f, f.fresh(), "fresh inputs, age "
        + f.freshAge(), unit));
    java.awt.image.BufferedImage right = BitmapEncoder.getBufferedImage(fanPanel(f, f.stale(), "stale inputs, age "
        + f.staleAge(), unit));
    java.awt.image.BufferedImage both = new java.awt.image.BufferedImage(left.getWidth() + right.getWidth(),
        Math.max(left.getHeight(), right.getHeight()), java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = both.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, both.getWidth(), both.getHeight());
    g.drawImage(left, 0, 0, null);
    g.drawImage(right, left.getWidth(), 0, null);
    g.dispose();
    write(both, png);
  }

  private static XYChart fanPanel(FanChart f, FanChart.Panel p, String title, String unit) {
    XYChart chart = new XYChartBuilder().width(WIDTH * 3 / 4).height(HEIGHT).title(title + " (week from " + f.start()
        + ")").xAxisTitle("hours").yAxisTitle(unit.isEmpty() ? "target" : unit).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(0);
    // the band as an area between the upper end and the lower end (the lower one painted white)
    XYSeries upper = chart.addSeries("80 % interval", f.hours(), p.upper());
    upper.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Area);
    upper.setFillColor(new Color(0x1f, 0x77, 0xb4, 70));
    upper.setLineColor(new Color(0x1f, 0x77, 0xb4, 70));
    XYSeries lower = chart.addSeries("lower", f.hours(), p.lower());
    lower.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Area);
    lower.setFillColor(Color.WHITE);
    lower.setLineColor(new Color(0x1f, 0x77, 0xb4, 70));
    lower.setShowInLegend(false);
    XYSeries median = chart.addSeries("median", f.hours(), p.median());
    median.setLineColor(PALETTE[0]);
    XYSeries observed = chart.addSeries("observed", f.hours(), f.observed());
    observed.setLineColor(Color.BLACK);
    for (XYSeries s : java.util.List.of(upper, lower, median, observed)) {
      s.setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  private static void save(org.knowm.xchart.internal.chartpart.IChart chart, Path png) {
    write(BitmapEncoder.getBufferedImage(chart), png);
  }

  private static void write(java.awt.image.BufferedImage image, Path png) {
    // ImageIO writes exactly to the given path (XChart's file variants append an extension and
    // are deprecated).
    try {
      if (!ImageIO.write(image, "png", png.toFile())) {
        throw new IOException("no PNG writer in this JVM");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
    }
  }
}
