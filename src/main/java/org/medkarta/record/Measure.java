package org.medkarta.record;

import java.math.BigDecimal;

/**
 * What a patient measures at home (SPEC E8), with its unit and the range a real reading can fall
 * in: a value outside it is a typing error, not a reading, and is refused beside its field.
 */
public enum Measure {
    /** Systolic and diastolic pressure, mm Hg. */
    BLOOD_PRESSURE("mmHg", "50", "300", "30", "200"),
    PULSE("/min", "20", "250", null, null),
    /** Capillary blood glucose, mmol/L. */
    GLUCOSE("mmol/L", "1", "40", null, null),
    WEIGHT("kg", "1", "400", null, null),
    TEMPERATURE("°C", "30", "45", null, null),
    SPO2("%", "50", "100", null, null),
    /** A measure the patient names, with a unit of their choice and any number. */
    CUSTOM(null, "-1000000", "1000000", null, null);

    private final String unit;
    private final BigDecimal min;
    private final BigDecimal max;
    private final BigDecimal min2;
    private final BigDecimal max2;

    Measure(String unit, String min, String max, String min2, String max2) {
        this.unit = unit;
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
        this.min2 = min2 == null ? null : new BigDecimal(min2);
        this.max2 = max2 == null ? null : new BigDecimal(max2);
    }

    /** The unit readings are kept in; null for a custom measure, which names its own. */
    public String unit() {
        return unit;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    /** The plausible range of the second value (diastolic pressure), or null for one-value measures. */
    public BigDecimal min2() {
        return min2;
    }

    public BigDecimal max2() {
        return max2;
    }

    public boolean twoValues() {
        return min2 != null;
    }
}
