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
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.medkarta.access.AccessDecision;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.Specialty;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.scheduling.ReferralView;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * Referrals as ServiceRequests, part of the record: whoever the access module lets view the record
 * (the patient, a parent, a grantee, a clinician in a care relationship) reads and searches them,
 * each request one audit entry per record; anyone else gets 404 on read and nothing from a search.
 */
@Component
class ServiceRequestProvider implements IResourceProvider {

    private static final Set<String> DATES = Set.of(ServiceRequest.SP_AUTHORED);

    private final PatientScope scope;
    private final PatientReferrals patientReferrals;
    private final ClinicCatalogue clinics;
    private final Clock clock;
    private final CareSort sorts;

    ServiceRequestProvider(
            PatientScope scope,
            PatientReferrals patientReferrals,
            ClinicCatalogue clinics,
            Clock clock,
            CareSort sorts) {
        this.sorts = sorts;
        this.scope = scope;
        this.patientReferrals = patientReferrals;
        this.clinics = clinics;
        this.clock = clock;
    }

    @Override
    public Class<ServiceRequest> getResourceType() {
        return ServiceRequest.class;
    }

    @Read
    public ServiceRequest read(@IdParam IdType id) {
        var referral = patientReferrals
                .referral(FhirIds.parse(id, Function.identity()))
                .orElseThrow(NotFound::new);
        scope.read(referral.patientId());
        return toFhir(referral, specialties());
    }

    /**
     * {@code patient}/{@code subject} the record (without it, every record the caller may switch to);
     * {@code status} (active, completed, revoked); {@code authored} the day it was issued, with
     * prefixes; {@code performer-type} the specialty as {@code system|code}; {@code _sort} by authored.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = ServiceRequest.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = ServiceRequest.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = ServiceRequest.SP_AUTHORED) DateRangeParam authored,
            @OptionalParam(name = ServiceRequest.SP_PERFORMER_TYPE) TokenOrListParam performerType,
            @Sort SortSpec sort,
            @Offset Integer offset,
            @Count Integer count) {
        var dates = scope.range(authored);
        var now = clock.instant();
        var found = scope.search(patient, subject).stream()
                .flatMap(decision -> patientReferrals.referrals(decision.patient()).stream())
                .filter(referral -> PatientScope.matches(
                        status, ServiceRequestTranslator.STATUS_SYSTEM, ServiceRequestTranslator.status(referral, now)))
                .filter(referral -> dates.contains(referral.issuedAt()))
                .filter(referral -> PatientScope.matches(performerType, Systems.SPECIALTY, referral.specialty()))
                .sorted(Comparator.comparing(ReferralView::issuedAt).reversed())
                .toList();
        var names = specialties();
        return CareSearch.page(sorts.sorted(found, sort, DATES), offset, count, referral -> toFhir(referral, names));
    }

    /** Every referral of the record {@code decision} opened, newest first: for {@link PatientEverything}. */
    List<ServiceRequest> everything(AccessDecision decision) {
        var names = specialties();
        return patientReferrals.referrals(decision.patient()).stream()
                .sorted(Comparator.comparing(ReferralView::issuedAt).reversed())
                .map(referral -> toFhir(referral, names))
                .toList();
    }

    private Map<String, Specialty> specialties() {
        return clinics.specialties().stream().collect(Collectors.toMap(Specialty::code, Function.identity()));
    }

    private ServiceRequest toFhir(ReferralView referral, Map<String, Specialty> names) {
        return ServiceRequestTranslator.toFhir(referral, names.get(referral.specialty()), clock.instant());
    }
}
