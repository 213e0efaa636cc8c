package org.medkarta.record.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.medkarta.access.IdentityDocument;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.ClinicalEntries;
import org.medkarta.record.ContactsView;
import org.medkarta.record.EntryForm;
import org.medkarta.record.IdentityDocumentForm;
import org.medkarta.record.IdentityForm;
import org.medkarta.record.LabSeries;
import org.medkarta.record.LivingRegion;
import org.medkarta.record.PatientContacts;
import org.medkarta.record.PatientIdentifiers;
import org.medkarta.record.RecordIdentifiers;
import org.medkarta.record.RecordReading;
import org.medkarta.record.SharedIdentifier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The medical record API (ARCHITECTURE.md, «Medical record and access»; SPEC E1-E4, E6, E7). Each
 * request asks the access module's policy point once; a record the caller may not open answers 404
 * {@code not-found}.
 */
@RestController
@Tag(name = "Medical record")
@PreAuthorize("isAuthenticated()")
class RecordApi {

    private final RecordAccess access;
    private final RecordReading reading;
    private final ClinicalEntries clinical;
    private final PatientContacts contactData;
    private final PatientIdentifiers patientIds;
    private final LivingRegion regions;

    record RegionBody(String region) {}

    record RegionView(String region) {}

    RecordApi(
            RecordAccess access,
            RecordReading reading,
            ClinicalEntries clinical,
            PatientContacts contactData,
            PatientIdentifiers patientIds,
            LivingRegion regions) {
        this.regions = regions;
        this.access = access;
        this.reading = reading;
        this.clinical = clinical;
        this.contactData = contactData;
        this.patientIds = patientIds;
    }

    /**
     * The record as the caller may see it: the patient view of order 003 Appendix 1 for the patient,
     * a parent or a grantee; the whole record for a clinician. {@code type} is an entry type, {@code
     * from} and {@code to} dates (both included); a page holds {@code limit} entries (100 unless
     * said, 500 at most) and its {@code next}, sent back as {@code after}, gives the next page.
     */
    @GetMapping("/api/v1/patients/{id}/record")
    Json.Record record(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return Json.Record.of(reading.record(decision, Params.filter(type, from, to, after, limit)));
    }

    /** One entry; for clinicians with every earlier version. */
    @GetMapping("/api/v1/patients/{id}/record/entries/{entryId}")
    Json.Detail entry(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String entryId) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return Json.Detail.of(reading.entry(decision, Params.id(entryId, "entryId")));
    }

    /**
     * A clinician files an entry: {@code {type, fields: {name: value}, reason?, confirmDuplicate?}}
     * → 201 {@code {id}}; 409 {@code duplicate-entry} (with {@code existingEntryId}) when the same
     * type, code, date and value is in the record; 403 {@code clinical-entries-read-only} for a
     * patient.
     */
    @PostMapping("/api/v1/patients/{id}/record/entries")
    @ResponseStatus(HttpStatus.CREATED)
    Json.Created add(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Json.EntryBody body) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        var form = new EntryForm(
                Params.requiredType(body.type()),
                body.fields(),
                body.reason(),
                Boolean.TRUE.equals(body.confirmDuplicate()));
        return new Json.Created(clinical.add(decision, user, form));
    }

    /** A correction: a new version with its reason, {@code {fields, reason, confirmDuplicate?}}. */
    @PostMapping("/api/v1/patients/{id}/record/entries/{entryId}/corrections")
    void correct(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String entryId,
            @RequestBody Json.EntryBody body) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        clinical.correct(
                decision,
                user,
                Params.id(entryId, "entryId"),
                new EntryForm(null, body.fields(), body.reason(), Boolean.TRUE.equals(body.confirmDuplicate())));
    }

    /** Marks an entry entered in error, {@code {reason}}: a new version; nothing is erased. */
    @PostMapping("/api/v1/patients/{id}/record/entries/{entryId}/entered-in-error")
    void enteredInError(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String entryId,
            @RequestBody Json.ReasonBody body) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        clinical.enteredInError(decision, user, Params.id(entryId, "entryId"), body.reason());
    }

    /** The laboratory tests with results, for the chart (SPEC E4). */
    @GetMapping("/api/v1/patients/{id}/record/labs")
    List<LabSeries.Test> labs(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return reading.labTests(decision);
    }

    /** One test's results over time, each with its reference range. */
    @GetMapping("/api/v1/patients/{id}/record/labs/{code}")
    LabSeries lab(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String code) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return reading.labSeries(decision, code);
    }

    /** The patient's extra contacts and addresses with the history of their changes (seed 002). */
    @GetMapping("/api/v1/patients/{id}/contacts")
    ContactsView contacts(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return contactData.contacts(decision);
    }

    /** Adds a phone or e-mail: {@code {kind: PHONE|EMAIL, value}} → 201. */
    @PostMapping("/api/v1/patients/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    void addContact(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Json.ContactBody body) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        contactData.addContact(decision, user, body.kind(), body.value());
    }

    /** Removes an extra contact (kept in the history). */
    @PostMapping("/api/v1/patients/{id}/contacts/{contactId}/remove")
    void removeContact(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String contactId) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        contactData.removeContact(decision, user, Params.id(contactId, "contactId"));
    }

    /** Changes an address: {@code {which: ACTUAL|REGISTRATION, address}}. */
    @PostMapping("/api/v1/patients/{id}/addresses")
    void changeAddress(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Json.AddressBody body) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        contactData.changeAddress(decision, user, body.which(), body.address());
    }

    /** The identity section: SNILS and policies with insurer and validity, as identity keeps them (SPEC E1). */
    @GetMapping("/api/v1/patients/{id}/record/identity")
    RecordIdentifiers identifiers(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return patientIds.identifiers(decision);
    }

    /** A clinician sets sex, SNILS and the OMS policy (SPEC E1), kept in identity, each change logged here. */
    @PostMapping("/api/v1/patients/{id}/identity")
    void changeIdentity(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody Json.IdentityBody body) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        patientIds.changeIdentity(
                decision,
                user,
                new IdentityForm(
                        body.sex(),
                        body.snils(),
                        body.omsNumber(),
                        body.omsInsurer(),
                        body.omsValidTo(),
                        body.reason()));
    }

    /**
     * The patient, their parent or a full-control grantee records the identity document {@code
     * {type, series, number, issuedOn, issuer}} (SPEC E1): the document as stored.
     */
    /** The region the patient lives in {@code {region}} (SPEC B5): a region's code, or blank to forget it. */
    @PostMapping("/api/v1/patients/{id}/region")
    RegionView changeRegion(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody RegionBody body) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        regions.change(decision, user, body.region());
        return new RegionView(regions.of(decision).orElse(null));
    }

    @PostMapping("/api/v1/patients/{id}/identity-document")
    IdentityDocument changeIdentityDocument(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody IdentityDocumentForm body) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        return contactData.changeIdentityDocument(decision, user, body);
    }

    /** Records sharing a SNILS or OMS policy number, for administrators (SPEC E7). */
    @GetMapping("/api/v1/record/shared-identifiers")
    List<SharedIdentifier> sharedIdentifiers(@AuthenticationPrincipal SignedInUser user) {
        return patientIds.sharedIdentifiers(user);
    }
}
