package org.medkarta.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.medkarta.access.AccessRefusal;
import org.medkarta.access.Delegation;
import org.medkarta.access.GrantInvitations;
import org.medkarta.access.GrantView;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordRef;
import org.medkarta.access.Relation;
import org.medkarta.clinic.OfferAndConsent;
import org.medkarta.clinic.PatientAcceptance;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * Consents: the grants of access to a record, for whoever manages its access (the patient or their
 * legal representative, through the access module, each read audited as in the grants API) and for
 * the grantee they are addressed to (as their invitations list shows them), and the patient's own
 * acceptances of the clinics' informed voluntary consent (ИДС), which the documents API
 * shows the patient alone. Anyone else gets 404 on read and nothing from a search.
 */
@Component
class ConsentProvider implements IResourceProvider {

    private static final Set<String> DATES = Set.of(Consent.SP_DATE);

    /** Who manages a record's access: the grants API answers them alone. */
    private static final Set<Relation> MANAGERS = EnumSet.of(Relation.SELF, Relation.PARENT);

    private final Delegation delegation;
    private final GrantInvitations invitations;
    private final RecordAccess access;
    private final OfferAndConsent clinics;
    private final PublicUrl publicUrl;
    private final PatientScope scope;
    private final CareSort sorts;

    ConsentProvider(
            Delegation delegation,
            GrantInvitations invitations,
            RecordAccess access,
            OfferAndConsent clinics,
            PublicUrl publicUrl,
            PatientScope scope,
            CareSort sorts) {
        this.sorts = sorts;
        this.scope = scope;
        this.delegation = delegation;
        this.invitations = invitations;
        this.access = access;
        this.clinics = clinics;
        this.publicUrl = publicUrl;
    }

    @Override
    public Class<Consent> getResourceType() {
        return Consent.class;
    }

    /**
     * A grant addressed to or held by the caller (as their invitations show it, unaudited), a grant of
     * a record whose access the caller manages (audited by the access module), or one of the caller's
     * own acceptances; else 404. The grantee's own view is asked first, so that reading a grant one
     * holds leaves no refusal of managing it in the audit trail.
     */
    @Read
    public Consent read(@IdParam IdType id) {
        var caller = FhirCaller.required();
        UUID wanted = FhirIds.parse(id, Function.identity());
        try {
            return ConsentTranslator.toFhir(invitations.invitation(caller, wanted));
        } catch (NotFound notTheirs) {
            // Perhaps a grant of a record they manage.
        }
        try {
            return ConsentTranslator.toFhir(delegation.grant(caller, wanted));
        } catch (NotFound noGrant) {
            return clinics.consentAcceptances(caller).stream()
                    .filter(acceptance -> ConsentTranslator.id(acceptance).equals(wanted.toString()))
                    .findFirst()
                    .map(this::toFhir)
                    .orElseThrow(NotFound::new);
        }
    }

    /**
     * {@code patient} the record (without it, every record whose access the caller manages); the
     * grants of the records the caller manages, the grants addressed to or held by the caller, and the
     * caller's own acceptances of the clinics' informed consent; {@code status} (draft, proposed,
     * active, inactive); {@code date} when the consent was given, with prefixes; {@code _sort} by date.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Consent.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Consent.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = Consent.SP_DATE) DateRangeParam date,
            @Sort SortSpec sort,
            @Offset Integer offset,
            @Count Integer count) {
        var caller = FhirCaller.required();
        var dates = scope.range(date);
        var named = patient == null ? null : CareSearch.named(patient);
        if (named != null && named.isEmpty()) {
            return CareSearch.page(List.<Consent>of(), offset, count, Function.identity());
        }
        var found = new LinkedHashMap<String, Consent>();
        for (PatientId record : records(caller, named == null ? null : named.get())) {
            for (GrantView grant : grants(caller, record)) {
                found.putIfAbsent(grant.id().toString(), ConsentTranslator.toFhir(grant));
            }
            if (record.equals(caller.patientId())) {
                clinics.consentAcceptances(caller)
                        .forEach(acceptance -> found.putIfAbsent(ConsentTranslator.id(acceptance), toFhir(acceptance)));
            }
        }
        for (GrantView grant : addressed(caller)) {
            if (named == null || named.get().equals(grant.patientId())) {
                found.putIfAbsent(grant.id().toString(), ConsentTranslator.toFhir(grant));
            }
        }
        var matching = found.values().stream()
                .filter(consent -> PatientScope.matches(
                        status,
                        ConsentTranslator.STATUS_SYSTEM,
                        consent.getStatus().toCode()))
                .filter(consent -> dates.contains(consent.getDateTime().toInstant()))
                .sorted(Comparator.comparing(Consent::getDateTime).reversed())
                .toList();
        return CareSearch.page(sorts.sorted(matching, sort, DATES), offset, count, Function.identity());
    }

    /** The record the search names, or every record whose access the caller manages. */
    private List<PatientId> records(SignedInUser caller, PatientId named) {
        if (named != null) {
            return List.of(named);
        }
        return access.records(caller).stream()
                .filter(record -> MANAGERS.contains(record.relation()))
                .map(RecordRef::patientId)
                .toList();
    }

    /** The grants addressed to or held by the caller, as their invitations list shows them. */
    private List<GrantView> addressed(SignedInUser caller) {
        try {
            return invitations.invitations(caller);
        } catch (NotFound noAccount) {
            return List.of();
        }
    }

    /** The record's grants, or none when the access module says the caller does not manage it. */
    private List<GrantView> grants(SignedInUser caller, PatientId record) {
        try {
            return delegation.grants(caller, record);
        } catch (NotFound | AccessRefusal refused) {
            return List.of();
        }
    }

    private Consent toFhir(PatientAcceptance acceptance) {
        return ConsentTranslator.toFhir(
                acceptance,
                publicUrl.of("/api/v1/clinics/" + acceptance.clinic().value() + "/documents/consent/"
                        + acceptance.version()));
    }
}
