/**
 * The solar study and its report: the study's settings and steps (the age-loss analysis and the
 * training comparison, on one data-set spec), the report folder (Markdown, CSV, JSON) and its
 * figures (XChart PNG).
 */
package org.aoiforecast.solar.report;
