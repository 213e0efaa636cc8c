package org.medkarta.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medkarta.identity.PatientCard;
import org.medkarta.identity.PatientRecordForm;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.PolicyForm;
import org.medkarta.identity.PolicyView;
import org.medkarta.identity.RegistryIdentifiers;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Snils;
import org.medkarta.shared.TypedId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patient records for staff (SPEC C6): find by phone, SNILS or policy number (one phone can lead to
 * several records), create one when the patient has none; and each record's OMS and DMS policies,
 * which the patient keeps too.
 */
@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Patient records")
class PatientRecordApi {

    record Policy(
            UUID id,
            UUID patientId,
            String kind,
            String number,
            String insurer,
            LocalDate validFrom,
            LocalDate validTo) {
        static Policy of(PolicyView view) {
            return new Policy(
                    view.id(),
                    view.patientId().value(),
                    view.kind().name(),
                    view.number(),
                    view.insurer(),
                    view.validFrom(),
                    view.validTo());
        }
    }

    record Record(
            UUID patientId,
            UUID userId,
            String lastName,
            String firstName,
            String patronymic,
            LocalDate birthDate,
            String sex,
            String phone,
            String snils,
            boolean signsIn,
            List<Policy> policies,
            Integer birthYear,
            boolean limited) {
        static Record of(PatientCard card) {
            return new Record(
                    card.patientId().value(),
                    card.userId() == null ? null : card.userId().value(),
                    card.lastName(),
                    card.firstName(),
                    card.patronymic(),
                    card.birthDate(),
                    card.sex() == null ? null : card.sex().name(),
                    card.phone(),
                    card.snils(),
                    card.signsIn(),
                    card.policies().stream().map(Policy::of).toList(),
                    card.birthYear(),
                    card.limited());
        }
    }

    private final RegistryIdentifiers records;
    private final PatientRecords patientRecords;

    PatientRecordApi(RegistryIdentifiers records, PatientRecords patientRecords) {
        this.records = records;
        this.patientRecords = patientRecords;
    }

    /**
     * The records a phone, SNILS or policy number leads to (clinic staff only); a patient no clinic
     * of the caller cares for yet shows only initials and the birth year ({@code limited}).
     */
    @GetMapping("/api/v1/patient-records")
    List<Record> find(@AuthenticationPrincipal SignedInUser user, @RequestParam String query) {
        return patientRecords.find(user, query).stream().map(Record::of).toList();
    }

    /**
     * Creates a record for a patient who has none (staff only): {@code {lastName, firstName,
     * patronymic?, birthDate, sex: MALE|FEMALE, phone, snils?, omsNumber?, omsInsurer?,
     * omsValidTo?}} → 201; 422 {@code invalid-input} naming each wrong field.
     */
    @PostMapping("/api/v1/patient-records")
    @ResponseStatus(HttpStatus.CREATED)
    Record create(@AuthenticationPrincipal SignedInUser user, @RequestBody PatientRecordForm form) {
        return Record.of(patientRecords.create(user, form));
    }

    @GetMapping("/api/v1/patient-records/{patientId}")
    Record record(@AuthenticationPrincipal SignedInUser user, @PathVariable String patientId) {
        return Record.of(patientRecords.card(user, PatientId.of(patientId)));
    }

    /**
     * The registry of a clinic caring for the patient records or corrects the SNILS (SPEC F4, issue
     * 12): {@code {snils}} → 200 with the card; 422 {@code invalid-input} for a wrong checksum or a
     * SNILS another record holds; 403 {@code registry-only} for a doctor in care; 404 for anyone else.
     */
    @PutMapping("/api/v1/patient-records/{patientId}/snils")
    Record snils(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String patientId, @RequestBody SnilsBody body) {
        return Record.of(records.recordSnils(
                user, PatientId.of(patientId), Snils.parse(body == null ? null : body.snils(), "snils")));
    }

    /** The body of a SNILS correction. */
    record SnilsBody(String snils) {}

    @GetMapping("/api/v1/patients/{patientId}/policies")
    List<Policy> policies(@AuthenticationPrincipal SignedInUser user, @PathVariable String patientId) {
        return records.policies(user, PatientId.of(patientId)).stream()
                .map(Policy::of)
                .toList();
    }

    /**
     * Adds a policy: {@code {kind: OMS|DMS, number, insurer?, validFrom?, validTo?}} → 201; 422
     * {@code invalid-input} (an OMS number has 16 digits; a number another record holds is refused).
     */
    @PostMapping("/api/v1/patients/{patientId}/policies")
    @ResponseStatus(HttpStatus.CREATED)
    Policy addPolicy(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String patientId, @RequestBody PolicyForm form) {
        return Policy.of(records.addPolicy(user, PatientId.of(patientId), form));
    }

    @DeleteMapping("/api/v1/policies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removePolicy(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        records.removePolicy(user, TypedId.parse(id, "id"));
    }
}
