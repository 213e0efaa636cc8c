package org.medkarta.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One laboratory test over time, for the chart of SPEC E4, with each result's reference range. */
public record LabSeries(String testCode, String testName, String unit, List<Point> points) {

    public record Point(
            LocalDate date, BigDecimal value, BigDecimal referenceLow, BigDecimal referenceHigh, String flag) {}

    /** A test the patient has results of, for the chart's choice. */
    public record Test(String code, String name, int results) {}
}
