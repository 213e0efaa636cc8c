package org.medkarta.consultation.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.medkarta.consultation.ColleagueQuestions;
import org.medkarta.consultation.ConsultationAttachments;
import org.medkarta.consultation.ConsultationDesk;
import org.medkarta.consultation.ConsultationRequests;
import org.medkarta.consultation.ConsultationRouting;
import org.medkarta.consultation.ConsultationState;
import org.medkarta.consultation.ConsultationView;
import org.medkarta.consultation.Diagnosis;
import org.medkarta.consultation.ProtocolForm;
import org.medkarta.consultation.ProtocolView;
import org.medkarta.consultation.ProtocolWriting;
import org.medkarta.consultation.ReferralForm;
import org.medkarta.consultation.ReferralView;
import org.medkarta.consultation.RequestForm;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.TypedId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consultations over the open API (ARCHITECTURE.md, "Consultations"; SPEC D1–D3, D7, D8, D10,
 * D11). Someone else's consultation answers 404 {@code not-found}.
 */
@RestController
@Tag(name = "Consultations")
@PreAuthorize("isAuthenticated()")
class ConsultationApi {

    record Summary(
            UUID id,
            String state,
            UUID appointmentId,
            UUID patientId,
            UUID doctorId,
            Instant start,
            Instant end,
            String channel,
            String kind,
            String patientName,
            String doctorName,
            UUID referringDoctorId) {
        static Summary of(ConsultationView c) {
            return new Summary(
                    c.id(),
                    c.state().name(),
                    c.appointmentId(),
                    c.patientId().value(),
                    c.doctorId().value(),
                    c.start(),
                    c.end(),
                    c.channel().name(),
                    c.kind().name(),
                    c.patientName(),
                    c.doctorName(),
                    c.referringDoctorId() == null ? null : c.referringDoctorId().value());
        }
    }

    record Detail(
            UUID id,
            String state,
            UUID appointmentId,
            UUID patientId,
            UUID doctorId,
            UUID clinicId,
            Instant start,
            Instant end,
            String channel,
            String kind,
            String patientName,
            String doctorName,
            String serviceName,
            UUID referringDoctorId,
            String referringName,
            String question,
            String anamnesis,
            String complaints,
            Instant openedAt,
            Instant takenAt,
            Instant closedAt) {
        static Detail of(ConsultationView c) {
            return new Detail(
                    c.id(),
                    c.state().name(),
                    c.appointmentId(),
                    c.patientId().value(),
                    c.doctorId().value(),
                    c.clinicId().value(),
                    c.start(),
                    c.end(),
                    c.channel().name(),
                    c.kind().name(),
                    c.patientName(),
                    c.doctorName(),
                    c.serviceName(),
                    c.referringDoctorId() == null ? null : c.referringDoctorId().value(),
                    c.referringName(),
                    c.question(),
                    c.anamnesis(),
                    c.complaints(),
                    c.openedAt(),
                    c.takenAt(),
                    c.closedAt());
        }
    }

    record ProtocolBody(
            String anamnesis, String recommendations, String additionalRecommendations, List<String> diagnoses) {}

    record Protocol(
            UUID consultationId,
            String anamnesis,
            String recommendations,
            String additionalRecommendations,
            List<Diagnosis> diagnoses,
            Instant sentAt,
            List<ProtocolView.Addendum> addenda) {
        static Protocol of(ProtocolView p) {
            return new Protocol(
                    p.consultationId(),
                    p.anamnesis(),
                    p.recommendations(),
                    p.additionalRecommendations(),
                    p.diagnoses(),
                    p.sentAt(),
                    p.addenda());
        }
    }

    record AddendumBody(String text) {}

    record ReferralBody(
            String specialty,
            String doctorId,
            String validUntil,
            Boolean openEnded,
            String presumedDiagnosis,
            String reason) {}

    record BookingBody(String slotId, String serviceId, String note) {}

    record ColleagueBody(String patientId, String slotId, String serviceId, String caseText) {}

    /** A booking made from a consultation, with the request it opened when the service is remote. */
    record Appointment(
            UUID id,
            String status,
            UUID slotId,
            UUID patientId,
            UUID doctorId,
            Instant start,
            Instant end,
            UUID consultationId) {
        static Appointment of(AppointmentView a, UUID consultationId) {
            return new Appointment(
                    a.id(),
                    a.status().name(),
                    a.slotId(),
                    a.patientId().value(),
                    a.doctorId().value(),
                    a.start(),
                    a.end(),
                    consultationId);
        }
    }

    private final ConsultationDesk desk;
    private final ConsultationRequests requests;
    private final ConsultationAttachments attachments;
    private final ProtocolWriting protocols;
    private final ConsultationRouting routing;
    private final ColleagueQuestions colleagues;

    ConsultationApi(
            ConsultationDesk desk,
            ConsultationRequests requests,
            ConsultationAttachments attachments,
            ProtocolWriting protocols,
            ConsultationRouting routing,
            ColleagueQuestions colleagues) {
        this.desk = desk;
        this.requests = requests;
        this.attachments = attachments;
        this.protocols = protocols;
        this.routing = routing;
        this.colleagues = colleagues;
    }

