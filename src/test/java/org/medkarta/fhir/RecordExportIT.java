package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.medkarta.access.AccessRefusal;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link RecordExport}: the record page's FHIR download, a whole record as one valid Bundle file, for those who may download it. */
class RecordExportIT extends FhirResultsSupport {

    @Autowired
    RecordExport export;

    @Autowired
    RecordAccess access;

    @Test
    void theRecordPageDownloadsTheWholeRecordAsOneValidBundleForThoseWhoMayDownload() {
        var chart = chart();
        String patient = chart.patient().id();
        var viewer = patient();
        var downloader = patient();
        grant(chart.patient(), viewer, "VIEW");
        grant(chart.patient(), downloader, "VIEW_DOWNLOAD");

        var page = get(
                "/record/" + patient,
                "Accept",
                "text/html",
                "Cookie",
                session(chart.patient().token()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"download-fhir\"").contains("/record/" + patient + "/fhir");
        var viewerPage = get("/record/" + patient, "Accept", "text/html", "Cookie", session(viewer.token()));
        assertThat(viewerPage.statusCode()).isEqualTo(200);
        assertThat(viewerPage.body()).doesNotContain("download-fhir");

        for (var reader : List.of(chart.patient(), downloader, chart.doctor())) {
            long seq = lastAuditSeq();
            var file = get("/record/" + patient + "/fhir", "Cookie", session(reader.token()));
            assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+json");
            assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment")
                    .contains(".json");
            assertValid(file.body());
            var bundle = bundle(file);
            assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
            assertThat(bundle.getEntryFirstRep().getResource().fhirType()).isEqualTo("Patient");
            // The same composition as $everything, as the reader may see it.
            int everything = bundle(fhir(reader.token(), "Patient/" + patient + "/$everything"))
                    .getTotal();
            assertThat(bundle.getEntry()).hasSize(everything);
            assertThat(auditSince(seq, chart.patient())).anyMatch(line -> line.endsWith("RECORD_DOWNLOAD SUCCESS"));
        }
        assertThat(get("/record/" + patient + "/fhir", "Cookie", session(viewer.token()))
                        .statusCode())
                .isEqualTo(403);
        assertThat(get(
                                "/record/" + patient + "/fhir",
                                "Cookie",
                                session(patient().token()))
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/record/" + patient + "/fhir").statusCode()).isIn(302, 401);
    }

    @Test
    void aStrangerFindsNoRecordAndAReadOnlyGranteeMayNotDownloadIt() {
        var patient = patient();
        var stranger = patient();
        var reader = patient();
        grant(patient, reader, "VIEW");

        assertThatThrownBy(() -> access.require(stranger.user(), patient.patientId(), RecordAction.DOWNLOAD))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> access.require(reader.user(), patient.patientId(), RecordAction.DOWNLOAD))
                .isInstanceOf(AccessRefusal.class);
        // A decision to read is not one to download: the export refuses it outright.
        var view = access.require(reader.user(), patient.patientId(), RecordAction.VIEW);
        assertThatThrownBy(() -> export.bundle(view)).isInstanceOf(IllegalArgumentException.class);
    }
}
