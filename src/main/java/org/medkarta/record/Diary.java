package org.medkarta.record;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-monitoring diaries (SPEC E8): the patient's readings with units and plausible ranges, the
 * monitoring doctor's thresholds per patient and measure, and an alert on the doctor's desk (and a
 * notice) for each reading beyond them.
 */
@Service
public class Diary {

    /** Pages send a local date and time; the platform's patients live by Moscow time by default. */
    private static final ZoneId PAGE_ZONE = ZoneId.of("Europe/Moscow");

    private final Diaries diaries;
    private final RecordFiling filing;
    private final RecordNotices notices;
    private final Clock clock;

    Diary(Diaries diaries, RecordFiling filing, RecordNotices notices, Clock clock) {
        this.diaries = diaries;
        this.filing = filing;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Adds a reading; a value outside the measure's plausible range is refused beside its field. A
     * reading beyond a doctor's threshold puts an alert on that doctor's desk.
     */
    @Transactional
    public Reading add(AccessDecision decision, SignedInUser actor, DiaryForm form) {
        RecordRules.expect(decision, RecordAction.CONTRIBUTE);
        filing.ensureOpen(decision.patient());
        var reading = parse(form);
        Instant now = clock.instant();
        UUID id = diaries.addReading(decision.patient(), reading, actor.userId(), now);
        var stored = new Reading(
                id,
                reading.measure(),
                reading.name(),
                reading.value(),
                reading.value2(),
                reading.unit(),
                reading.measuredAt(),
                reading.note());
        for (var row : diaries.thresholds(decision.patient())) {
            var threshold = row.threshold();
            if (threshold.measure() != stored.measure() || !threshold.name().equalsIgnoreCase(stored.name())) {
                continue;
            }
            String beyond = beyond(threshold, stored);
            if (beyond != null) {
                String detail = describe(stored) + " — " + beyond;
                diaries.addAlert(decision.patient(), id, threshold.id(), row.doctor(), detail, now);
                notices.alert(row.doctor(), decision.patient(), measureName(stored), detail);
            }
        }
        return stored;
    }

    /** Readings newest first, of one measure or all; {@code name} picks a custom measure. */
    @Transactional(readOnly = true)
    public List<Reading> readings(AccessDecision decision, Measure measure, String name, Instant from, Instant to) {
        RecordRules.expect(decision, RecordAction.VIEW);
        return diaries.readings(decision.patient(), measure, name, from, to);
    }

    /** The thresholds doctors set for this patient. */
    @Transactional(readOnly = true)
    public List<Threshold> thresholds(AccessDecision decision) {
        RecordRules.expect(decision, RecordAction.VIEW);
        return diaries.thresholds(decision.patient()).stream()
                .map(Diaries.ThresholdRow::threshold)
                .toList();
    }

    /** The monitoring doctor sets (or replaces) their thresholds for one measure of the patient. */
    @Transactional
    public Threshold setThreshold(AccessDecision decision, SignedInUser doctor, ThresholdForm form) {
        RecordRules.expectClinician(decision, doctor);
        filing.ensureOpen(decision.patient());
        var errors = new FieldErrors();
        Measure measure = measure(form.measure(), errors);
        String name = "";
        if (measure == Measure.CUSTOM) {
            name = RecordRules.blankToNull(form.name()) == null
                    ? ""
                    : form.name().strip();
            if (name.isEmpty()) {
                errors.reject("name", "validation.required");
            }
        }
        BigDecimal low = number(form.low(), "low", errors, measure, false);
        BigDecimal high = number(form.high(), "high", errors, measure, false);
        BigDecimal low2 = null;
        BigDecimal high2 = null;
        if (measure != null && measure.twoValues()) {
            low2 = number(form.low2(), "low2", errors, measure, true);
            high2 = number(form.high2(), "high2", errors, measure, true);
        }
        if (low != null && high != null && low.compareTo(high) >= 0) {
            errors.reject("high", "record.validation.threshold-order");
        }
        if (low2 != null && high2 != null && low2.compareTo(high2) >= 0) {
            errors.reject("high2", "record.validation.threshold-order");
        }
        if (measure != null && low == null && high == null && low2 == null && high2 == null) {
            errors.reject("high", "record.validation.threshold-empty");
        }
        errors.throwIfAny();
        var threshold = new Threshold(
                UUID.randomUUID(), measure, name, low, high, low2, high2, doctor.displayName(), clock.instant());
        diaries.setThreshold(decision.patient(), threshold, doctor.userId());
        return threshold;
    }

    /** The signed-in doctor's alerts desk: readings beyond the thresholds they set, newest first. */
    @Transactional(readOnly = true)
    public List<DiaryAlert> alerts(SignedInUser doctor, boolean openOnly) {
        requireDoctor(doctor);
        return diaries.alerts(doctor.userId(), openOnly);
    }

    /** The doctor has seen the alert; another doctor's alert is not found. */
    @Transactional
    public void acknowledge(SignedInUser doctor, UUID alert) {
        requireDoctor(doctor);
        diaries.alertOf(doctor.userId(), alert).orElseThrow(NotFound::new);
        diaries.acknowledge(doctor.userId(), alert, clock.instant());
    }

    private static void requireDoctor(SignedInUser doctor) {
        if (doctor == null || !doctor.has(Role.DOCTOR)) {
            throw new NotFound();
        }
    }

    /** Checks a reading's fields against its measure, naming every wrong field. */
    Reading parse(DiaryForm form) {
        var errors = new FieldErrors();
        Measure measure = measure(form.measure(), errors);
        BigDecimal value = null;
        BigDecimal value2 = null;
        String name = "";
        String unit = measure == null ? null : measure.unit();
        if (measure == Measure.BLOOD_PRESSURE) {
            value = reading(form.systolic(), "systolic", measure.min(), measure.max(), errors);
            value2 = reading(form.diastolic(), "diastolic", measure.min2(), measure.max2(), errors);
            if (value != null && value2 != null && value2.compareTo(value) >= 0) {
                errors.reject("diastolic", "record.validation.diastolic-above");
            }
        } else if (measure != null) {
            value = reading(form.value(), "value", measure.min(), measure.max(), errors);
        }
        if (measure == Measure.CUSTOM) {
            name = RecordRules.blankToNull(form.name()) == null
                    ? ""
                    : form.name().strip();
            if (name.isEmpty()) {
                errors.reject("name", "validation.required");
            } else if (name.length() > 100) {
                errors.reject("name", "record.validation.too-long", 100);
            }
            unit = RecordRules.blankToNull(form.unit());
            if (unit == null) {
                errors.reject("unit", "validation.required");
            } else if (unit.length() > 20) {
                errors.reject("unit", "record.validation.too-long", 20);
            }
        } else if (RecordRules.blankToNull(form.unit()) != null
                && measure != null
                && !form.unit().strip().equalsIgnoreCase(measure.unit())) {
            errors.reject("unit", "record.validation.unit", measure.unit());
        }
        Instant measuredAt = measuredAt(form.measuredAt(), errors);
        String note = RecordRules.blankToNull(form.note());
        if (note != null && note.length() > 500) {
            errors.reject("note", "record.validation.too-long", 500);
        }
        errors.throwIfAny();
        return new Reading(null, measure, name, value, value2, unit, measuredAt, note);
    }

    private Instant measuredAt(String text, FieldErrors errors) {
        Instant now = clock.instant();
        if (text == null || text.isBlank()) {
            return now;
        }
        Instant at;
        try {
            String clean = text.strip();
            at = clean.matches(".*([+-]\\d\\d:\\d\\d|Z)$")
                    ? OffsetDateTime.parse(clean).toInstant()
                    : LocalDateTime.parse(clean).atZone(PAGE_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            errors.reject("measuredAt", "record.validation.date-time");
            return null;
        }
        // A reading a few minutes "ahead" is a phone's clock; hours ahead is a typing error.
        if (at.isAfter(now.plusSeconds(600))) {
            errors.reject("measuredAt", "record.validation.future-date");
        } else if (at.isBefore(now.minus(java.time.Duration.ofDays(366)))) {
            errors.reject("measuredAt", "record.validation.reading-too-old");
        }
        return at;
    }

    private static Measure measure(String text, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            errors.reject("measure", "validation.required");
            return null;
        }
        try {
            return Measure.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject("measure", "record.validation.measure");
            return null;
        }
    }

    private static BigDecimal reading(String text, String field, BigDecimal min, BigDecimal max, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            errors.reject(field, "validation.required");
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.reject(field, "record.validation.number");
            return null;
        }
        if (value.scale() > 2) {
            errors.reject(field, "record.validation.decimals");
            return null;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            errors.reject(field, "record.validation.implausible", min.toPlainString(), max.toPlainString());
            return null;
        }
        return value;
    }

