package org.medkarta.record.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medkarta.record.DiaryAlert;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntrySummary;
import org.medkarta.record.EntryVersion;
import org.medkarta.record.PatientHeader;
import org.medkarta.record.Reading;
import org.medkarta.record.RecordView;
import org.medkarta.record.Threshold;

/** The record API's bodies (ARCHITECTURE.md, «Medical record and access»). */
final class Json {

    private Json() {}

    /** {@code next}: the {@code after} of the next page, absent on the last one. */
    record Record(PatientHeader patient, List<Entry> entries, String next) {
        static Record of(RecordView view) {
            return new Record(
                    view.patient(),
                    view.entries().stream().map(Entry::of).toList(),
                    view.next() == null ? null : view.next().encode());
        }
    }

    /** {@code isNew}: not yet opened by the patient; {@code flag}: H, L or N for a laboratory result. */
    record Entry(UUID id, String type, LocalDate date, String title, String status, boolean isNew, String flag) {
        static Entry of(EntrySummary entry) {
            return new Entry(
                    entry.id(),
                    entry.type().name(),
                    entry.date(),
                    entry.title(),
                    entry.status().name(),
                    entry.isNew(),
                    entry.flag());
        }
    }

    record Detail(
            UUID id,
            String type,
            String fhirResource,
            String status,
            int version,
            LocalDate date,
            String code,
            String title,
            Map<String, String> fields,
            BigDecimal value,
            String unit,
            BigDecimal referenceLow,
            BigDecimal referenceHigh,
            String flag,
            List<Version> history) {
        static Detail of(EntryDetail entry) {
            return new Detail(
                    entry.id(),
                    entry.type().name(),
                    entry.type().fhirResource(),
                    entry.status().name(),
                    entry.version(),
                    entry.date(),
                    entry.code(),
                    entry.title(),
                    entry.fields(),
                    entry.value(),
                    entry.unit(),
                    entry.referenceLow(),
                    entry.referenceHigh(),
                    entry.flag(),
                    entry.history().stream().map(Version::of).toList());
        }
    }

    record Version(
            int version,
            String status,
            LocalDate date,
            String title,
            Map<String, String> fields,
            String reason,
            String author,
            Instant at) {
        static Version of(EntryVersion version) {
            return new Version(
                    version.version(),
                    version.status().name(),
                    version.date(),
                    version.title(),
                    version.fields(),
                    version.reason(),
                    version.authorName(),
                    version.at());
        }
    }

    record EntryBody(String type, Map<String, String> fields, String reason, Boolean confirmDuplicate) {}

    record ReasonBody(String reason) {}

    record Created(UUID id) {}

    record ContactBody(String kind, String value) {}

    record AddressBody(String which, String address) {}

    record IdentityBody(
            String sex, String snils, String omsNumber, String omsInsurer, String omsValidTo, String reason) {}

    record DiaryBody(
            String measure,
            String systolic,
            String diastolic,
            String value,
            String name,
            String unit,
            String measuredAt,
            String note) {}

    record DiaryReading(
            UUID id,
            String measure,
            String name,
            BigDecimal value,
            BigDecimal systolic,
            BigDecimal diastolic,
            String unit,
            Instant measuredAt,
            String note) {
        static DiaryReading of(Reading reading) {
            boolean pressure = reading.value2() != null;
            return new DiaryReading(
                    reading.id(),
                    reading.measure().name(),
                    reading.name(),
                    pressure ? null : reading.value(),
                    pressure ? reading.value() : null,
                    reading.value2(),
                    reading.unit(),
                    reading.measuredAt(),
                    reading.note());
        }
    }

    record ThresholdBody(String measure, String name, String low, String high, String low2, String high2) {}

    record ThresholdView(
            UUID id,
            String measure,
            String name,
            BigDecimal low,
            BigDecimal high,
            BigDecimal low2,
            BigDecimal high2,
            String doctor,
            Instant setAt) {
        static ThresholdView of(Threshold threshold) {
            return new ThresholdView(
                    threshold.id(),
                    threshold.measure().name(),
                    threshold.name(),
                    threshold.low(),
                    threshold.high(),
                    threshold.low2(),
                    threshold.high2(),
                    threshold.doctorName(),
                    threshold.setAt());
        }
    }

    record Alert(UUID id, UUID patientId, String patient, String detail, Instant at, Instant acknowledgedAt) {
        static Alert of(DiaryAlert alert) {
            return new Alert(
                    alert.id(),
                    alert.patientId().value(),
                    alert.patientName(),
                    alert.detail(),
                    alert.at(),
                    alert.acknowledgedAt());
        }
    }
}
