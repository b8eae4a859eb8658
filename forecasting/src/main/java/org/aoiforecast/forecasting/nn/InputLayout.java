package org.aoiforecast.forecasting.nn;

import java.util.function.IntToDoubleFunction;
import org.aoiforecast.core.dataset.AgedDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How the samples of an aged data set become network inputs.
 * <ul>
 *   <li>MLP: the flat sample of {@link AgedDataset#features(int, double[], int)}, shape
 *       {@code [batch, features]};
 *   <li>LSTM: a sequence of {@code u} steps, oldest first, shape {@code [batch, channels, u]}
 *       (NCW); at step {@code s} (lag {@code u-1-s}) the channels are every source column's value,
 *       then the known covariates and the age inputs, the latter two repeated at every step.
 * </ul>
 * Values are written into one float buffer per batch and wrapped once: no per-sample arrays.
 */
public final class InputLayout {
  private final Architecture architecture;
  private final int window;
  private final int featureCount;
  private final int valueChannels;
  private final int extraChannels;

  private InputLayout(Architecture architecture, int window, int featureCount, int valueChannels) {
    this.architecture = architecture;
    this.window = window;
    this.featureCount = featureCount;
    this.valueChannels = valueChannels;
    this.extraChannels = featureCount - valueChannels * window;
    if (extraChannels < 0) {
      throw new IllegalArgumentException(featureCount + " features cannot hold " + valueChannels + " columns x window "
          + window);
    }
  }

  /**
   * @param architecture the network type
   * @param data a data set with the layout to feed
   * @return its layout
   */
  public static InputLayout of(Architecture architecture, AgedDataset data) {
    return new InputLayout(architecture, data.spec().window(), data.featureCount(), data.spec().valueColumnCount());
  }

  /**
   * @param architecture the network type
   * @param window the window u
   * @param featureCount features per flat sample
   * @param valueChannels source columns (each contributing {@code window} features)
   * @return the layout
   */
  public static InputLayout of(Architecture architecture, int window, int featureCount, int valueChannels) {
    return new InputLayout(architecture, window, featureCount, valueChannels);
  }

  /**
   * The input array of one flat sample (in {@link AgedDataset#features(int)} order).
   *
   * @param flat the sample's features, standardised
   * @return a batch of one
   */
  public INDArray single(double[] flat) {
    if (flat.length != featureCount) {
      throw new IllegalArgumentException("expected " + featureCount + " features, got " + flat.length);
    }
    if (architecture == Architecture.MLP) {
      float[] buffer = new float[featureCount];
      for (int j = 0; j < featureCount; j++) {
        buffer[j] = (float) flat[j];
      }
      return Nd4j.create(buffer, new long[] {1, featureCount}, DataType.FLOAT);
    }
    float[] buffer = new float[(valueChannels + extraChannels) * window];
    fillSequence(flat, buffer, 0);
    return Nd4j.create(buffer, new long[] {1, valueChannels + extraChannels, window}, DataType.FLOAT);
  }

  private void fillSequence(double[] flat, float[] buffer, int base) {
    // values: channel c, lag l sits at flat[c * window + l]; step s = window - 1 - l (oldest first)
    for (int c = 0; c < valueChannels; c++) {
      int o = base + c * window;
      for (int lag = 0; lag < window; lag++) {
        buffer[o + window - 1 - lag] = (float) flat[c * window + lag];
      }
    }
    int extrasAt = valueChannels * window;
    for (int e = 0; e < extraChannels; e++) {
      float v = (float) flat[extrasAt + e];
      int o = base + (valueChannels + e) * window;
      for (int s = 0; s < window; s++) {
        buffer[o + s] = v;
      }
    }
  }

  /** @return the number of inputs per step (LSTM) or per sample (MLP) */
  public int inputSize() {
    return architecture == Architecture.MLP ? featureCount : valueChannels + extraChannels;
  }

  /** @return the sequence length (LSTM) or 1 (MLP) */
  public int steps() {
    return architecture == Architecture.MLP ? 1 : window;
  }

  /**
   * Builds the input array for some rows of a data set.
   *
   * @param data the data set (standardised)
   * @param rows the rows, in batch order
   * @param from first position in {@code rows}
   * @param count number of rows
   * @param scratch a buffer of at least {@code featureCount} doubles
   * @return the input array
   */
  public INDArray features(AgedDataset data, int[] rows, int from, int count, double[] scratch) {
    if (architecture == Architecture.MLP) {
      float[] buffer = new float[count * featureCount];
      for (int b = 0; b < count; b++) {
        data.features(rows[from + b], scratch, 0);
        int o = b * featureCount;
        for (int j = 0; j < featureCount; j++) {
          buffer[o + j] = (float) scratch[j];
        }
      }
      return Nd4j.create(buffer, new long[] {count, featureCount}, DataType.FLOAT);
    }
    int channels = valueChannels + extraChannels;
    // extras (covariates, ages) are repeated at every step, so a sequence is larger than the flat sample
    float[] buffer = new float[count * channels * window];
    for (int b = 0; b < count; b++) {
      data.features(rows[from + b], scratch, 0);
      fillSequence(scratch, buffer, b * channels * window);
    }
    return Nd4j.create(buffer, new long[] {count, channels, window}, DataType.FLOAT);
  }

  /**
   * @param data the data set (standardised)
   * @param rows rows
   * @param from first position in {@code rows}
   * @param count number of rows
   * @param offset per row of the data set, a value to subtract from its target (the linear path's
   *     forecast, so that the network learns the residual)
   * @return the targets as a {@code [count, 1]} array
   */
  public static INDArray labels(AgedDataset data, int[] rows, int from, int count, IntToDoubleFunction offset) {
    float[] y = new float[count];
    for (int b = 0; b < count; b++) {
      int row = rows[from + b];
      y[b] = (float) (data.targetValue(row) - offset.applyAsDouble(row));
    }
    return Nd4j.create(y, new long[] {count, 1}, DataType.FLOAT);
  }
}
