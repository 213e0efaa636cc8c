package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** {@link OfferAndConsent}: the offer and consent as numbered versions and each patient's acceptance (SPEC B2). */
class OfferAndConsentIT extends ClinicApiSupport {

    @Test
    void documentsArePublishedAsNumberedVersionsThatStayReadableAndDownloadAsPdfWithCyrillic() throws Exception {
        String[] a = clinicWithAdmin("Клиника Документы");
        String base = "/api/v1/clinics/" + a[0] + "/documents/offer";

        var first = postAs(
                a[1], base, Map.of("text", "# Публичная оферта\n\n{{clinic}} оказывает услуги.\n\n- первый пункт"));
        var second = postAs(a[1], base, Map.of("text", "# Публичная оферта\n\nРедакция вторая для {{patient}}."));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(body(first).get("version").asInt()).isEqualTo(1);
        assertThat(body(second).get("version").asInt()).isEqualTo(2);
        assertThat(body(get(base)).size()).isEqualTo(2);
        var v1 = get(base + "/1");
        assertThat(body(v1).get("html").asString())
                .contains("<h2>Публичная оферта</h2>", "Клиника Документы оказывает услуги", "<li>первый пункт</li>");
        assertThat(body(get(base + "/current")).get("version").asInt()).isEqualTo(2);
        var pdf = getBytes(base + "/1.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Публичная оферта", "Клиника Документы оказывает услуги");
        }
        assertThat(get(base + "/3").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/clinics/" + a[0] + "/documents/contract").statusCode())
                .isEqualTo(404);
    }

    @Test
    void scriptInADocumentIsShownAsTextNeverRun() {
        String[] a = clinicWithAdmin("Клиника Скрипт");
        String base = "/api/v1/clinics/" + a[0] + "/documents/consent";
        postAs(a[1], base, Map.of("text", "<script>alert(1)</script> **важно**"));

        assertThat(body(get(base + "/1")).get("html").asString())
                .doesNotContain("<script>")
                .contains("script", "<strong>важно</strong>");
    }

    @Test
    void aPatientAcceptsTheCurrentVersionsAndMustAcceptAgainAfterANewOne() {
        String[] a = clinicWithAdmin("Клиника Согласие");
        String patient = patient();
        String acceptance = "/api/v1/clinics/" + a[0] + "/acceptance";
        assertThat(body(getAs(patient, acceptance)).get("accepted").asBoolean()).isTrue();
        postAs(a[1], "/api/v1/clinics/" + a[0] + "/documents/offer", Map.of("text", "Оферта 1"));
        postAs(a[1], "/api/v1/clinics/" + a[0] + "/documents/consent", Map.of("text", "Согласие 1"));
        assertThat(body(getAs(patient, acceptance)).get("accepted").asBoolean()).isFalse();

        var accepted = postAs(patient, acceptance, Map.of());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(body(accepted).get("offerVersion").asInt()).isEqualTo(1);
        assertThat(body(accepted).get("consentVersion").asInt()).isEqualTo(1);
        var state = body(getAs(patient, acceptance));
        assertThat(state.get("accepted").asBoolean()).isTrue();
        assertThat(state.get("acceptances").size()).isEqualTo(2);
        assertThat(state.get("acceptances").get(0).get("address").asString()).isNotBlank();

        postAs(a[1], "/api/v1/clinics/" + a[0] + "/documents/consent", Map.of("text", "Согласие 2"));
        assertThat(body(getAs(patient, acceptance)).get("accepted").asBoolean()).isFalse();
        postAs(patient, acceptance, Map.of());
        assertThat(body(getAs(patient, acceptance)).get("accepted").asBoolean()).isTrue();
        assertThat(body(getAs(patient, acceptance)).get("acceptances").size()).isEqualTo(3);
    }
}
