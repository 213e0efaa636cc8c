package org.medkarta.record;

/**
 * A monitoring doctor's thresholds for one measure of one patient: a reading below {@code low} or
 * above {@code high} alerts them; blood pressure has a second pair for the diastolic value. Blank
 * means no limit on that side.
 */
public record ThresholdForm(String measure, String name, String low, String high, String low2, String high2) {}
