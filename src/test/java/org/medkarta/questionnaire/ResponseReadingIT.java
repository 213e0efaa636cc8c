package org.medkarta.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.shared.NotFound;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The patient's answers for whoever may read the record (SPEC E9): submitted responses to every
 * reader, drafts only to those who fill for the patient, and another record's response not found.
 */
class ResponseReadingIT extends QuestionnaireSupport {

    @Autowired
    ResponseReading responseReading;

    @Autowired
    RecordAccess access;

    @Test
    void theClinicianReadsTheSubmittedAnswersAndThePatientTheirDraftToo() {
        var clinic = TestClinics.register(clinics, "Клиника ответов").id();
        var doctor = TestCare.doctor(clinics, clinic);
        TestCare.openSchedule(scheduleTemplates, doctor.id());
        String admin = admin(clinic);
        var patient = patient();
        TestCare.appointment(slotSearch, booking, patient.user(), doctor.id());
        String submitted = openToAll(admin, clinic, "Самочувствие");
        String drafted = openToAll(admin, clinic, "Перед приёмом");
        var answered = postAs(
                patient.token(),
                "/api/v1/questionnaires/" + submitted + "/responses",
                map("status", "completed", "item", List.of(answer("q", "valueString", "Хорошо"))));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        var draft = postAs(
                patient.token(),
                "/api/v1/questionnaires/" + drafted + "/responses",
                map("status", "in-progress", "item", List.of(answer("q", "valueString", "Пока не знаю"))));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);

        var own = responseReading.responses(
                access.require(patient.user(), patient.user().patientId(), RecordAction.VIEW));
        assertThat(own).extracting(ResponseView::title).containsExactlyInAnyOrder("Самочувствие", "Перед приёмом");
        var clinician = access.require(TestCare.signedIn(doctor), patient.user().patientId(), RecordAction.VIEW);
        var read = responseReading.responses(clinician);
        assertThat(read).extracting(ResponseView::title).containsExactly("Самочувствие");
        assertThat(read.get(0).status()).isEqualTo(ResponseStatus.COMPLETED);
        assertThat(responseReading.response(clinician, read.get(0).id()).title())
                .isEqualTo("Самочувствие");
        var draftId = own.stream()
                .filter(r -> r.status() == ResponseStatus.IN_PROGRESS)
                .findFirst()
                .orElseThrow()
                .id();
        assertThatThrownBy(() -> responseReading.response(clinician, draftId)).isInstanceOf(NotFound.class);
    }

    @Test
    void anotherRecordsResponseIsNotFoundAndAStrangerOpensNoRecord() {
        var clinic = TestClinics.register(clinics, "Клиника ответов").id();
        var doctor = TestCare.doctor(clinics, clinic);
        TestCare.openSchedule(scheduleTemplates, doctor.id());
        String admin = admin(clinic);
        var patient = patient();
        var stranger = patient();
        TestCare.appointment(slotSearch, booking, patient.user(), doctor.id());
        String id = openToAll(admin, clinic, "Самочувствие");
        var answered = postAs(
                patient.token(),
                "/api/v1/questionnaires/" + id + "/responses",
                map("status", "completed", "item", List.of(answer("q", "valueString", "Хорошо"))));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        var response = responseReading
                .responses(access.require(patient.user(), patient.user().patientId(), RecordAction.VIEW))
                .get(0)
                .id();

        assertThatThrownBy(() -> access.require(stranger.user(), patient.user().patientId(), RecordAction.VIEW))
                .isInstanceOf(NotFound.class);
        var strangers = access.require(stranger.user(), stranger.user().patientId(), RecordAction.VIEW);
        assertThat(responseReading.responses(strangers)).isEmpty();
        assertThatThrownBy(() -> responseReading.response(strangers, response)).isInstanceOf(NotFound.class);
    }

    /** A published questionnaire open to every patient in the clinic's care, of one text item; its id. */
    private String openToAll(String admin, org.medkarta.shared.ClinicId clinic, String title) {
        var created = postAs(
                admin,
                "/api/v1/clinics/" + clinic.value() + "/questionnaires",
                map("title", title, "openToAll", true, "item", List.of(item("q", "Как вы?", "text"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = body(created).get("id").asString();
        var published = postAs(admin, "/api/v1/questionnaires/" + id + "/publish", map());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id;
    }
}
