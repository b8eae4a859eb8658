/**
 * Nearest-neighbour search for the neighbour estimators: a k-d tree over the max-norm (Chebyshev)
 * distance that KSG and Kozachenko-Leonenko use, with range counts and exclusion windows.
 */
package org.aoiforecast.info.knn;
