package org.aoiforecast.forecasting.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aoiforecast.core.dataset.AgedDataset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains one network with minibatches drawn from an aged data set view, early stopping on a
 * validation set and keeping the best weights.
 *
 * <p>Minibatches are built from row indices of the view: for pooled training nothing is copied
 * per age. An epoch takes {@code rowsPerEpoch} rows from a seeded permutation of all rows,
 * continuing where the previous epoch stopped (so over several epochs every row is used) and
 * reshuffling when the permutation is exhausted.
 *
 * <p>With a linear path, the path alone (a network that outputs 0) is the candidate to beat: the
 * network's weights are kept only when some epoch has a lower validation loss than the path
 * alone; otherwise its output layer is zeroed and the model is its linear path. Measured on
 * rolling-origin backtests of the solar data, a network trained on winter and spring and tested
 * on summer made the path's forecasts 15 % worse, and the validation part said so beforehand.
 */
public final class Trainer {
  /**
   * At most this many validation rows are scored per epoch (a fixed, seeded sample): about one
   * pooled epoch's training rows on a year of hourly data, so that the check costs a fraction of
   * the epoch. With 20,000 rows it was 45 % of a pooled network's training in a profile; the smaller
   * sample kept the same epochs on two of the four solar files and moved the test loss on the
   * other two by 0.2 % (docs/benchmarks.md, "What early stopping watches, and what it costs").
   */
  static final int MAX_VALIDATION_ROWS = 5_000;
  /** Rows per forward pass when predicting. */
  private static final int PREDICT_BATCH = 4096;

  private Trainer() {}

  /**
   * The outcome of training one network.
   *
   * @param network the network with the best validation weights
   * @param epochs epochs run
   * @param bestEpoch the epoch whose weights were kept; 0 when, with a linear path and a
   *     validation part, no epoch beat the path alone and the network's output layer was zeroed
   * @param bestValidationLoss its validation score ({@link NetworkConfig#stoppingScore()})
   * @param samplesSeen training samples processed
   * @param seconds wall time
   */
  public record Result(MultiLayerNetwork network, int epochs, int bestEpoch, double bestValidationLoss,
      long samplesSeen, double seconds) {}

  /**
   * Where the strategy stands, for progress reports across several networks.
   *
   * @param strategy strategy name
   * @param model index of this network
   * @param models networks the strategy trains
   * @param listener progress receiver
   */
  public record Context(String strategy, int model, int models, TrainingListener listener) {}

  /**
   * What the network learns beside a linear path: per row of the training and validation views,
   * the path's forecast, subtracted from the target ({@link #NONE}: the network learns the target).
   * Forecasts are computed when a row is first used and kept: a pooled view has hundreds of
   * thousands of rows, of which early stopping often uses half.
   */
  public static final class Residual {
    /** No linear path: the network learns the target itself. */
    public static final Residual NONE = new Residual(null, null, null);

    private final LinearBase.Rows trainRows; // null without a path
    private final LinearBase.Rows validationRows;
    private final double[] trainCache;
    private final double[] validationCache;

    private Residual(LinearBase base, AgedDataset train, AgedDataset validation) {
      this.trainRows = base == null ? null : base.over(train);
      this.validationRows = base == null || validation == null ? null : base.over(validation);
      this.trainCache = cache(train);
      this.validationCache = cache(validation);
    }

    /**
     * @param base a fitted linear path
     * @param train the standardised training view
     * @param validation the standardised validation view, or null
     * @return the path's forecasts of the rows of both views, computed as they are used
     */
    public static Residual of(LinearBase base, AgedDataset train, AgedDataset validation) {
      return new Residual(java.util.Objects.requireNonNull(base, "base"), train, validation);
    }

    private static double[] cache(AgedDataset view) {
      if (view == null) {
        return null;
      }
      double[] c = new double[view.size()];
      Arrays.fill(c, Double.NaN);
      return c;
    }

    /** @return whether there is a linear path (otherwise every offset is 0) */
    public boolean hasPath() {
      return trainRows != null;
    }

    /**
     * @param row a row of the training view
     * @return the path's forecast of it (0 without a path), standardised target units
     */
    public double train(int row) {
      return offset(trainRows, trainCache, row);
    }

    /**
     * @param row a row of the validation view
     * @return the path's forecast of it (0 without a path), standardised target units
     */
    public double validation(int row) {
      return offset(validationRows, validationCache, row);
    }

    // one trainer thread uses a residual, so the path's buffers and the caches need no locking
    private double offset(LinearBase.Rows rows, double[] cache, int row) {
      if (rows == null) {
        return 0;
      }
      double v = cache[row];
      if (Double.isNaN(v)) {
        v = rows.predict(row);
        cache[row] = v;
      }
      return v;
    }
  }

