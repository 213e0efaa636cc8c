package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;
import org.medkarta.files.Samples;

/** Studies and laboratory results as DiagnosticReports; protocols, summaries and uploads as DocumentReferences. */
class FhirReportsAndDocumentsIT extends FhirResultsSupport {

    private String study(Person doctor, Person patient, String date, String modality, String study) {
        return file(
                doctor,
                patient,
                "INSTRUMENTAL",
                "date",
                date,
                "modality",
                modality,
                "study",
                study,
                "conclusion",
                "Заключение: " + study);
    }

    @Test
    void studiesAndLaboratoryResultsAreDiagnosticReportsSearchedByCategoryCodeDateAndStatus() {
        var patient = patient();
        var doctor = doctor(patient);
        String ecg = study(doctor, patient, "2021-02-01", "ECG", "ЭКГ покоя");
        String xray = study(doctor, patient, "2022-03-01", "XRAY", "Рентген грудной клетки");
        String hgb = lab(doctor, patient, "2021-03-01", "HGB", "Гемоглобин", "150", "g/L", "130", "170");

        for (String id : new String[] {ecg, xray, hgb}) {
            read(patient.token(), "DiagnosticReport/" + id);
        }
        var report = FHIR.newJsonParser()
                .parseResource(
                        DiagnosticReport.class,
                        read(patient.token(), "DiagnosticReport/" + xray).body());
        assertThat(report.getConclusion()).isEqualTo("Заключение: Рентген грудной клетки");
        assertThat(report.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("RAD");
        var lab = FHIR.newJsonParser()
                .parseResource(
                        DiagnosticReport.class,
                        read(patient.token(), "DiagnosticReport/" + hgb).body());
        assertThat(lab.getResultFirstRep().getReference()).isEqualTo("Observation/" + hgb);

        String base = "DiagnosticReport?patient=" + patient.id();
        var all = search(patient.token(), base);
        assertThat(all.getTotal()).isEqualTo(3);
        assertThat(ids(search(patient.token(), base + "&category=RAD"))).containsExactly(xray);
        assertThat(ids(search(patient.token(), base + "&category=http://terminology.hl7.org/CodeSystem/v2-0074|LAB")))
                .containsExactly(hgb);
        assertThat(ids(search(patient.token(), base + "&code=https://medkarta.org/fhir/CodeSystem/study-modality|ECG")))
                .containsExactly(ecg);
        assertThat(ids(search(patient.token(), base + "&code=http://loinc.org|718-7")))
                .containsExactly(hgb);
        assertThat(ids(search(patient.token(), base + "&date=ge2022-01-01"))).containsExactly(xray);
        assertThat(ids(search(patient.token(), base + "&date=lt2021-03-01"))).containsExactly(ecg);
        assertThat(ids(search(patient.token(), base + "&_sort=date"))).containsExactly(ecg, hgb, xray);
        assertThat(search(patient.token(), base + "&status=final").getTotal()).isEqualTo(3);

        var marked = post(
                "/api/v1/patients/" + patient.id() + "/record/entries/" + ecg + "/entered-in-error",
                map("reason", "Чужая плёнка"),
                "Authorization",
                "Bearer " + doctor.token());
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        assertThat(ids(search(doctor.token(), base + "&status=entered-in-error")))
                .containsExactly(ecg);
        assertThat(ids(search(doctor.token(), base + "&status=final"))).containsExactlyInAnyOrder(xray, hgb);
        read(doctor.token(), "DiagnosticReport/" + ecg);
        // The patient account shows nothing entered in error.
        assertThat(ids(search(patient.token(), base))).containsExactlyInAnyOrder(xray, hgb);
        assertThat(fhir(patient.token(), "DiagnosticReport/" + ecg).statusCode())
                .isEqualTo(404);

        var stranger = patient();
        assertThat(fhir(stranger.token(), "DiagnosticReport/" + xray).statusCode())
                .isEqualTo(404);
        assertThat(search(stranger.token(), base).getTotal()).isZero();
        // An Observation's id is no DiagnosticReport of another kind, and the other way round.
        assertThat(fhir(patient.token(), "Observation/" + xray).statusCode()).isEqualTo(404);
    }

    @Test
    void protocolsSummariesAndUploadsAreDocumentReferencesWithADownloadOnlyForThoseWhoMayDownload() {
        var patient = patient();
        var doctor = doctor(patient);
        String protocol = file(
                doctor,
                patient,
                "EXAM_PROTOCOL",
                "date",
                "2021-04-01",
                "specialty",
                "Терапевт",
                "examination",
                "Осмотр без особенностей",
                "conclusion",
                "Здорова");
        String stay = file(
                doctor,
                patient,
                "HOSPITALISATION",
                "admitted",
                "2021-05-01",
                "discharged",
                "2021-05-10",
                "department",
                "Кардиология",
                "reason",
                "Гипертонический криз",
                "outcome",
                "Улучшение",
                "summary",
                "Выписана в удовлетворительном состоянии");
        String upload = upload(patient, Map.of("title", "Выписка из другой клиники"), "vypiska.pdf", Samples.pdf());

        for (String id : new String[] {protocol, stay, upload}) {
            read(patient.token(), "DocumentReference/" + id);
        }
        String base = "DocumentReference?patient=" + patient.id();
        var all = search(patient.token(), base);
        assertThat(all.getTotal()).isEqualTo(3);
        assertThat(ids(search(patient.token(), base + "&type=http://loinc.org|18842-5")))
                .containsExactly(stay);
        assertThat(ids(search(patient.token(), base + "&type=http://loinc.org|11488-4")))
                .containsExactly(protocol);
        assertThat(ids(search(
                        patient.token(),
                        base + "&type=https://medkarta.org/fhir/CodeSystem/document-kind|patient-upload")))
                .containsExactly(upload);
        assertThat(search(patient.token(), base + "&status=current").getTotal()).isEqualTo(3);
        assertThat(search(patient.token(), base + "&status=entered-in-error").getTotal())
                .isZero();
        String yesterday = clock.instant()
                .minus(Duration.ofDays(1))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(search(patient.token(), base + "&date=ge" + yesterday).getTotal())
                .isEqualTo(3);
        assertThat(search(patient.token(), base + "&date=lt2000-01-01").getTotal())
                .isZero();

        var summary = FHIR.newJsonParser()
                .parseResource(
                        DocumentReference.class,
                        read(patient.token(), "DocumentReference/" + stay).body());
        assertThat(new String(
                        summary.getContentFirstRep().getAttachment().getData(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .contains("Выписана в удовлетворительном состоянии");

        // The patient, a clinician in care and a VIEW_DOWNLOAD grantee get the REST API's download.
        var downloader = patient();
        grant(patient, downloader, "VIEW_DOWNLOAD");
        for (var reader : new Person[] {patient, doctor, downloader}) {
            String url = attachmentUrl(reader, upload);
            assertThat(url).endsWith("/api/v1/patients/" + patient.id() + "/documents/" + upload + "/content");
            var file = getAs(reader.token(), URI.create(url).getPath());
            assertThat(file.statusCode()).isEqualTo(200);
        }

        // A VIEW grantee sees the document but gets no URL, as the REST API refuses them the file.
        var viewer = patient();
        grant(patient, viewer, "VIEW");
        assertThat(attachmentUrl(viewer, upload)).isNull();
        var found = search(
                viewer.token(), base + "&type=https://medkarta.org/fhir/CodeSystem/document-kind|patient-upload");
        var attachment = ((DocumentReference) found.getEntryFirstRep().getResource())
                .getContentFirstRep()
                .getAttachment();
        assertThat(attachment.hasUrl()).isFalse();
        assertThat(attachment.getContentType()).isEqualTo("application/pdf");
        assertThat(getAs(viewer.token(), "/api/v1/patients/" + patient.id() + "/documents/" + upload + "/content")
                        .statusCode())
                .isEqualTo(403);

        var stranger = patient();
        var refused = fhir(stranger.token(), "DocumentReference/" + upload);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertValid(refused.body());
        assertThat(search(stranger.token(), base).getTotal()).isZero();
    }

    private String attachmentUrl(Person reader, String upload) {
        var document = FHIR.newJsonParser()
                .parseResource(
                        DocumentReference.class,
                        read(reader.token(), "DocumentReference/" + upload).body());
        var attachment = document.getContentFirstRep().getAttachment();
        return attachment.hasUrl() ? attachment.getUrl() : null;
    }
}
