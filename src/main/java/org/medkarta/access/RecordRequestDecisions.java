package org.medkarta.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.medkarta.audit.AuditEntry;
import org.medkarta.audit.AuditTrail;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.files.FileId;
import org.medkarta.files.Files;
import org.medkarta.files.StoredFile;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * What the two faces of record-access requests share: an approval that binds the account to the
 * record, and the request as its author and the registry see it. The binding is a right, so it is
 * one audit entry (SPEC G1).
 */
@Component
class RecordRequestDecisions {

    private final RecordRequestStore store;
    private final Guardianships guardianships;
    private final RecordRequestNotices notices;
    private final ClinicCatalogue clinics;
    private final Files files;
    private final AuditTrail audit;
    private final Clock clock;

    RecordRequestDecisions(
            RecordRequestStore store,
            Guardianships guardianships,
            RecordRequestNotices notices,
            ClinicCatalogue clinics,
            Files files,
            AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.guardianships = guardianships;
        this.notices = notices;
        this.clinics = clinics;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Approves the request in state {@code from}, binding its account to {@code patient}: as its own
     * record ({@link Relation#SELF}), or for a child's request as the child's parent ({@link
     * Relation#PARENT}, which still ends at 15 by itself). The account's own record, if any, stays as
     * it is: two records are never merged.
     *
     * @throws AccessRefusal {@code request-state} when another desk changed the request first
     */
    void approve(
            RecordRequestStore.Row request, RecordRequestState from, UserId by, PatientId patient, boolean automatic) {
        Instant now = clock.instant();
        if (!store.approve(request.id(), from, by, patient, automatic, now)) {
            throw AccessRefusal.requestState(
                    store.find(request.id()).map(RecordRequestStore.Row::state).orElse(from));
        }
        if (request.forChild()) {
            guardianships.link(request.account(), patient, Guardianships.Basis.RECORD_REQUEST, null, by, now);
        } else {
            store.bind(request.account(), patient, request.id(), now);
        }
        audit.record(new AuditEntry(
                by.value(),
                automatic ? "SYSTEM" : "REGISTRY",
                patient.value(),
                "RECORD_ACCESS_BOUND",
                "record-access-request " + request.id(),
                "SUCCESS",
                null,
                (request.forChild() ? Relation.PARENT : Relation.SELF).name() + " for account "
                        + request.account().value(),
                false));
        notices.changed(request, RecordRequestState.APPROVED, clinicName(request), null);
    }

    String clinicName(RecordRequestStore.Row request) {
        try {
            return clinics.card(request.clinic()).name();
        } catch (NotFound gone) {
            return "";
        }
    }

    RecordRequestView view(RecordRequestStore.Row row) {
        var scans = store.scans(row.id());
        List<StoredFile> described = files.describe(
                scans.stream().map(scan -> new FileId(scan.file())).toList());
        var views = scans.stream()
                .map(scan -> described.stream()
                        .filter(file -> file.id().value().equals(scan.file()))
                        .findFirst()
                        .map(file -> new RecordRequestView.Scan(
                                scan.id(), scan.kind(), file.name(), file.mediaType(), file.size()))
                        .orElse(null))
                .filter(java.util.Objects::nonNull)
                .toList();
        return new RecordRequestView(
                row.id(),
                row.clinic(),
                clinicName(row),
                row.forChild(),
                row.state(),
                row.lastName(),
                row.firstName(),
                row.patronymic(),
                row.birthDate(),
                row.documentType(),
                row.documentSeries(),
                row.documentNumber(),
                row.documentIssuedOn(),
                row.documentIssuer(),
                row.omsNumber(),
                row.snils(),
                row.submittedAt(),
                row.takenAt(),
                row.decidedAt(),
                row.autoApproved(),
                row.boundPatient(),
                row.refusalReason(),
                views);
    }
}
