package org.medkarta.record;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Registered;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestPatients;

/**
 * Every record page as people use it, with the message of each refusal beside its field: the
 * patient's filters, diary and contacts; the doctor's entry and correction forms with the duplicate
 * warning, identity, thresholds and alerts desk.
 */
class RecordPagesBrowserIT extends RecordBrowserSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Registered register(String phone) {
        return TestPatients.register(identity, "Страницева", "Вера", null, phone, "1970-02-28");
    }

    @Test
    void aDiaryReadingShowsItsUnitInTheReadersLanguageWhileDataKeepsTheCode() {
        String phone = Phones.unique();
        var patient = register(phone);
        String base = "/record/" + patient.patientId().value();
        signInByCode(page, outbox, phone);
        page.navigate(url(base + "/diary?lang=ru"));
        page.locator("#systolic").fill("128");
        page.locator("#diastolic").fill("82");
        page.locator("#add-reading").click();
        assertThat(page.locator("#saved")).isVisible();
        assertThat(page.locator("tr.reading")).containsText("мм рт. ст.");
        assertThat(page.locator("tr.reading")).not().containsText("mmHg");

        page.navigate(url(base + "/diary?lang=en"));
        assertThat(page.locator("tr.reading")).containsText("mmHg");
        assertThat(page.locator("tr.reading")).not().containsText("мм рт. ст.");
        org.assertj.core.api.Assertions.assertThat(
                        jdbc.sql("SELECT unit FROM record_diary_reading WHERE patient_id = ?")
                                .param(patient.patientId().value())
                                .query(String.class)
                                .list())
                .containsExactly("mmHg");
    }

    @Test
    void aPatientFiltersTheRecordKeepsADiaryAndChangesContacts() {
        String phone = Phones.unique();
        var patient = register(phone);
        String base = "/record/" + patient.patientId().value();
        signInByCode(page, outbox, phone);

        page.navigate(url(base + "?from=2020-13-40"));
        assertThat(page.locator("#from-error")).isVisible();
        assertThat(page.locator("#no-entries")).isVisible();

        page.locator("#tab-diary").click();
        page.locator("#systolic").fill("400");
        page.locator("#diastolic").fill("80");
        page.locator("#add-reading").click();
        assertThat(page.locator("#systolic-error")).containsText("50");
        page.locator("#systolic").fill("135");
        page.locator("#add-reading").click();
        assertThat(page.locator("#saved")).isVisible();
        assertThat(page.locator("tr.reading .reading-value")).hasText("135/80");
        assertThat(page.locator("#diary-chart")).hasAttribute("data-rendered", "true");
        page.locator("#measure-CUSTOM").click();
        page.locator("#value").fill("3");
        page.locator("#add-reading").click();
        assertThat(page.locator("#name-error")).isVisible();
        assertThat(page.locator("#unit-error")).isVisible();

        page.locator("#tab-contacts").click();
        page.locator("#contact-kind").selectOption("EMAIL");
        page.locator("#contact-value").fill("нет-почты");
        page.locator("#add-contact-button").click();
        assertThat(page.locator("#value-error")).isVisible();
        page.locator("#contact-kind").selectOption("PHONE");
        page.locator("#contact-value").fill("+7 916 000-11-22");
        page.locator("#add-contact-button").click();
        assertThat(page.locator("li.contact")).hasCount(1);
        page.locator("#address-input-ACTUAL").fill("Москва, Тверская, 1");
        page.locator("#address-ACTUAL button").click();
        assertThat(page.locator("tr.change")).hasCount(2);

        // The identity document (SPEC E1): each wrong field told beside it, then kept and shown.
        page.locator("#documentType").selectOption("RF_PASSPORT");
        page.locator("#documentSeries").fill("45 0б");
        page.locator("#documentNumber").fill("12345");
        page.locator("#documentIssuedOn").fill("2099-01-01");
        page.locator("#save-identity-document").click();
        assertThat(page.locator("#documentSeries-error")).containsText("четыре цифры");
        assertThat(page.locator("#documentNumber-error")).containsText("шесть цифр");
        assertThat(page.locator("#documentIssuedOn-error")).isVisible();
        assertThat(page.locator("#documentIssuer-error")).isVisible();
        page.locator("#documentSeries").fill("45 06");
        page.locator("#documentNumber").fill("123 456");
        page.locator("#documentIssuedOn").fill("2020-05-01");
        page.locator("#documentIssuer").fill("ГУ МВД России по г. Москве");
        page.locator("#save-identity-document").click();
        assertThat(page.locator("#saved")).isVisible();
        assertThat(page.locator("#identity-document"))
                .hasText("Паспорт гражданина РФ 45 06 № 123456, выдан 01.05.2020, ГУ МВД России по г. Москве");
        assertThat(page.locator("tr.change")).hasCount(3);
        screenshot("contacts");

        // Clinical entries are the doctors' (SPEC E6): the patient's own record refuses the form.
        page.navigate(url(base + "/entries/new"));
        assertThat(page.locator("h1")).hasText(java.util.regex.Pattern.compile("Доступ запрещён|Страница не найдена"));
        page.navigate(url("/record/" + UUID.randomUUID()));
        assertThat(page.locator("h1")).hasText("Страница не найдена");
    }

    @Test
    void aDoctorFilesCorrectsAndMonitors() {
        String phone = Phones.unique();
        var patient = register(phone);
        String base = "/record/" + patient.patientId().value();
        var doctor = TestCare.demoDoctor(clinics);
        TestCare.refer(patientReferrals, patient.patientId(), doctor, clock.instant());
        var another = register(Phones.unique());
        TestCare.refer(patientReferrals, another.patientId(), doctor, clock.instant());
        page.navigate(
                url("/test/staff-sign-in?email=doctor@demo.medkarta.org&password=Demo-doctor-1&continue=" + base));
        assertThat(page.locator("#patient-name")).containsText("Вера С.");
        // Patients in a doctor's care are not the doctor's own records (SPEC F5 is for the patient,
        // children and delegations): no switcher; each record opens by its care relationship.
        assertThat(page.locator("#switch-record")).hasCount(0);
        page.navigate(url("/record/" + another.patientId().value()));
        assertThat(page.locator("#patient-name")).isVisible();

        // The identity section shows identity's SNILS and policies; the registry, not the doctor,
        // changes them (SPEC F4, issue 12), so the doctor's form has no identifier fields.
        page.navigate(url(base + "/identity"));
        assertThat(page.locator("#no-policies")).isVisible();
        assertThat(page.locator("#registry-keeps-identifiers")).isVisible();
        assertThat(page.locator("#omsNumber")).hasCount(0);
        assertThat(page.locator("#snils")).hasCount(0);
        page.navigate(url(base));

        page.locator("#add-entry").click();
        // The form page loaded (waitForURL waits for "load"): its module script, which makes the
        // type select submit on change, has run; a change before that would be lost.
        page.waitForURL("**/entries/new**");
        page.locator("#entry-type").selectOption("LAB_RESULT");
        page.waitForURL("**type=LAB_RESULT");
        page.locator("#save-entry").click();
        assertThat(page.locator("#f_value-error")).isVisible();
        assertThat(page.locator("#f_testCode-error")).isVisible();
        fillLab(page, "7.1");
        page.locator("#save-entry").click();
        assertThat(page.locator("#saved")).isVisible();
        assertThat(page.locator("#entry-flag")).hasText("выше нормы");

        page.navigate(url(base + "/entries/new?type=LAB_RESULT"));
        fillLab(page, "7.1");
        page.locator("#save-entry").click();
        assertThat(page.locator("#form-error")).containsText("уже есть");
        page.locator("#confirmDuplicate").check();
        page.locator("#save-entry").click();
        assertThat(page.locator("#saved")).isVisible();

        page.locator("#correct").click();
        page.locator("#f_value").fill("4.9");
        page.locator("#save-entry").click();
        assertThat(page.locator("#reason-error")).isVisible();
        page.locator("#reason").fill("Ошибка ввода");
        page.locator("#save-entry").click();
        assertThat(page.locator("#entry-status")).hasText("Исправлена");
        assertThat(page.locator("#history tr.version")).hasCount(2);
        page.locator("#correct").click();
        page.locator("#error-reason").fill("Не тот пациент");
        page.locator("#entered-in-error").click();
        confirm(page);
        assertThat(page.locator("#entry-status")).hasText("Внесена ошибочно");

        page.navigate(url(base + "/identity"));
        page.locator("#sex").selectOption("FEMALE");
        page.locator("#save-identity").click();
        assertThat(page.locator("#patient-sex")).hasText("женский");

        page.navigate(url(base + "/diary"));
        page.locator("#t_low").fill("150");
        page.locator("#t_high").fill("140");
        page.locator("#set-threshold").click();
        assertThat(page.locator("#t_high-error")).isVisible();
        page.locator("#t_low").fill("");
        page.locator("#t_high").fill("120");
        page.locator("#set-threshold").click();
        assertThat(page.locator("li.threshold")).hasCount(1);
        // The patient keeps the diary (SPEC E8); a reading beyond the threshold alerts the doctor.
        var patientContext = browserContext();
        var own = patientContext.newPage();
        signInByCode(own, outbox, phone);
        own.navigate(url(base + "/diary"));
        own.locator("#systolic").fill("150");
        own.locator("#diastolic").fill("90");
        own.locator("#add-reading").click();
        assertThat(own.locator("#saved")).isVisible();
        patientContext.close();

        page.locator("#nav-alerts").click();
        var alert = page.locator("li.alert-item")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Страницева"));
        assertThat(alert).hasCount(1);
        assertThat(alert.locator(".alert-detail")).containsText("150/90 мм рт. ст.");
        screenshot("alerts");
        alert.locator("button.acknowledge").click();
        assertThat(page.locator("li.alert-item")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Страницева")))
                .hasCount(0);

        page.locator("#nav-verification").click();
        assertThat(page.locator("h1")).hasText("Проверка загрузок");
    }

    @Test
    void aDoctorFilesAProcedureAndAnAllergyThroughTheFormInRussianAndCorrectsTheAllergy() {
        var patient = register(Phones.unique());
        String base = "/record/" + patient.patientId().value();
        var doctor = TestCare.demoDoctor(clinics);
        TestCare.refer(patientReferrals, patient.patientId(), doctor, clock.instant());
        page.navigate(
                url("/test/staff-sign-in?email=doctor@demo.medkarta.org&password=Demo-doctor-1&continue=" + base));

        page.locator("#add-entry").click();
        // The form page loaded (waitForURL waits for "load"): its module script, which makes the
        // type select submit on change, has run; a change before that would be lost.
        page.waitForURL("**/entries/new**");
        page.locator("#entry-type").selectOption("PROCEDURE");
        page.waitForURL("**type=PROCEDURE");
        assertThat(page.locator("label[for=f_code]")).hasText("Код");
        page.locator("#save-entry").click();
        assertThat(page.locator("#f_date-error")).isVisible();
        assertThat(page.locator("#f_name-error")).isVisible();
        assertThat(page.locator("#f_code-error")).hasCount(0);
        page.locator("#f_date").fill("2024-03-12");
        page.locator("#f_code").fill("a16.20.036");
        page.locator("#f_name").fill("Удаление зуба простое");
        page.locator("#f_outcome").fill("Без осложнений");
        page.locator("#save-entry").click();
        assertThat(page.locator("#saved")).isVisible();
        assertThat(page.locator("#entry-title")).containsText("Процедура, манипуляция, операция");
        assertThat(page.locator("#entry-title")).containsText("Удаление зуба простое");
        assertThat(page.locator("[data-field=code]")).hasText("A16.20.036");

        page.navigate(url(base + "/entries/new?type=ALLERGY"));
        page.locator("#f_recorded").fill("2024-03-13");
        page.locator("#f_substance").fill("Лидокаин");
        page.locator("#save-entry").click();
        assertThat(page.locator("#f_category-error")).isVisible();
        assertThat(page.locator("#f_clinicalStatus-error")).isVisible();
        assertThat(page.locator("#f_category option[value=MEDICATION]")).hasText("Лекарственная");
        page.locator("#f_category").selectOption("MEDICATION");
        page.locator("#f_criticality").selectOption("HIGH");
        page.locator("#f_clinicalStatus").selectOption("ACTIVE");
        page.locator("#f_reaction").fill("Отёк Квинке");
        page.locator("#save-entry").click();
        assertThat(page.locator("#saved")).isVisible();
        assertThat(page.locator("#entry-title")).containsText("Аллергия, непереносимость");
        assertThat(page.locator("#entry-title")).containsText("Лидокаин");

        page.locator("#correct").click();
        page.locator("#f_clinicalStatus").selectOption("INACTIVE");
        page.locator("#reason").fill("Проба отрицательная");
        page.locator("#save-entry").click();
        assertThat(page.locator("#entry-status")).hasText("Исправлена");
        assertThat(page.locator("[data-field=clinicalStatus]")).hasText("INACTIVE");

        page.navigate(url(base + "?lang=ru"));
        var procedure = page.locator("li.entry[data-type=PROCEDURE]");
        assertThat(procedure.locator(".badge")).hasText("Процедура, манипуляция, операция");
        assertThat(procedure.locator(".entry-title")).hasText("Удаление зуба простое");
        var allergy = page.locator("li.entry[data-type=ALLERGY]");
        assertThat(allergy.locator(".badge")).hasText("Аллергия, непереносимость");
        assertThat(allergy.locator(".entry-title")).hasText("Лидокаин");
        page.navigate(url(base + "?lang=en"));
        assertThat(page.locator("li.entry[data-type=PROCEDURE] .badge")).hasText("Procedure");
        assertThat(page.locator("li.entry[data-type=ALLERGY] .badge")).hasText("Allergy or intolerance");
        page.navigate(url(base + "?type=ALLERGY&lang=ru"));
        assertThat(page.locator("li.entry")).hasCount(1);

        // Neither is in order 003 Appendix 1: the patient's own record does not list them.
        org.assertj.core.api.Assertions.assertThat(EntryType.shownToPatients())
                .doesNotContain(EntryType.PROCEDURE, EntryType.ALLERGY);
    }

    @Test
    void anAdministratorSeesRecordsSharingASnils() {
        page.navigate(
                url(
                        "/test/staff-sign-in?email=admin@demo.medkarta.org&password=Demo-admin-1&continue=/record/shared-identifiers"));
        assertThat(page.locator("h1")).hasText("Совпадающие СНИЛС и полисы");
    }

    private static void fillLab(Page page, String value) {
        page.locator("#f_date").fill("2024-05-05");
        page.locator("#f_testCode").fill("chol");
        page.locator("#f_testName").fill("Холестерин");
        page.locator("#f_value").fill(value);
        page.locator("#f_unit").fill("mmol/L");
        page.locator("#f_referenceHigh").fill("5.2");
    }
}
