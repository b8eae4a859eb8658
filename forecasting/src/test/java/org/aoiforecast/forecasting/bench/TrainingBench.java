package org.aoiforecast.forecasting.bench;

import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.forecasting.nn.Architecture;
import org.aoiforecast.forecasting.nn.InputLayout;
import org.aoiforecast.forecasting.nn.Nd4jRuntime;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.Networks;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training and inference throughput of the library's networks on the reference shape: a window of
 * u = 24 steps of 8 inputs, batch 256, Adam, MSE, float32. The LSTM is LSTM(32) → last step →
 * Dense(1) (the PyTorch peer docs/benchmarks/torch_peer.py builds the same); the MLP flattens the
 * window (192 inputs) → 64 → 64 → 1.
 *
 * <p>Run (after {@code mvn -q install -DskipTests}): {@code mvn -q -pl forecasting test-compile
 * exec:exec -Dbench.main=org.aoiforecast.forecasting.bench.TrainingBench -Dbench.args="lstm mlp"}.
 * Add {@code -Dbench.jvmArgs="-Xmx1g -Daoi.nd4j.threads=2"} to compare thread settings.
 */
public final class TrainingBench {
  private static final int WINDOW = 24;
  private static final int INPUTS = 8;
  private static final int BATCH = 256;

  private TrainingBench() {}

  public static void main(String[] args) {
    List<String> models = args.length == 0 ? List.of("lstm", "mlp") : List.of(args);
    System.out.printf("machine: %d cores; %s; %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), Nd4jRuntime.describe());
    for (String model : models) {
      Architecture arch = model.equalsIgnoreCase("lstm") ? Architecture.LSTM : Architecture.MLP;
      NetworkConfig config = NetworkConfig.builder().architecture(arch)
          .hidden(arch == Architecture.LSTM ? new int[] {32} : new int[] {64, 64}).batchSize(BATCH).build();
      InputLayout layout = InputLayout.of(arch, WINDOW, WINDOW * INPUTS, INPUTS);
      MultiLayerNetwork net = Networks.build(config, layout);
      Nd4j.getRandom().setSeed(1);
      List<DataSet> batches = new ArrayList<>();
      for (int b = 0; b < 20; b++) {
        INDArray x = arch == Architecture.LSTM ? Nd4j.rand(DataType.FLOAT, BATCH, INPUTS, WINDOW)
            : Nd4j.rand(DataType.FLOAT, BATCH, WINDOW * INPUTS);
        batches.add(new DataSet(x, Nd4j.rand(DataType.FLOAT, BATCH, 1)));
      }
      long warmEnd = System.nanoTime() + 3_000_000_000L;
      int i = 0;
      while (System.nanoTime() < warmEnd) {
        net.fit(batches.get(i++ % batches.size()));
      }
      double[] train = new double[3];
      for (int r = 0; r < train.length; r++) {
        long t0 = System.nanoTime();
        long samples = 0;
        while (System.nanoTime() - t0 < 3_000_000_000L) {
          net.fit(batches.get(i++ % batches.size()));
          samples += BATCH;
        }
        train[r] = samples / ((System.nanoTime() - t0) / 1e9);
      }
      double[] infer = new double[3];
      INDArray big = Nd4j.concat(0, batches.subList(0, 16).stream().map(DataSet::getFeatures).toArray(INDArray[]::new));
      for (int r = 0; r < infer.length; r++) {
        long t0 = System.nanoTime();
        long samples = 0;
        while (System.nanoTime() - t0 < 2_000_000_000L) {
          net.output(big, false);
          samples += big.size(0);
        }
        infer[r] = samples / ((System.nanoTime() - t0) / 1e9);
      }
      java.util.Arrays.sort(train);
      java.util.Arrays.sort(infer);
      System.out.printf("%s: training %.0f samples/s (median of 3 x 3 s; range %.0f-%.0f), inference %.0f samples/s"
          + " (batch %d)%n", model, train[1], train[0], train[2], infer[1], big.size(0));
    }
  }
}
