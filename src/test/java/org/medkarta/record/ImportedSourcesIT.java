package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.access.RecordAction;
import org.medkarta.notification.DevOutbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What was imported, read back as it came (SPEC I3): the kept source documents for the patient and
 * clinicians, the resource an unchanged entry came from, and nothing of it to a grantee or once the
 * entry was corrected.
 */
class ImportedSourcesIT extends RecordSupport {

    @Autowired
    RecordImport recordImport;

    @Autowired
    ImportedSources importedSources;

    @Autowired
    RecordReading recordReading;

    @Autowired
    DevOutbox outbox;

    @Test
    void theKeptDocumentsAndTheSourceOfAnImportedEntryAreReadBackAsTheyCame() {
        var patient = patient();
        var doctor = doctor(patient);
        var contribute = access.require(patient.user(), patient.patientId(), RecordAction.CONTRIBUTE);
        var lab = RecordImportIT.incoming(
                "Observation", "key-1", "print-1", EntryType.LAB_RESULT, RecordImportIT.labFields());
        var note = RecordImportIT.incoming("DocumentReference", "key-2", "print-2", null, Map.of());
        recordImport.fileAll(contribute, patient.user(), UUID.randomUUID(), List.of(lab, note));
        var own = access.require(patient.user(), patient.patientId(), RecordAction.VIEW);
        var clinician = access.require(doctor.user(), patient.patientId(), RecordAction.VIEW);

        assertThat(importedSources.kept(own, List.of()))
                .extracting(ImportedSources.Kept::id, ImportedSources.Kept::content)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(note.id(), note.content()));
        assertThat(importedSources.kept(own, List.of("Observation"))).isEmpty();
        assertThat(importedSources.source(recordReading.entry(clinician, lab.id())))
                .contains(lab.content());
        assertThat(importedSources.sources(clinician))
                .extracting(ImportedSources.Source::id)
                .containsExactlyInAnyOrder(lab.id(), note.id());
        assertThat(importedSources.keptCounts(own)).containsEntry("DocumentReference", 1);
        assertThat(importedSources.patientSource(own)).isEmpty();
    }

    @Test
    void aGranteeSeesNoKeptDocumentAndACorrectedEntryNoLongerHasItsSource() {
        var patient = patient();
        var grantee = patient();
        var doctor = doctor(patient);
        var contribute = access.require(patient.user(), patient.patientId(), RecordAction.CONTRIBUTE);
        var lab = RecordImportIT.incoming(
                "Observation", "key-1", "print-1", EntryType.LAB_RESULT, RecordImportIT.labFields());
        var note = RecordImportIT.incoming("DocumentReference", "key-2", "print-2", null, Map.of());
        recordImport.fileAll(contribute, patient.user(), UUID.randomUUID(), List.of(lab, note));
        org.medkarta.testing.Delegations.grant(
                this,
                outbox,
                new org.medkarta.testing.Delegations.Holder(patient.token(), patient.phone()),
                patient.patientId(),
                new org.medkarta.testing.Delegations.Holder(grantee.token(), grantee.phone()),
                "VIEW");
        var granted = access.require(grantee.user(), patient.patientId(), RecordAction.VIEW);

        assertThat(importedSources.kept(granted, List.of())).isEmpty();
        assertThat(importedSources.sources(granted)).isEmpty();

        var corrected = postAs(
                doctor.token(),
                "/api/v1/patients/" + patient.id() + "/record/entries/" + lab.id() + "/corrections",
                map(
                        "fields",
                        map(
                                "date",
                                "2023-04-05",
                                "testCode",
                                "HGB",
                                "testName",
                                "Гемоглобин",
                                "value",
                                "132",
                                "unit",
                                "g/L"),
                        "reason",
                        "Опечатка в значении"));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        var clinician = access.require(doctor.user(), patient.patientId(), RecordAction.VIEW);
        assertThat(importedSources.source(recordReading.entry(clinician, lab.id())))
                .isEmpty();
    }
}
