package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ClinicSetUp} through the public API (SPEC B1, A8): a clinic, its legal numbers, logo and demo data. */
class ClinicSetUpIT extends ClinicApiSupport {

    @Test
    void platformAdministratorRegistersAClinicWhoseInvitedAdministratorSeesIt() {
        String[] clinic = clinicWithAdmin("Клиника «Здоровье»");

        var read = getAs(clinic[1], "/api/v1/clinics/" + clinic[0]);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(body(read).get("name").asString()).isEqualTo("Клиника «Здоровье»");
        assertThat(body(read).get("phone").asString()).isEqualTo("+74951234567");
        assertThat(body(read).get("timezone").asString()).isEqualTo("Europe/Moscow");
        var mine = getAs(clinic[1], "/api/v1/clinics");
        assertThat(mine.body()).contains(clinic[0]);
    }

    @Test
    void aWrongInnOrOgrnChecksumIsInvalidInputNamingTheField() {
        String admin = platformAdmin();

        var badInn =
                postAs(admin, "/api/v1/clinics", clinicBody("Клиника", broken(validInn()), validOgrn(), List.of()));
        var badOgrn =
                postAs(admin, "/api/v1/clinics", clinicBody("Клиника", validInn(), broken(validOgrn()), List.of()));
        var shortInn = postAs(admin, "/api/v1/clinics", clinicBody("Клиника", "77071", validOgrn(), List.of()));
        var body = clinicBody("Клиника", validInn(), validOgrn(), List.of());
        body.put("region", "00");
        body.put("timezone", "Mars/Olympus");
        var badRegionAndZone = postAs(admin, "/api/v1/clinics", body);

        assertThat(badInn.statusCode()).isEqualTo(422);
        assertThat(problem(badInn)).isEqualTo("invalid-input");
        assertThat(body(badInn).get("field").asString()).isEqualTo("inn");
        assertThat(body(badOgrn).get("field").asString()).isEqualTo("ogrn");
        assertThat(body(shortInn).get("field").asString()).isEqualTo("inn");
        assertThat(body(badRegionAndZone).get("errors").toString()).contains("region", "timezone");
    }

    @Test
    void aPatientOrAnonymousCallerCannotSetUpClinics() {
        String[] a = clinicWithAdmin("Клиника В");

        assertThat(getAs(patient(), "/api/v1/clinics/" + a[0]).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/clinics/" + a[0]).statusCode()).isEqualTo(401);
    }

    @Test
    void logosAndPhotosArePngOrJpegByContentUpToOneMegabyte() {
        String[] a = clinicWithAdmin("Клиника Логотип");
        String logo = "/api/v1/clinics/" + a[0] + "/logo";
        byte[] pdfCalledPng =
                "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] tooBig = new byte[1024 * 1024 + 1];
        System.arraycopy(PNG, 0, tooBig, 0, PNG.length);

        assertThat(putBytes(a[1], logo, PNG).statusCode()).isEqualTo(204);
        var wrongType = putBytes(a[1], logo, pdfCalledPng);
        var big = putBytes(a[1], logo, tooBig);

        assertThat(wrongType.statusCode()).isEqualTo(422);
        assertThat(body(wrongType).get("field").asString()).isEqualTo("logo");
        assertThat(big.statusCode()).isEqualTo(422);
        var served = getBytes(logo);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.body()).isEqualTo(PNG);
    }

    @Test
    void theDemoClinicHasItsAdministratorDocumentsDoctorsAndServices() {
        String admin = tokenOf("clinic@demo.medkarta.org", "Demo-clinic-1");

        var mine = body(getAs(admin, "/api/v1/clinics"));
        assertThat(mine.size()).isEqualTo(1);
        String clinic = mine.get(0).get("id").asString();
        assertThat(mine.get(0).get("region").asString()).isEqualTo("77");
        assertThat(body(get("/api/v1/clinics/" + clinic + "/documents/offer/current"))
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        var therapists = body(get("/api/v1/doctors?specialty=therapist&clinicId=" + clinic));
        assertThat(therapists.get(0).get("name").asString()).startsWith("Петров Иван");
        String therapist = therapists.get(0).get("id").asString();
        assertThat(body(get("/api/v1/doctors/" + therapist)).get("services").toString())
                .contains("VIDEO", "AUDIO", "CHAT");
        var cardiologist = body(get("/api/v1/doctors?specialty=cardiologist&clinicId=" + clinic))
                .get(0);
        assertThat(body(get("/api/v1/doctors/" + cardiologist.get("id").asString()))
                        .get("services")
                        .get(0)
                        .get("visibility")
                        .asString())
                .isEqualTo("REFERRAL");
    }

    @Test
    void theOpenApiDocumentDescribesTheClinicEndpoints() {
        var document = get("/v3/api-docs");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body())
                .contains(
                        "/api/v1/clinics/{id}/doctors",
                        "/api/v1/clinics/{id}/services",
                        "/api/v1/specialties",
                        "/api/v1/doctors",
                        "/api/v1/clinics/{id}/acceptance",
                        "/api/v1/support/requests");
    }
}
