package org.aoiforecast.solar.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.aoiforecast.core.ProgressListener;
import org.aoiforecast.forecasting.nn.TrainingListener;

/**
 * Progress bars with ETA for long steps (me.tongfei:progressbar), drawn on standard error only when
 * it is a terminal and {@code --quiet} is not given; otherwise nothing is drawn.
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * @param task the bar's label
   * @param max the units of work
   * @param enabled whether to draw anything
   * @param err where to draw
   * @return the progress
   */
  static Progress start(String task, long max, boolean enabled, PrintStream err) {
    if (!enabled) {
      return new Progress(null);
    }
    return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(250)
        .build());
  }

  /** @return whether bars should be drawn: a terminal is attached and quiet is off */
  static boolean interactive(boolean quiet) {
    return !quiet && System.console() != null;
  }

  /** @return a listener for age-loss analyses */
  ProgressListener listener() {
    return (task, done, total) -> {
      if (bar != null) {
        bar.maxHint(total);
        bar.stepTo(done);
      }
    };
  }

  /**
   * A listener for training: the bar counts epochs up to each network's limit, so a network that
   * stops early jumps ahead to the next one; the message shows the strategy, network and loss.
   *
   * @return the listener
   */
  TrainingListener training() {
    return new TrainingListener() {
      private String strategy;
      private long before;
      private long strategyEpochs;

      @Override
      public void onEpoch(EpochProgress p) {
        if (bar == null) {
          return;
        }
        if (!p.strategy().equals(strategy)) {
          before += strategyEpochs;
          strategy = p.strategy();
          strategyEpochs = (long) p.models() * p.maxEpochs();
        }
        bar.stepTo(before + (long) p.model() * p.maxEpochs() + p.epoch());
        bar.setExtraMessage(String.format(" %s %d/%d loss %.4f", p.strategy(), p.model() + 1, p.models(),
            p.validationLoss()));
      }
    };
  }

  /** @param done units done */
  void stepTo(long done) {
    if (bar != null) {
      bar.stepTo(done);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
