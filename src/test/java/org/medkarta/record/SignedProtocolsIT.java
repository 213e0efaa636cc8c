package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.access.RecordAction;
import org.medkarta.consultation.ProtocolSignature;
import org.medkarta.files.FilePurpose;
import org.medkarta.files.Files;
import org.medkarta.files.Samples;
import org.medkarta.shared.NotFound;
import org.medkarta.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signed consultation protocols in the record (issue 16): whoever may read the record sees the
 * signature of a signed protocol entry and downloads the PDF exactly as signed with the detached
 * signature beside it; an unsigned entry has none, and a stranger no record to ask.
 */
class SignedProtocolsIT extends RecordSupport {

    @Autowired
    SignedProtocols signedProtocols;

    @Autowired
    Files files;

    @Test
    void theSignedPdfAndItsSignatureAreServedExactlyAsKeptAndAnUnsignedEntryHasNone() {
        var patient = patient();
        var doctor = doctor(patient);
        String signed = file(doctor, patient, "EXAM_PROTOCOL", protocol("ОРВИ"));
        String unsigned = file(doctor, patient, "EXAM_PROTOCOL", protocol("Здоров"));
        byte[] pdf = Samples.pdf();
        byte[] cms;
        try (var pki = TestPki.gost256()) {
            cms = pki.sign(pki.doctor("11223344595", "Врачев Иван Сергеевич"), pdf);
        }
        var pdfFile =
                files.storeIssued(FilePurpose.SIGNED_DOCUMENT, doctor.user().userId(), "protocol.pdf", pdf);
        var sigFile = files.storeIssued(FilePurpose.SIGNATURE, doctor.user().userId(), "protocol.pdf.sig", cms);
        Instant signedAt = clock.instant();
        signedProtocols.keep(
                UUID.fromString(signed),
                patient.patientId(),
                new ProtocolSignature(
                        UUID.randomUUID(),
                        "https://medkarta.test/verify/1",
                        pdfFile.id().value(),
                        sigFile.id().value(),
                        null,
                        "Врачев Иван Сергеевич",
                        "0A1B2C",
                        signedAt.minus(Duration.ofDays(30)),
                        signedAt.plus(Duration.ofDays(365)),
                        null,
                        null,
                        signedAt));
        var view = access.require(patient.user(), patient.patientId(), RecordAction.VIEW);
        var download = access.require(patient.user(), patient.patientId(), RecordAction.DOWNLOAD);

        assertThat(signedProtocols.of(view, UUID.fromString(signed))).hasValueSatisfying(s -> {
            assertThat(s.signerName()).isEqualTo("Врачев Иван Сергеевич");
            assertThat(s.signerSerial()).isEqualTo("0A1B2C");
            assertThat(s.verifyUrl()).isEqualTo("https://medkarta.test/verify/1");
        });
        assertThat(signedProtocols.pdf(download, UUID.fromString(signed)).content())
                .isEqualTo(pdf);
        assertThat(signedProtocols.signature(download, UUID.fromString(signed)).content())
                .isEqualTo(cms);
        assertThat(signedProtocols.of(view, UUID.fromString(unsigned))).isEmpty();
        assertThatThrownBy(() -> signedProtocols.pdf(download, UUID.fromString(unsigned)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void anotherRecordsDecisionFindsNoSignedProtocolAndAStrangerOpensNoRecord() {
        var patient = patient();
        var stranger = patient();
        var doctor = doctor(patient);
        String signed = file(doctor, patient, "EXAM_PROTOCOL", protocol("ОРВИ"));
        byte[] pdf = Samples.pdf();
        var pdfFile =
                files.storeIssued(FilePurpose.SIGNED_DOCUMENT, doctor.user().userId(), "protocol.pdf", pdf);
        signedProtocols.keep(
                UUID.fromString(signed),
                patient.patientId(),
                new ProtocolSignature(
                        UUID.randomUUID(),
                        "https://medkarta.test/verify/2",
                        pdfFile.id().value(),
                        pdfFile.id().value(),
                        null,
                        "Врачев Иван Сергеевич",
                        "0A1B2D",
                        clock.instant(),
                        clock.instant().plus(Duration.ofDays(365)),
                        null,
                        null,
                        clock.instant()));

        assertThatThrownBy(() -> access.require(stranger.user(), patient.patientId(), RecordAction.VIEW))
                .isInstanceOf(NotFound.class);
        var own = access.require(stranger.user(), stranger.patientId(), RecordAction.VIEW);
        assertThat(signedProtocols.of(own, UUID.fromString(signed))).isEmpty();
        var ownDownload = access.require(stranger.user(), stranger.patientId(), RecordAction.DOWNLOAD);
        assertThatThrownBy(() -> signedProtocols.pdf(ownDownload, UUID.fromString(signed)))
                .isInstanceOf(NotFound.class);
    }

    private static Object[] protocol(String conclusion) {
        return new Object[] {
            "date", date(2024, 3, 1), "specialty", "Терапевт", "examination", "Осмотр", "conclusion", conclusion
        };
    }
}
