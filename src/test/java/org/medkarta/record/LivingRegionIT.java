package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medkarta.access.RecordAction;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The region the patient lives in (SPEC B5): a region's code or blank to forget it, each change kept
 * with the contact data, an unknown code refused beside the field, and another person's record not
 * found.
 */
class LivingRegionIT extends RecordSupport {

    @Autowired
    LivingRegion livingRegion;

    @Autowired
    PatientContacts patientContacts;

    @Test
    void thePatientSetsAndForgetsTheirRegionAndEachChangeIsKept() {
        var patient = patient();
        String code = livingRegion.choices().get(0).code();
        String path = "/api/v1/patients/" + patient.id() + "/region";

        var set = postAs(patient.token(), path, Map.of("region", code));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(body(set).get("region").asString()).isEqualTo(code);
        var view = access.require(patient.user(), patient.patientId(), RecordAction.VIEW);
        assertThat(livingRegion.of(view)).contains(code);

        var forgotten = postAs(patient.token(), path, Map.of("region", " "));
        assertThat(forgotten.statusCode()).as(forgotten.body()).isEqualTo(200);
        assertThat(livingRegion.of(view)).isEmpty();
        assertThat(patientContacts.contacts(view).changes())
                .filteredOn(change -> change.field().equals("REGION"))
                .extracting(ContactsView.Change::oldValue, ContactsView.Change::newValue)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(null, code),
                        org.assertj.core.groups.Tuple.tuple(code, null));
    }

    @Test
    void anUnknownRegionIsRefusedBesideTheFieldAndAnotherPersonsRecordIsNotFound() {
        var patient = patient();
        var stranger = patient();
        String code = livingRegion.choices().get(0).code();
        String path = "/api/v1/patients/" + patient.id() + "/region";

        var unknown = postAs(patient.token(), path, Map.of("region", "no-such-region"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(body(unknown).get("field").asString()).isEqualTo("region");
        var foreign = postAs(stranger.token(), path, Map.of("region", code));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(livingRegion.of(access.require(patient.user(), patient.patientId(), RecordAction.VIEW)))
                .isEmpty();
    }
}
