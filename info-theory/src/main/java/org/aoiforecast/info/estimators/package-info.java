/**
 * Estimators of entropy, mutual information and conditional mutual information, all in nats with
 * rows as samples: the {@link org.aoiforecast.info.estimators.Estimator} interface and its
 * Gaussian, Kraskov-Stögbauer-Grassberger (KSG), Kozachenko-Leonenko and discrete (plug-in)
 * implementations, a permutation test, and the Theiler window that keeps serially dependent
 * neighbours out of the neighbour searches.
 */
package org.aoiforecast.info.estimators;
