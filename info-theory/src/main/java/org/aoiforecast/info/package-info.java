/**
 * Information theory from data alone: the entry points. {@link org.aoiforecast.info.Estimators}
 * makes entropy, mutual-information and conditional-mutual-information estimators (nats);
 * {@link org.aoiforecast.info.AgeLossProfile} estimates how the best achievable loss of a target
 * grows with the age of its features (the L-conditional entropy per age, with bootstrap intervals
 * and ε-Markov gaps), in three package-private steps: the plan of curves, the block bootstrap and
 * the Markov gaps.
 *
 * <p>Subpackages: {@code estimators} (the estimators), {@code knn} (the k-d tree they search),
 * {@code loss} (estimators of the L-conditional entropy for quadratic, log and absolute losses),
 * {@code profile} (the profile's curves, verdicts and report).
 */
package org.aoiforecast.info;
