package org.medkarta.questionnaire;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17, "Done when" (SPEC E9): an administrator builds a questionnaire with a condition and
 * attaches it to a service, a patient who booked that service fills it on a phone-sized page (the
 * conditional item appears only on "yes"), and the doctor reads the answers in the record.
 */
class QuestionnaireBrowserIT extends BrowserSupport {

    @Autowired
    IdentityFacades identity;

    @Autowired
    ClinicFacades clinics;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    SlotSearch slotSearch;

    @Autowired
    Booking booking;

    @Autowired
    DevOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorBuildsAQuestionnaireAPatientFillsItFromABookingAndTheDoctorReadsIt() {
        var clinic = TestClinics.register(clinics, "Клиника анкет").id();
        var doctor = TestCare.doctor(clinics, clinic);
        TestCare.openSchedule(scheduleTemplates, doctor.id());
        var service = clinics.catalogue().servicesOf(doctor.id()).get(0);
        var admin = TestStaff.administrator(identity, clinics, clinic);

        // The administrator creates it; a title is required, said beside the field.
        String list = "/admin/clinics/" + clinic.value() + "/questionnaires";
        var office = browserContext().newPage();
        signInWithToken(office, identity.tokens().tokensFor(admin).accessToken(), list);
        office.locator("#create-questionnaire").click();
        assertThat(office.locator("#title-error")).isVisible();
        office.locator("#title").fill("Перед приёмом терапевта");
        office.locator("#create-questionnaire").click();
        office.waitForURL("**/admin/questionnaires/**");
        assertThat(office.locator("#q-status")).hasText("Черновик");

        addItem(office, "smoke", "Вы курите?", "boolean", true, null, null, null);
        // A condition naming an answer the yes/no item cannot have is refused beside the field.
        addItem(office, "cigs", "Сколько сигарет в день?", "decimal", true, "smoke", "может быть", "100");
        assertThat(office.locator("#enableWhenAnswer ~ .invalid-feedback")).isVisible();
        addItem(office, "cigs", "Сколько сигарет в день?", "decimal", true, "smoke", "да", "100");
        assertThat(office.locator("li.item[data-link-id='cigs'] .condition")).isVisible();
        office.locator("#service-" + service.id().value()).check();
        office.locator("#save-details").click();
        office.waitForURL("**?saved**");
        office.locator("#publish").click();
        office.waitForURL("**?published**");
        assertThat(office.locator("#q-status")).hasText("Опубликована");
        screenshot("admin-published");

        // A patient books the service; the appointments page asks for the questionnaire.
        String phone = Phones.unique();
        var account = TestPatients.register(identity, "Анкетная", "Дарья", null, phone, "1990-05-06");
        var patient = new SignedInUser(
                account.userId(), "Дарья", account.patientId(), List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        TestCare.appointment(slotSearch, booking, patient, doctor.id());
        signInByCode(page, outbox, phone);
        var onPhone = phone();
        onPhone.navigate(url("/appointments"));
        var task = onPhone.locator("#questionnaire-tasks .task");
        assertThat(task).containsText("Перед приёмом терапевта");
        task.locator(".fill-link").click();
        onPhone.waitForURL("**/questionnaires/**/fill**");

        // The count is hidden until "yes"; a required answer left out is said beside its item.
        assertThat(onPhone.locator("#item-cigs")).isHidden();
        onPhone.locator("#submit").click();
        assertThat(onPhone.locator("#item-smoke .item-error")).isVisible();
        onPhone.locator("label[for='a.smoke-yes']").click();
        assertThat(onPhone.locator("#item-cigs")).isVisible();
        onPhone.locator("[id='a.cigs']").fill("500");
        onPhone.locator("#submit").click();
        assertThat(onPhone.locator("#item-cigs .item-error")).isVisible();
        assertThat(onPhone.locator("[id='a.smoke-yes']")).isChecked();
        // A draft is kept and taken up again.
        onPhone.locator("[id='a.cigs']").fill("5");
        onPhone.locator("#save-draft").click();
        onPhone.waitForURL("**saved**");
        onPhone.navigate(url("/appointments"));
        onPhone.locator("#questionnaire-tasks .task .fill-link").click();
        assertThat(onPhone.locator("[id='a.cigs']")).hasValue("5");
        onPhone.locator("#submit").click();
        onPhone.waitForURL("**submitted**");
        screenshot("patient-submitted");
        onPhone.navigate(url("/appointments"));
        assertThat(onPhone.locator("#questionnaire-tasks .task")).hasCount(0);

        // The doctor in the patient's care reads the answers in the record.
        var desk = browserContext().newPage();
        signInWithToken(
                desk,
                TestCare.token(identity, doctor),
                "/record/" + account.patientId().value() + "/questionnaires");
        var answered = desk.locator("#questionnaire-answers .answered");
        assertThat(answered).hasCount(1);
        assertThat(answered).containsText("Перед приёмом терапевта");
        assertThat(answered).containsText("Вы курите?");
        assertThat(answered).containsText("Да");
        assertThat(answered).containsText("5");
        answered.locator("h3 a").click();
        desk.waitForURL("**/questionnaires/*-*");
        assertThat(desk.locator("#answers dd[data-link-id='smoke']")).hasText("Да");
        assertThat(desk.locator("#answers dd[data-link-id='cigs']")).hasText("5");

        // The patient's questionnaires, from the menu, in English too.
        onPhone.setViewportSize(1280, 900);
        onPhone.locator("#nav-questionnaires").click();
        onPhone.waitForURL("**/questionnaires");
        assertThat(onPhone.locator("li.response")).containsText("Перед приёмом терапевта");
        onPhone.navigate(url("/questionnaires?lang=en"));
        assertThat(onPhone.locator("h1")).hasText("Questionnaires");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM questionnaire_response WHERE patient_id = :p AND status = 'COMPLETED'")
                        .param("p", account.patientId().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    private static void addItem(
            Page page,
            String linkId,
            String text,
            String type,
            boolean required,
            String whenQuestion,
            String whenAnswer,
            String maxValue) {
        page.locator("#linkId").fill(linkId);
        page.locator("#text").fill(text);
        page.locator("#type").selectOption(type);
        if (required) {
            page.locator("#required").check();
        }
        if (whenQuestion != null) {
            page.locator("#enableWhenQuestion").selectOption(whenQuestion);
            page.locator("#enableWhenAnswer").fill(whenAnswer);
        }
        if (maxValue != null) {
            page.locator("#maxValue").fill(maxValue);
        }
        // The page that answers the post (a redirect to the list, or the form with its errors) is loaded.
        page.waitForResponse(
                answer ->
                        answer.request().method().equals("POST") && answer.url().endsWith("/items"),
                () -> page.locator("#add-item").click());
        page.waitForLoadState();
    }

    private void signInWithToken(Page on, String token, String path) {
        on.navigate(url("/test/token-sign-in?token=" + token + "&continue=" + path));
        on.waitForURL("**" + path);
    }
}
