package org.aoiforecast.forecasting.nn;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Builds the DL4J networks of the two architectures and two output heads, single precision, seeded. */
public final class Networks {
  private Networks() {}

  /**
   * @param config hyper-parameters
   * @param layout input shape
   * @return an initialised network with a linear output: one value and the squared error ({@link
   *     OutputHead#POINT}) or a mean and a raw scale and the Gaussian negative log-likelihood ({@link
   *     OutputHead#GAUSSIAN})
   */
  public static MultiLayerNetwork build(NetworkConfig config, InputLayout layout) {
    Nd4jRuntime.configure();
    NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
        .seed(config.seed())
        .dataType(DataType.FLOAT)
        .updater(new Adam(config.learningRate()))
        .weightInit(WeightInit.XAVIER)
        .l2(config.l2())
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
        .list();
    int[] hidden = config.hidden();
    int last;
    if (config.architecture() == Architecture.MLP) {
      int in = layout.inputSize();
      for (int h : hidden) {
        list.layer(new DenseLayer.Builder().nIn(in).nOut(h).activation(Activation.RELU).build());
        in = h;
      }
      last = in;
    } else {
      list.layer(new LastTimeStep(new LSTM.Builder().nIn(layout.inputSize()).nOut(hidden[0])
          .activation(Activation.TANH).build()));
      last = hidden[0];
      for (int i = 1; i < hidden.length; i++) {
        list.layer(new DenseLayer.Builder().nIn(last).nOut(hidden[i]).activation(Activation.RELU).build());
        last = hidden[i];
      }
    }
    OutputLayer.Builder output = config.head() == OutputHead.GAUSSIAN ? new OutputLayer.Builder(new GaussianNll())
        : new OutputLayer.Builder(LossFunctions.LossFunction.MSE);
    list.layer(output.nIn(last).nOut(config.head().outputs()).activation(Activation.IDENTITY).build());
    if (config.architecture() == Architecture.LSTM) {
      list.setInputType(InputType.recurrent(layout.inputSize(), layout.steps(), RNNFormat.NCW));
    }
    MultiLayerConfiguration conf = list.build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }
}
