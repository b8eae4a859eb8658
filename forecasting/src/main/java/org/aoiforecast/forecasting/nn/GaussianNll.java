package org.aoiforecast.forecasting.nn;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The Gaussian negative log-likelihood of a heteroscedastic output layer, in nats per sample of
 * the (standardised) target. The layer has two outputs per sample: column 0 is the mean {@code m},
 * column 1 a raw scale {@code s}, mapped to the standard deviation {@code σ = softplus(s) + σ₀}
 * with the floor {@code σ₀ =} {@value #SCALE_FLOOR}. With a label {@code y} (one column) and
 * {@code r = y − m}:
 *
 * <pre>
 *   L = ½ ln(2π) + ln σ + r² / (2σ²)
 *   ∂L/∂m = −r / σ²        ∂L/∂s = (1/σ − r²/σ³) · sigmoid(s)
 * </pre>
 *
 * <p>Why not DL4J's {@code LossMixtureDensity} with one component, which is the same likelihood:
 * in 1.0.0-M2.1 it forms the density {@code exp(−r²/2σ²)} before taking its logarithm, which
 * underflows in single precision beyond about 13 standard deviations (an infinite score early in
 * training), it maps the scale by {@code exp} (no floor, so a sample with a near-exact forecast
 * drives {@code σ} and the loss without bound, as the solar data's nights do) and it spends an
 * output on the mixture weight. This loss stays in log space.
 *
 * <p>Stateless (DL4J writes it into the network's configuration by class name); masks of one
 * column (per sample) weight the samples.
 */
public final class GaussianNll implements ILossFunction {
  private static final long serialVersionUID = 1L;

  /**
   * The smallest standard deviation, in standardised target units: a thousandth of the target's
   * spread on the training part. Without a floor a target that is exactly predictable on part of
   * the data (zero power at night) would let the likelihood grow without bound.
   */
  public static final double SCALE_FLOOR = 1e-3;

  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  /** DL4J instantiates it by reflection. */
  public GaussianNll() {}

  /**
   * @param rawScale the network's second output
   * @return the standard deviation {@code softplus(rawScale) + σ₀}, standardised units
   */
  public static double standardDeviation(double rawScale) {
    // softplus without overflow: for large s, ln(1 + e^s) = s + ln(1 + e^-s)
    double softplus = rawScale > 0 ? rawScale + Math.log1p(Math.exp(-rawScale)) : Math.log1p(Math.exp(rawScale));
    return softplus + SCALE_FLOOR;
  }

  /**
   * @param y the target
   * @param mean the forecast mean
   * @param sd the forecast standard deviation, positive
   * @return the negative log-likelihood of {@code y}, nats
   */
  public static double negativeLogLikelihood(double y, double mean, double sd) {
    double z = (y - mean) / sd;
    return HALF_LOG_TWO_PI + Math.log(sd) + 0.5 * z * z;
  }

  @Override
  public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    return pass(labels, preOutput, activationFn, mask, false).scores;
  }

  @Override
  public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
      boolean average) {
    return pass(labels, preOutput, activationFn, mask, false).score(average);
  }

  @Override
  public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    return pass(labels, preOutput, activationFn, mask, true).gradient;
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
      IActivation activationFn, INDArray mask, boolean average) {
    Pass p = pass(labels, preOutput, activationFn, mask, true);
    return new Pair<>(p.score(average), p.gradient);
  }

  /** The scores of a minibatch, and on request the gradient with respect to the pre-activations. */
  private record Pass(INDArray scores, double sum, INDArray gradient) {
    double score(boolean average) {
      return average ? sum / scores.size(0) : sum;
    }
  }

  /**
   * One pass over a minibatch on Java arrays: the outputs and labels are copied out in one
   * transfer each (a minibatch holds a few hundred samples, two outputs each), which costs less
   * than the dozen native operations the formulas would take as array expressions.
   */
  private static Pass pass(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
      boolean gradient) {
    if (preOutput.rank() != 2 || preOutput.size(1) != 2) {
      throw new IllegalArgumentException("a Gaussian output layer has 2 outputs (mean, scale) per sample, got shape "
          + java.util.Arrays.toString(preOutput.shape()));
    }
    int n = (int) preOutput.size(0);
    if (labels.rank() != 2 || labels.size(0) != n || labels.size(1) != 1) {
      throw new IllegalArgumentException("a Gaussian output layer takes one label column for " + n + " samples, got"
          + " shape " + java.util.Arrays.toString(labels.shape()));
    }
    double[] out = activationFn.getActivation(preOutput.dup('c'), true).data().asDouble();
    double[] y = labels.dup('c').data().asDouble();
    double[] w = mask == null ? null : mask.dup('c').data().asDouble();
    if (w != null && w.length != n) {
      throw new IllegalArgumentException("a Gaussian output layer takes one mask value per sample, got shape "
          + java.util.Arrays.toString(mask.shape()));
    }
    double[] score = new double[n];
    double[] grad = gradient ? new double[2 * n] : null;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double m = out[2 * i];
      double s = out[2 * i + 1];
      double sd = standardDeviation(s);
      double r = y[i] - m;
      double weight = w == null ? 1 : w[i];
      score[i] = weight * negativeLogLikelihood(y[i], m, sd);
      sum += score[i];
      if (gradient) {
        double sigmoid = 1 / (1 + Math.exp(-s));
        grad[2 * i] = -weight * r / (sd * sd);
        grad[2 * i + 1] = weight * (1 / sd - r * r / (sd * sd * sd)) * sigmoid;
      }
    }
    INDArray scores = Nd4j.create(score, new long[] {n, 1}, 'c').castTo(preOutput.dataType());
    INDArray dLdPre = null;
    if (gradient) {
      INDArray dLdOut = Nd4j.create(grad, new long[] {n, 2}, 'c').castTo(preOutput.dataType());
      dLdPre = activationFn.backprop(preOutput.dup(), dLdOut).getFirst();
    }
    return new Pass(scores, sum, dLdPre);
  }

  @Override
  public String name() {
    return "gaussian-nll";
  }

  @Override
  public String toString() {
    return "GaussianNll(floor=" + SCALE_FLOOR + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GaussianNll;
  }

  @Override
  public int hashCode() {
    return GaussianNll.class.hashCode();
  }
}
