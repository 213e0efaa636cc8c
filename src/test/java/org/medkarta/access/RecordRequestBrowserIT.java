package org.medkarta.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medkarta.files.Samples;
import org.medkarta.identity.PatientRecordForm;
import org.medkarta.identity.PatientRecords;
import org.medkarta.notification.DevOutbox;
import org.medkarta.record.ClinicalEntries;
import org.medkarta.record.EntryForm;
import org.medkarta.record.EntryType;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.Identifiers;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17, "Done when": a self-registered patient files a record-access request, sees no clinical
 * data, staff approve it, the record appears.
 */
class RecordRequestBrowserIT extends BrowserSupport {

    @Autowired
    IdentityFacades identity;

    @Autowired
    ClinicFacades clinics;

    @Autowired
    PatientRecords patientRecords;

    @Autowired
    ClinicalEntries clinicalEntries;

    @Autowired
    RecordAccess access;

    @Autowired
    PatientReferrals patientReferrals;

    @Autowired
    DevOutbox outbox;

    @Test
    void aSelfRegisteredPatientFilesARequestSeesNothingUntilStaffApproveAndThenTheRecordAppears() {
        var clinic = TestClinics.register(clinics, "Клиника заявок").id();
        var registrar = TestStaff.registrar(identity, clinic);
        String phone = Phones.unique();
        String snils = Identifiers.snils();
        String oms = Identifiers.oms();
        var kept = patientRecords
                .create(
                        registrar,
                        new PatientRecordForm(
                                "Браузерова",
                                "Светлана",
                                "Петровна",
                                "1980-01-02",
                                "FEMALE",
                                phone,
                                snils,
                                oms,
                                null,
                                null))
                .patientId();
        var doctor = TestCare.doctor(clinics, clinic);
        var doctorUser = TestCare.signedIn(doctor);
        patientReferrals.issueReferral(
                kept, "therapist", doctor.id(), Instant.now().plus(Duration.ofDays(30)), null);
        clinicalEntries.add(
                access.require(doctorUser, kept, RecordAction.WRITE),
                doctorUser,
                new EntryForm(
                        EntryType.LAB_RESULT,
                        Map.of(
                                "date", "2024-02-03",
                                "testCode", "HGB",
                                "testName", "Гемоглобин клиники",
                                "value", "131",
                                "unit", "g/L",
                                "referenceLow", "120",
                                "referenceHigh", "160"),
                        null,
                        false));

        // The patient registers with the phone the clinic typed: it opens nothing of the clinic's record.
        TestPatients.register(identity, "Браузерова", "Светлана", null, phone, "1980-01-02");
        signInByCode(page, outbox, phone);
        var closed = page.navigate(url("/record/" + kept.value()));
        assertThat(closed.status()).isEqualTo(404);
        assertThat(page.content()).doesNotContain("Гемоглобин клиники");

        page.navigate(url("/access/records"));
        page.locator("#record-requests").click();
        page.locator("#new-request").click();
        assertThat(page.locator("#lastName")).hasValue("Браузерова");
        assertThat(page.locator("#birthDate")).hasValue("1980-01-02");
        page.locator("#clinicId").selectOption(clinic.value().toString());
        page.locator("#patronymic").fill("Петровна");
        page.locator("#documentSeries").fill("45 06");
        page.locator("#documentNumber").fill("12345");
        page.locator("#documentIssuedOn").fill("2005-03-04");
        page.locator("#documentIssuer").fill("ОВД района Арбат г. Москвы");
        page.locator("#omsNumber").fill(oms);
        page.locator("#snils").fill(snils);
        page.locator("#request-submit").click();
        // Six digits in a passport number, and the document's scan: each said beside its field.
        assertThat(page.locator("#documentNumber-error")).hasText("Номер паспорта — шесть цифр");
        assertThat(page.locator("#documentScan-error")).isVisible();
        screenshot("errors");
        page.locator("#documentNumber").fill("123456");
        page.locator("#documentScan").setInputFiles(new FilePayload("passport.png", "image/png", Samples.png()));
        page.locator("#request-submit").click();
        page.waitForURL("**/access/record-requests?filed");
        assertThat(page.locator("#requests .request-state")).hasText("Подана");
        screenshot("filed");
        page.navigate(url("/record/" + kept.value()));
        assertThat(page.content()).doesNotContain("Гемоглобин клиники");

        var staff = browserContext().newPage();
        staff.navigate(url("/test/token-sign-in?token="
                + identity.tokens().tokensFor(registrar).accessToken() + "&continue=/access/registry/record-requests"));
        staff.locator("#queue a.open-request").first().click();
        assertThat(staff.locator("#candidate-" + kept.value())).isVisible();
        assertThat(staff.locator(".scan img")).isVisible();
        staff.locator("#take").click();
        assertThat(staff.locator("#request-state")).hasText("В работе");
        staff.locator("#pick-" + kept.value()).check();
        staff.locator("#approve").click();
        assertThat(staff.locator("#request-state")).hasText("Одобрена");

        page.navigate(url("/access/record-requests"));
        assertThat(page.locator("#requests .request-state")).hasText("Одобрена");
        page.navigate(url("/access/records"));
        assertThat(page.locator("#record-" + kept.value())).isVisible();
        var opened = page.navigate(url("/record/" + kept.value()));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(page.content()).contains("Гемоглобин клиники");
        screenshot("record");
    }
}
