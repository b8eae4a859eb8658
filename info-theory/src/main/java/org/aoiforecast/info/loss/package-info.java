/**
 * Estimators of the L-conditional entropy {@code H_L(Y|X)}, the least expected loss any predictor of
 * {@code Y} from {@code X} can reach: for the quadratic loss (the MMSE, in the target's units
 * squared), the log loss (the conditional entropy, nats) and the absolute loss (target units).
 * {@link org.aoiforecast.info.loss.ConditionalLosses} makes them (k-NN regression, k-NN on
 * principal components, KSG, the linear-Gaussian bound, cross-validated ridge) and picks one
 * automatically; each returns a {@link org.aoiforecast.info.loss.LossEstimate} that can be
 * resampled for bootstrap intervals.
 */
package org.aoiforecast.info.loss;
