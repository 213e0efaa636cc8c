package org.medkarta.record;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.Specialty;
import org.medkarta.consultation.Diagnosis;
import org.medkarta.consultation.ProtocolSent;
import org.medkarta.identity.SignedInUser;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Files each sent consultation protocol in the patient's record as an exam protocol (SPEC D7, E1:
 * "consultation protocols arrive by event"), authored by the consulting doctor and dated in the
 * clinic's time zone. Filing is idempotent by the consultation, so a redelivered event files nothing
 * twice. A signed protocol keeps its signed PDF and signature beside the entry (issue 16).
 */
@Component
class ConsultationProtocols {

    private final RecordFiling filing;
    private final SignedProtocols signed;
    private final ClinicCatalogue clinics;

    ConsultationProtocols(RecordFiling filing, SignedProtocols signed, ClinicCatalogue clinics) {
        this.filing = filing;
        this.signed = signed;
        this.clinics = clinics;
    }

    @ApplicationModuleListener
    void on(ProtocolSent sent) {
        var doctor = clinics.doctor(sent.doctorId()).orElseThrow();
        var author = new SignedInUser(
                doctor.userId(), String.join(" ", doctor.lastName(), doctor.firstName()), null, List.of(), "EVENT");
        LocalDate date = sent.sentAt().atZone(clinics.timezone(sent.clinicId())).toLocalDate();
        String specialty =
                doctor.specialties().stream().map(Specialty::nameRu).findFirst().orElse("—");
        String recommendations = sent.additionalRecommendations() == null
                        || sent.additionalRecommendations().isBlank()
                ? sent.recommendations()
                : sent.recommendations() + "\n\n" + sent.additionalRecommendations();
        // A primary consultation records no diagnosis (SPEC D7): its conclusion is its recommendations.
        String conclusion = sent.diagnoses().isEmpty()
                ? recommendations
                : sent.diagnoses().stream().map(ConsultationProtocols::line).collect(Collectors.joining("; "));
        filing.ensureOpen(sent.patientId());
        UUID entry = filing.fileConsultationProtocol(
                sent.patientId(),
                sent.consultationId(),
                author,
                date,
                specialty,
                null,
                blankToDash(sent.anamnesis()),
                conclusion,
                recommendations);
        if (entry != null && sent.signature() != null) {
            // The record offers the PDF exactly as the doctor signed it, with the signature (issue 16).
            signed.keep(entry, sent.patientId(), sent.signature());
        }
    }

    private static String line(Diagnosis diagnosis) {
        return diagnosis.code() + " " + diagnosis.name();
    }

    private static String blankToDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
