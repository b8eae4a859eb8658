package org.aoiforecast.info.profile;

/**
 * A place where a profile is not monotone: the loss at an older age is lower than at a younger
 * one, with the two confidence intervals apart ({@code upper(older) < lower(younger)}).
 *
 * @param younger the younger age (steps)
 * @param older the older age that beats it
 * @param margin {@code lower(younger) - upper(older)}, > 0, in the loss's unit
 */
public record Break(int younger, int older, double margin) {}