  /**
   * @param config hyper-parameters
   * @param layout input layout
   * @param train standardised training view
   * @param rowsPerEpoch rows per epoch ({@code train.size()} for a full pass)
   * @param validation standardised validation view, or null
   * @param residual what the network learns beside a linear path ({@link Residual#NONE}: the target)
   * @param context progress context
   * @return the trained network (best validation epoch) and statistics
   * @throws TrainingException when the loss becomes NaN or infinite
   */
  public static Result train(NetworkConfig config, InputLayout layout, AgedDataset train, int rowsPerEpoch,
      AgedDataset validation, Residual residual, Context context) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("the training set is empty");
    }
    long started = System.nanoTime();
    MultiLayerNetwork net = Networks.build(config, layout);
    SplittableRandom random = new SplittableRandom(config.seed());
    int[] order = permutation(train.size(), random);
    int cursor = 0;
    int[] validationRows = validation == null ? null : sampleRows(validation.size(), random);
    double[] scratch = new double[train.featureCount()];
    ValidationSet validationSet = validation == null ? null
        : ValidationSet.of(config.head(), config.stoppingScore(), layout, validation, validationRows, residual,
            scratch);
    int batch = config.batchSize();
    int[] epochRows = new int[rowsPerEpoch];
    INDArray best = null;
    // with a linear path, "epoch 0" is the path alone (a network that outputs 0): the network is
    // kept only when some epoch beats it on the validation part
    // (a point head only: a Gaussian head's spread has no "path alone" counterpart)
    boolean pathAlone = residual.hasPath() && validationSet != null && config.head() == OutputHead.POINT;
    double bestLoss = pathAlone ? validationSet.zeroOutputMse() : Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    int sinceBest = 0;
    long seen = 0;
    int epoch = 0;
    double learningRate = config.learningRate();
    int decayAfter = Math.max(1, config.patience() / 3);
    while (epoch < config.maxEpochs()) {
      epoch++;
      long epochStart = System.nanoTime();
      for (int i = 0; i < rowsPerEpoch; i++) {
        if (cursor == order.length) {
          order = permutation(train.size(), random);
          cursor = 0;
        }
        epochRows[i] = order[cursor++];
      }
      double lossSum = 0;
      for (int from = 0; from < rowsPerEpoch; from += batch) {
        int count = Math.min(batch, rowsPerEpoch - from);
        net.fit(new DataSet(layout.features(train, epochRows, from, count, scratch),
            InputLayout.labels(train, epochRows, from, count, residual::train)));
        lossSum += net.score() * count;
      }
      seen += rowsPerEpoch;
      double trainLoss = lossSum / rowsPerEpoch;
      if (!Double.isFinite(trainLoss)) {
        throw new TrainingException(epoch, context.strategy() + (context.models() > 1 ? " network "
            + (context.model() + 1) + " of " + context.models() : "") + ": the training loss became " + trainLoss
            + " at epoch " + epoch + "; lower the learning rate (now " + config.learningRate()
            + ") or check the inputs for extreme values");
      }
      double validationLoss = validationSet == null ? trainLoss : validationSet.loss(net);
      if (validationLoss < bestLoss) {
        bestLoss = validationLoss;
        bestEpoch = epoch;
        best = net.params().dup();
        sinceBest = 0;
      } else {
        sinceBest++;
        if (config.plateauDecay() < 1 && sinceBest % decayAfter == 0) {
          learningRate *= config.plateauDecay();
          net.setLearningRate(learningRate);
        }
      }
      double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
      int epochsLeft = config.maxEpochs() - epoch + (context.models() - context.model() - 1) * config.maxEpochs();
      context.listener().onEpoch(new TrainingListener.EpochProgress(context.strategy(), context.model(),
          context.models(), epoch, config.maxEpochs(), trainLoss, validation == null ? Double.NaN : validationLoss,
          rowsPerEpoch / epochSeconds, epochsLeft * epochSeconds));
      if (sinceBest >= config.patience()) {
        break;
      }
    }
    if (best != null) {
      net.setParams(best);
    } else if (pathAlone) {
      silenceOutput(net);
    }
    return new Result(net, epoch, bestEpoch, bestLoss, seen, (System.nanoTime() - started) / 1e9);
  }

  /** Zeroes the output layer's weights and bias, so that the network adds nothing to the linear path. */
  private static void silenceOutput(MultiLayerNetwork net) {
    org.deeplearning4j.nn.api.Layer out = net.getOutputLayer();
    for (String name : out.paramTable().keySet()) {
      out.getParam(name).assign(0);
    }
  }

  /**
   * Network outputs for rows of a data set, in batches: the forecast of a point head, the mean of
   * a Gaussian head.
   *
   * @param net the network
   * @param layout its input layout
   * @param data standardised data set
   * @param rows the rows
   * @return one output per row (standardised target units)
   */
  public static double[] predict(MultiLayerNetwork net, InputLayout layout, AgedDataset data, int[] rows) {
    return outputs(net, layout, data, rows)[0];
  }

  /**
   * Means and standard deviations of a Gaussian head for rows of a data set, in batches.
   *
   * @param net a network with a Gaussian head ({@link OutputHead#GAUSSIAN})
   * @param layout its input layout
   * @param data standardised data set
   * @param rows the rows
   * @return {@code {means, standard deviations}}, one per row (standardised target units)
   * @throws IllegalArgumentException when the network has one output
   */
  public static double[][] predictGaussian(MultiLayerNetwork net, InputLayout layout, AgedDataset data, int[] rows) {
    double[][] out = outputs(net, layout, data, rows);
    if (out.length != 2) {
      throw new IllegalArgumentException("the network has " + out.length + " output; a Gaussian head has 2");
    }
    for (int i = 0; i < rows.length; i++) {
      out[1][i] = GaussianNll.standardDeviation(out[1][i]);
    }
    return out;
  }

  /** The network's output columns, one array per column. */
  private static double[][] outputs(MultiLayerNetwork net, InputLayout layout, AgedDataset data, int[] rows) {
    int columns = (int) net.layerSize(net.getnLayers() - 1);
    double[][] out = new double[columns][rows.length];
    double[] scratch = new double[data.featureCount()];
    for (int from = 0; from < rows.length; from += PREDICT_BATCH) {
      int count = Math.min(PREDICT_BATCH, rows.length - from);
      INDArray y = net.output(layout.features(data, rows, from, count, scratch), false);
      for (int c = 0; c < columns; c++) {
        for (int i = 0; i < count; i++) {
          out[c][from + i] = y.getDouble(i, c);
        }
      }
    }
    return out;
  }

  /**
   * The validation sample, encoded once: its features in batches and the targets the network
   * should output (the target less the linear path's forecast), so that each epoch's check is one
   * forward pass. The loss is the early-stopping criterion in standardised units: the MSE of the
   * forecasts (a point head, or a Gaussian head's means with {@link StoppingScore#SQUARED_ERROR}),
   * otherwise the mean negative log-likelihood of a Gaussian head.
   */
  private record ValidationSet(boolean likelihood, List<INDArray> batches, double[] targets) {
    static ValidationSet of(OutputHead head, StoppingScore score, InputLayout layout, AgedDataset data, int[] rows,
        Residual residual, double[] scratch) {
      List<INDArray> batches = new ArrayList<>();
      for (int from = 0; from < rows.length; from += PREDICT_BATCH) {
        batches.add(layout.features(data, rows, from, Math.min(PREDICT_BATCH, rows.length - from), scratch));
      }
      double[] targets = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        targets[i] = data.targetValue(rows[i]) - residual.validation(rows[i]);
      }
      return new ValidationSet(head == OutputHead.GAUSSIAN && score == StoppingScore.LOSS, batches, targets);
    }

    /** @return the MSE of a network that outputs 0: the linear path alone */
    double zeroOutputMse() {
      double s = 0;
      for (double t : targets) {
        s += t * t;
      }
      return s / targets.length;
    }

    double loss(MultiLayerNetwork net) {
      double s = 0;
      int i = 0;
      for (INDArray x : batches) {
        INDArray y = net.output(x, false);
        for (int b = 0; b < y.rows(); b++) {
          double mean = y.getDouble(b, 0);
          double t = targets[i++];
          // the NLL is unchanged by shifting target and mean by the path's forecast alike
          s += likelihood
              ? GaussianNll.negativeLogLikelihood(t, mean, GaussianNll.standardDeviation(y.getDouble(b, 1)))
              : (mean - t) * (mean - t);
        }
      }
      return s / targets.length;
    }
  }

  /** All rows, or a fixed seeded sample of {@value #MAX_VALIDATION_ROWS} of them. */
  private static int[] sampleRows(int n, SplittableRandom random) {
    int[] p = permutation(n, random);
    if (n <= MAX_VALIDATION_ROWS) {
      return p;
    }
    int[] s = Arrays.copyOf(p, MAX_VALIDATION_ROWS);
    Arrays.sort(s);
    return s;
  }

  static int[] permutation(int n, SplittableRandom random) {
    int[] p = allRows(n);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /**
   * @param n a size
   * @return {@code 0..n-1}
   */
  public static int[] allRows(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}