    private static BigDecimal number(String text, String field, FieldErrors errors, Measure measure, boolean second) {
        if (text == null || text.isBlank() || measure == null) {
            return null;
        }
        return reading(
                text, field, second ? measure.min2() : measure.min(), second ? measure.max2() : measure.max(), errors);
    }

    /** What is beyond, or null: below the low or above the high limit, of either value. */
    private String beyond(Threshold threshold, Reading reading) {
        var parts = new ArrayList<String>();
        if (threshold.high() != null && reading.value().compareTo(threshold.high()) > 0) {
            parts.add(notices.text(
                    "record.alert.above", threshold.high().stripTrailingZeros().toPlainString()));
        }
        if (threshold.low() != null && reading.value().compareTo(threshold.low()) < 0) {
            parts.add(notices.text(
                    "record.alert.below", threshold.low().stripTrailingZeros().toPlainString()));
        }
        if (reading.value2() != null) {
            if (threshold.high2() != null && reading.value2().compareTo(threshold.high2()) > 0) {
                parts.add(notices.text(
                        "record.alert.above2",
                        threshold.high2().stripTrailingZeros().toPlainString()));
            }
            if (threshold.low2() != null && reading.value2().compareTo(threshold.low2()) < 0) {
                parts.add(notices.text(
                        "record.alert.below2",
                        threshold.low2().stripTrailingZeros().toPlainString()));
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private String measureName(Reading reading) {
        return reading.measure() == Measure.CUSTOM
                ? reading.name()
                : notices.text("record.measure." + reading.measure());
    }

    private String describe(Reading reading) {
        String value = reading.value().stripTrailingZeros().toPlainString()
                + (reading.value2() == null
                        ? ""
                        : "/" + reading.value2().stripTrailingZeros().toPlainString());
        return measureName(reading) + " " + value + (reading.unit() == null ? "" : " " + notices.unit(reading.unit()));
    }

    static InvalidInput invalid(String field, String code) {
        return new InvalidInput(field, code);
    }
}