    /** The doctor's desk or the patient's own consultations, in one state or all of them. */
    @GetMapping("/api/v1/consultations")
    List<Summary> desk(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String patient) {
        var filter = DeskRequests.filter(date, channel, patient);
        var states = state == null || state.isBlank()
                ? List.of(
                        ConsultationState.NEW,
                        ConsultationState.OVERDUE,
                        ConsultationState.IN_WORK,
                        ConsultationState.CLOSED)
                : List.of(DeskRequests.state(state));
        var found = new ArrayList<Summary>();
        for (var one : states) {
            desk.desk(user, one, filter).forEach(c -> found.add(Summary.of(c)));
        }
        return found;
    }

    @GetMapping("/api/v1/consultations/{id}")
    Detail consultation(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Detail.of(requests.consultation(user, uuid(id)));
    }

    /** The patient (or the referring doctor) tells about the case: main question, anamnesis, complaints. */
    @PutMapping("/api/v1/consultations/{id}/request")
    Detail describe(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody RequestForm body) {
        return Detail.of(requests.describe(user, uuid(id), body));
    }

    /** Attaches a file to the request (multipart {@code file}): 201; 422 naming {@code file}. */
    @PostMapping(path = "/api/v1/consultations/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    org.medkarta.consultation.AttachmentView attach(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file) {
        var uploads = DeskPages.uploads(file == null ? List.of() : List.of(file));
        if (uploads.isEmpty()) {
            throw new org.medkarta.shared.InvalidInput("file", "validation.required");
        }
        return attachments.attach(user, uuid(id), uploads.get(0));
    }

    /** The request's and the protocol's files. */
    @GetMapping("/api/v1/consultations/{id}/files")
    List<org.medkarta.consultation.AttachmentView> files(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return attachments.attachments(user, uuid(id));
    }

    /** Takes the consultation into work: 409 {@code too-early} before 15 minutes to the start. */
    @PostMapping("/api/v1/consultations/{id}/take")
    Detail take(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Detail.of(requests.take(user, uuid(id)));
    }

    /**
     * Sends the protocol and closes the consultation: 201; 422 {@code invalid-input} naming the
     * field ({@code diagnoses} in a primary consultation); 409 once sent.
     */
    @PostMapping("/api/v1/consultations/{id}/protocol")
    @ResponseStatus(HttpStatus.CREATED)
    Protocol sendProtocol(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody ProtocolBody body) {
        return Protocol.of(protocols.sendProtocol(
                user,
                uuid(id),
                new ProtocolForm(
                        body.anamnesis(), body.recommendations(), body.additionalRecommendations(), body.diagnoses())));
    }

    @GetMapping("/api/v1/consultations/{id}/protocol")
    Protocol protocol(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return protocols.protocol(user, uuid(id)).map(Protocol::of).orElseThrow(NotFound::new);
    }

    /** Adds to a sent protocol, which itself never changes. */
    @PostMapping("/api/v1/consultations/{id}/addenda")
    @ResponseStatus(HttpStatus.CREATED)
    Protocol addendum(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody AddendumBody body) {
        return Protocol.of(protocols.addAddendum(user, uuid(id), body.text()));
    }

    @GetMapping("/api/v1/consultations/{id}/protocol.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        byte[] pdf = protocols.protocolPdf(user, uuid(id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"protocol-" + id + ".pdf\"")
                .body(pdf);
    }

    /** Issues a referral from the consultation (SPEC D10): 201. */
    @PostMapping("/api/v1/consultations/{id}/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    ReferralView refer(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody ReferralBody body) {
        return routing.refer(
                user,
                uuid(id),
                new ReferralForm(
                        body.specialty(),
                        body.doctorId(),
                        body.validUntil(),
                        Boolean.TRUE.equals(body.openEnded()),
                        body.presumedDiagnosis(),
                        body.reason()));
    }

    @GetMapping("/api/v1/consultations/{id}/referrals")
    List<ReferralView> referrals(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return routing.referrals(user, uuid(id));
    }

    /** The signed-in patient's referrals from consultations. */
    @GetMapping("/api/v1/consultation-referrals")
    List<ReferralView> myReferrals(@AuthenticationPrincipal SignedInUser user) {
        return routing.myReferrals(user);
    }

    /** Books the patient into a slot with this or another doctor of the clinic (SPEC D10): 201. */
    @PostMapping("/api/v1/consultations/{id}/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    Appointment book(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody BookingBody body,
            HttpServletRequest request) {
        var booked = routing.book(
                user,
                uuid(id),
                optionalUuid(body.slotId(), "slotId"),
                optionalUuid(body.serviceId(), "serviceId"),
                body.note(),
                request.getRemoteAddr());
        return Appointment.of(booked, requests.requestOf(booked).orElse(null));
    }

    /** A doctor asks a consultant of another clinic about a patient (SPEC D11): 201. */
    @PostMapping("/api/v1/consultations/doctor-to-doctor")
    @ResponseStatus(HttpStatus.CREATED)
    Appointment askColleague(
            @AuthenticationPrincipal SignedInUser user, @RequestBody ColleagueBody body, HttpServletRequest request) {
        UUID patient = optionalUuid(body.patientId(), "patientId");
        var booked = colleagues.askColleague(
                user,
                patient == null ? null : new PatientId(patient),
                optionalUuid(body.slotId(), "slotId"),
                optionalUuid(body.serviceId(), "serviceId"),
                body.caseText(),
                request.getRemoteAddr());
        return Appointment.of(booked, requests.requestOf(booked).orElse(null));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException wrong) {
            throw new NotFound();
        }
    }

    private static UUID optionalUuid(String value, String field) {
        return value == null || value.isBlank() ? null : TypedId.parse(value.strip(), field);
    }
}
