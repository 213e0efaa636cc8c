package org.medkarta.clinic.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.medkarta.clinic.Acceptance;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DocumentKind;
import org.medkarta.clinic.DocumentVersion;
import org.medkarta.clinic.DocumentsAccepted;
import org.medkarta.clinic.OfferAndConsent;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clinic's offer and informed consent (SPEC B2): anyone reads every published version, as JSON or
 * PDF; administrators publish new versions; a patient accepts the current ones.
 */
@RestController
@RequestMapping("/api/v1/clinics/{id}")
@Tag(name = "Clinic documents")
class DocumentApi {

    record Publication(String text) {}

    record AcceptanceState(
            boolean accepted, Integer offerVersion, Integer consentVersion, List<Acceptance> acceptances) {}

    record Accepted(Integer offerVersion, Integer consentVersion, String acceptedAt) {

        static Accepted of(DocumentsAccepted accepted) {
            return new Accepted(
                    accepted.offerVersion(),
                    accepted.consentVersion(),
                    accepted.at().toString());
        }
    }

    private final OfferAndConsent directory;
    private final ClinicCatalogue catalogue;

    DocumentApi(OfferAndConsent directory, ClinicCatalogue catalogue) {
        this.directory = directory;
        this.catalogue = catalogue;
    }

    /** Every published version of {@code offer} or {@code consent}, newest first. */
    @GetMapping("/documents/{kind}")
    List<Json.Version> versions(@PathVariable String id, @PathVariable String kind) {
        return directory.versions(ClinicId.of(id), Requests.documentKind(kind)).stream()
                .map(Json.Version::of)
                .toList();
    }

    /** Publishes the next version of the document. */
    @PostMapping("/documents/{kind}")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
    Json.Version publish(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String kind,
            @RequestBody Publication body) {
        return Json.Version.of(directory.publish(user, ClinicId.of(id), Requests.documentKind(kind), body.text()));
    }

    /** One version ({@code current} for the newest), as written and as XHTML. */
    @GetMapping("/documents/{kind}/{version}")
    Json.Document document(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String kind,
            @PathVariable String version,
            Locale locale) {
        var document = find(id, kind, version);
        return Json.Document.of(document, directory.documentHtml(document, user, locale));
    }

    /** One version as a PDF. */
    @GetMapping("/documents/{kind}/{version}.pdf")
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String kind,
            @PathVariable String version,
            Locale locale) {
        var document = find(id, kind, version);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(document.kind().name().toLowerCase(Locale.ROOT) + "-v" + document.version()
                                        + ".pdf")
                                .build()
                                .toString())
                .body(directory.documentPdf(document, user, locale));
    }

    /** Whether the signed-in patient accepted the clinic's current documents, and their acceptances. */
    @GetMapping("/acceptance")
    @PreAuthorize("hasRole('PATIENT')")
    AcceptanceState acceptance(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var clinic = ClinicId.of(id);
        var current = directory.currentDocuments(clinic);
        catalogue.card(clinic);
        return new AcceptanceState(
                directory.hasAccepted(user.patientId(), clinic),
                current.offerVersion(),
                current.consentVersion(),
                directory.acceptances(user.patientId(), clinic));
    }

    /** The signed-in patient accepts the clinic's current offer and consent. */
    @PostMapping("/acceptance")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PATIENT')")
    Accepted accept(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, HttpServletRequest request) {
        return Accepted.of(directory.accept(user.patientId(), ClinicId.of(id), Requests.address(request)));
    }

    private DocumentVersion find(String id, String kind, String version) {
        var clinic = ClinicId.of(id);
        DocumentKind documentKind = Requests.documentKind(kind);
        if ("current".equals(version)) {
            return directory.current(clinic, documentKind).orElseThrow(NotFound::new);
        }
        try {
            return directory.version(clinic, documentKind, Integer.parseInt(version));
        } catch (NumberFormatException e) {
            throw new InvalidInput("version", "clinic.validation.version");
        }
    }
}
