package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.Outbox;

/** Clinic set-up through the public API (SPEC B1-B5, A8): validation, isolation, documents and the catalogue. */
class ClinicSetUpIT extends ClinicApiSupport {

    // The smallest valid PNG: the signature and an IHDR chunk are enough for detection by content.
    static final byte[] PNG = java.util.HexFormat.of()
            .parseHex(
                    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");

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
    void knownRealNumbersPassTheChecksums() {
        // Sberbank's INN and OGRN, published in the unified state register.
        assertThat(LegalNumbers.innValid("7707083893")).isTrue();
        assertThat(LegalNumbers.ogrnValid("1027700132195")).isTrue();
        assertThat(LegalNumbers.innValid("7707083894")).isFalse();
        assertThat(LegalNumbers.ogrnValid("1027700132196")).isFalse();
    }

    @Test
    void anAdministratorOfAnotherClinicGetsNotFoundFromEveryEndpoint() {
        String[] a = clinicWithAdmin("Клиника А");
        String[] b = clinicWithAdmin("Клиника Б");
        var doctor = postAs(a[1], "/api/v1/clinics/" + a[0] + "/doctors", doctorBody(email("doc"), "therapist"));
        assertThat(doctor.statusCode()).as(doctor.body()).isEqualTo(201);
        String doctorId = body(doctor).get("id").asString();
        var service = postAs(a[1], "/api/v1/clinics/" + a[0] + "/services", serviceBody(doctorId, "REGION"));
        assertThat(service.statusCode()).as(service.body()).isEqualTo(201);
        String serviceId = body(service).get("id").asString();
        String other = b[1];
        String base = "/api/v1/clinics/" + a[0];

        var answers = List.of(
                getAs(other, base),
                putAs(other, base, clinicBody("Чужая", validInn(), validOgrn(), List.of())),
                getAs(other, base + "/doctors"),
                getAs(other, base + "/doctors/" + doctorId),
                postAs(other, base + "/doctors", doctorBody(email("doc"), "therapist")),
                putAs(other, base + "/doctors/" + doctorId, doctorBody(null, "cardiologist")),
                putBytes(other, base + "/doctors/" + doctorId + "/photo", PNG),
                getAs(other, base + "/services"),
                postAs(other, base + "/services", serviceBody(doctorId, "REGION")),
                putAs(other, base + "/services/" + serviceId, serviceBody(doctorId, "REFERRAL")),
                postAs(other, base + "/documents/offer", Map.of("text", "Чужая оферта")),
                getAs(other, base + "/attachments"),
                postAs(
                        other,
                        base + "/administrators",
                        map("email", email("x"), "lastName", "Иванов", "firstName", "Иван")),
                putBytes(other, base + "/logo", PNG));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode())
                    .as(answer.uri() + " " + answer.body())
                    .isEqualTo(404);
            assertThat(problem(answer)).isEqualTo("not-found");
        });
        // Nothing was written: A still has its one doctor and one service, unchanged.
        var doctors = getAs(a[1], base + "/doctors");
        assertThat(body(doctors).size()).isEqualTo(1);
        assertThat(body(doctors).get(0).get("specialties").toString())
                .contains("therapist")
                .doesNotContain("cardio");
        var services = getAs(a[1], base + "/services");
        assertThat(body(services).size()).isEqualTo(1);
        assertThat(body(services).get(0).get("visibility").asString()).isEqualTo("REGION");
        assertThat(getAs(a[1], base).body()).doesNotContain("Чужая");
        assertThat(body(getBytesJson(base + "/documents/offer")).size()).isZero();
        // A service of clinic B cannot name A's doctor.
        var crossLink = postAs(b[1], "/api/v1/clinics/" + b[0] + "/services", serviceBody(doctorId, "REGION"));
        assertThat(crossLink.statusCode()).isEqualTo(422);
        assertThat(body(crossLink).get("field").asString()).isEqualTo("doctorIds");
    }

    @Test
    void aPatientOrAnonymousCallerCannotSetUpClinics() {
        String[] a = clinicWithAdmin("Клиника В");

        assertThat(getAs(patient(), "/api/v1/clinics/" + a[0]).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/clinics/" + a[0]).statusCode()).isEqualTo(401);
    }

    @Test
    void anInvitedDoctorSetsAPasswordFromTheLinkAndAppearsInTheCatalogue() {
        String[] a = clinicWithAdmin("Клиника Сердце");
        String doctorEmail = email("cardio");

        var invited = postAs(a[1], "/api/v1/clinics/" + a[0] + "/doctors", doctorBody(doctorEmail, "cardiologist"));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String doctorId = body(invited).get("id").asString();
        assertThat(Outbox.latestLink(outbox, doctorEmail)).contains("/password/set?token=");
        acceptInvitation(doctorEmail);
        assertThat(tokenOf(doctorEmail, PASSWORD)).isNotBlank();

        var found = get("/api/v1/doctors?specialty=cardiologist&q=сердеч&clinicId=" + a[0]);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(body(found).size()).isEqualTo(1);
        assertThat(body(found).get(0).get("id").asString()).isEqualTo(doctorId);
        assertThat(body(found).get(0).get("name").asString()).isEqualTo("Сердечная Анна Павловна");
        assertThat(body(found).get(0).get("clinicId").asString()).isEqualTo(a[0]);
        assertThat(body(found).get(0).get("specialties").toString()).contains("cardiologist");
        assertThat(body(get("/api/v1/doctors?specialty=dentist&clinicId=" + a[0]))
                        .size())
                .isZero();

        var again = postAs(a[1], "/api/v1/clinics/" + a[0] + "/doctors", doctorBody(doctorEmail, "cardiologist"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problem(again)).isEqualTo("doctor-exists");
    }

    @Test
    void aServiceKeepsItsFormatKindPriceAndReferralOnlyVisibility() {
        String[] a = clinicWithAdmin("Клиника Услуги");
        String doctorId = body(postAs(
                        a[1], "/api/v1/clinics/" + a[0] + "/doctors", doctorBody(email("d"), "therapist")))
                .get("id")
                .asString();

        var created = postAs(a[1], "/api/v1/clinics/" + a[0] + "/services", serviceBody(doctorId, "REFERRAL"));
        var free = serviceBody(doctorId, "ATTACHED");
        free.put("priceKopecks", 0);
        free.put("format", "CHAT");
        var freeService = postAs(a[1], "/api/v1/clinics/" + a[0] + "/services", free);
        var badFormat = serviceBody(doctorId, "REGION");
        badFormat.put("format", "TELEPATHY");
        var negative = serviceBody(doctorId, "REGION");
        negative.put("priceKopecks", -1);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(body(created).get("visibility").asString()).isEqualTo("REFERRAL");
        assertThat(body(created).get("format").asString()).isEqualTo("VIDEO");
        assertThat(body(created).get("kind").asString()).isEqualTo("PRIMARY");
        assertThat(body(created).get("priceKopecks").asLong()).isEqualTo(150000);
        assertThat(body(freeService).get("priceKopecks").asLong()).isZero();
        var refusedFormat = postAs(a[1], "/api/v1/clinics/" + a[0] + "/services", badFormat);
        assertThat(refusedFormat.statusCode()).isEqualTo(422);
        assertThat(body(refusedFormat).get("field").asString()).isEqualTo("format");
        assertThat(body(postAs(a[1], "/api/v1/clinics/" + a[0] + "/services", negative))
                        .get("field")
                        .asString())
                .isEqualTo("priceKopecks");
        var card = get("/api/v1/doctors/" + doctorId);
        assertThat(body(card).get("services").size()).isEqualTo(2);
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
    void specialtiesComeInTheReadersLanguage() {
        var russian = get("/api/v1/specialties", "Accept-Language", "ru");
        var english = get("/api/v1/specialties?lang=en", "Accept-Language", "en");

        assertThat(russian.body()).contains("\"code\":\"cardiologist\"", "Кардиолог");
        assertThat(english.body()).contains("Cardiologist");
    }

    java.net.http.HttpResponse<String> getBytesJson(String path) {
        return get(path);
    }

    static Map<String, Object> doctorBody(String email, String specialty) {
        var body = map(
                "lastName", "Сердечная",
                "firstName", "Анна",
                "patronymic", "Павловна",
                "specialties", List.of(specialty),
                "position", "Врач-кардиолог",
                "experienceYears", 12);
        if (email != null) {
            body.put("email", email);
        }
        return body;
    }

    static Map<String, Object> serviceBody(String doctorId, String visibility) {
        return map(
                "name",
                "Первичная видеоконсультация",
                "specialty",
                "therapist",
                "format",
                "VIDEO",
                "kind",
                "PRIMARY",
                "durationMinutes",
                30,
                "priceKopecks",
                150000,
                "doctorIds",
                List.of(doctorId),
                "visibility",
                visibility);
    }
}
