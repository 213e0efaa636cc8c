package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.access.RecordAction;
import org.medkarta.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The FHIR import's way into the record (SPEC I3, E7): a resource that fits a kind of entry is filed
 * as one, patient-reported when the patient imports it; one that does not is kept as a source
 * document; the same resource, or the same content under another identity, is found again; and a
 * decision that does not import, or a stranger's, files nothing.
 */
class RecordImportIT extends RecordSupport {

    @Autowired
    RecordImport recordImport;

    @Autowired
    RecordReading recordReading;

    @Test
    void thePatientImportsALabResultAsAPatientReportedEntryAndItIsFoundAgainByKeyOrContent() {
        var patient = patient();
        var contribute = access.require(patient.user(), patient.patientId(), RecordAction.CONTRIBUTE);
        UUID importId = UUID.randomUUID();
        var lab = incoming("Observation", "key-1", "print-1", EntryType.LAB_RESULT, labFields());
        var note = incoming("DocumentReference", "key-2", "print-2", null, Map.of());

        var filed = recordImport.fileAll(contribute, patient.user(), importId, List.of(lab, note));

        assertThat(filed)
                .extracting(RecordImport.Filed::outcome)
                .containsExactly(RecordImport.Outcome.CREATED, RecordImport.Outcome.KEPT);
        var entry =
                recordReading.entry(access.require(patient.user(), patient.patientId(), RecordAction.VIEW), lab.id());
        assertThat(entry.source()).isEqualTo(RecordImport.PATIENT_IMPORT);
        assertThat(entry.code()).isEqualTo("HGB");
        assertThat(recordImport.known(contribute, Map.of("key-1", "print-x", "key-9", "print-2", "key-8", "print-8")))
                .containsEntry("key-1", lab.id())
                .containsEntry("key-9", note.id())
                .doesNotContainKey("key-8");
        var again = incoming("Observation", "key-3", "print-3", EntryType.LAB_RESULT, labFields());
        assertThat(recordImport
                        .file(contribute, patient.user(), importId, again)
                        .outcome())
                .as("the same value a second time under another identity")
                .isIn(RecordImport.Outcome.CREATED, RecordImport.Outcome.DUPLICATE);
    }

    @Test
    void aReadingDecisionImportsNothingAndAStrangerOpensNoRecordToImportInto() {
        var patient = patient();
        var stranger = patient();
        var view = access.require(patient.user(), patient.patientId(), RecordAction.VIEW);
        var lab = incoming("Observation", "key-1", "print-1", EntryType.LAB_RESULT, labFields());

        assertThatThrownBy(() -> recordImport.file(view, patient.user(), UUID.randomUUID(), lab))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> access.require(stranger.user(), patient.patientId(), RecordAction.CONTRIBUTE))
                .isInstanceOf(NotFound.class);
        var contribute = access.require(patient.user(), patient.patientId(), RecordAction.CONTRIBUTE);
        assertThat(recordImport.known(contribute, Map.of("key-1", "print-1"))).isEmpty();
        assertThat(recordReading.record(view, RecordFilter.all()).entries()).isEmpty();
    }

    static RecordImport.Incoming incoming(
            String resourceType, String key, String print, EntryType type, Map<String, String> fields) {
        UUID id = UUID.randomUUID();
        return new RecordImport.Incoming(
                id,
                resourceType,
                key,
                print,
                null,
                type,
                fields,
                "{\"resourceType\":\"" + resourceType + "\",\"id\":\"" + id + "\"}");
    }

    static Map<String, String> labFields() {
        return Map.of("date", "2023-04-05", "testCode", "HGB", "testName", "Гемоглобин", "value", "131", "unit", "g/L");
    }
}
