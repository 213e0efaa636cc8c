package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.Identifiers;
import org.medkarta.testing.Phones;

/**
 * The access matrix of issue 7: every role × every endpoint about one record × every kind of owner,
 * over real HTTP. A role the rules of {@link RecordAccess} do not admit gets 404 (or, where the API's
 * sign-in check answers first, 401) and never the record's data; every request that reaches the
 * policy point leaves exactly one decision in the audit trail.
 *
 * <p>The expectations are written out here, from seed 001 and issue 7, not computed by the code
 * under test. Endpoints of modules built later (FHIR) join the {@link #endpoints} list. The record's
 * pages are opened (GET) with a browser session; their forms post to the same facade calls as the
 * API endpoints listed here.
 *
 * <p>The identifiers staff use outside the record (the patient's card, policies and the registry
 * search, issue 12) follow their clinic's care rather than the record's policy point: {@link
 * #staffGetExactlyWhatTheirClinicsCareGivesOnTheIdentifiersPoliciesAndSearch} runs them for doctors,
 * administrators and registrars of the caring clinic and of a second clinic. {@link
 * EndpointInventoryIT} checks that every endpoint of the app is in one of these matrices or
 * classified in {@link EndpointClassification}.
 */
class AccessMatrixIT extends AccessSupport {

    enum Who {
        ANONYMOUS,
        SELF,
        OTHER_PATIENT,
        VIEW_GRANTEE,
        VIEW_DOWNLOAD_GRANTEE,
        FULL_GRANTEE,
        REVOKED_GRANTEE,
        PARENT_OF_CHILD_UNDER_15,
        PARENT_OF_15_YEAR_OLD,
        DOCTOR_IN_CARE,
        DOCTOR_WITHOUT_CARE,
        ADMIN_OF_ANOTHER_CLINIC,
        /** Registry staff of the clinic that cares for the owner: identifiers, never the record (issue 12). */
        REGISTRAR_OF_CARING_CLINIC,
        /**
         * A paramedic (фельдшер) of another clinic's rural post who asked no doctor about the owner
         * (issue 23): nothing; the record opens to a paramedic only through their question
         * (ParamedicConsultationIT).
         */
        PARAMEDIC_OF_ANOTHER_CLINIC,
        /** A paramedic of the clinic caring for the owner who asked nobody about them: nothing either. */
        PARAMEDIC_OF_CARING_CLINIC
    }

    enum Owner {
        ADULT,
        CHILD_UNDER_15,
        CHILD_OF_15
    }

    /** What a role may do with an owner's record, as issue 7 and seed 001 say. */
    static Set<RecordAction> expected(Who who, Owner owner) {
        var all = Set.of(
                RecordAction.VIEW,
                RecordAction.DOWNLOAD,
                RecordAction.CONTRIBUTE,
                RecordAction.ACT_FOR,
                RecordAction.MANAGE_ACCESS);
        return switch (who) {
            case SELF -> owner == Owner.CHILD_UNDER_15 ? Set.of() : all;
            case VIEW_GRANTEE -> owner == Owner.ADULT ? Set.of(RecordAction.VIEW) : Set.of();
            case VIEW_DOWNLOAD_GRANTEE ->
                owner == Owner.ADULT ? Set.of(RecordAction.VIEW, RecordAction.DOWNLOAD) : Set.of();
            case FULL_GRANTEE ->
                owner == Owner.ADULT
                        ? Set.of(
                                RecordAction.VIEW, RecordAction.DOWNLOAD, RecordAction.CONTRIBUTE, RecordAction.ACT_FOR)
                        : Set.of();
            case PARENT_OF_CHILD_UNDER_15 -> owner == Owner.CHILD_UNDER_15 ? all : Set.of();
            case DOCTOR_IN_CARE -> Set.of(RecordAction.VIEW, RecordAction.DOWNLOAD, RecordAction.WRITE);
            default -> Set.of();
        };
    }

    /**
     * One endpoint about one record: what it needs, how to call it, what success looks like. A page
     * is called with the actor's browser session; an endpoint that consumes what it acts on (a
     * correction, a verification, a removal) gets a fresh {@code fixture} made for each call, before
     * the audit trail is counted, so that the order of roles does not matter.
     */
    record Endpoint(String name, RecordAction action, int success, boolean page, Fixture fixture, Call call) {
        Endpoint(String name, RecordAction action, int success, Call call) {
            this(name, action, success, false, null, call);
        }
    }

    interface Call {
        HttpResponse<String> send(Actor actor, PatientId owner, String fixture);
    }

    /** A call of an identifier endpoint with a token (or, for a page, a session cookie); null for nobody. */
    interface IdentityCall {
        HttpResponse<String> send(String credential, String fixture);
    }

    interface Fixture {
        String make(PatientId owner);
    }

    /** {@code session} is the cookie of the actor's browser session, for pages. */
    record Actor(Who who, String token, SignedInUser user, String session) {}

    /**
     * What each owner's record holds for the endpoints that act on something in it: who adds to it
     * as the patient (the owner, or the parent of a child under 15), the caring doctor, a laboratory
     * result the doctor filed (an entry with a code), a document, a pending grant; {@code secrets}
     * (the owner's last and first name first, then titles) and {@code ids} (every id made) must
     * never show in a refused answer.
     */
    record Fixtures(
            String contributor,
            String doctor,
            String entry,
            String document,
            String grant,
            List<String> secrets,
            Set<String> ids) {}

    private static final String LAB_CODE = "MTX";

    @org.springframework.beans.factory.annotation.Autowired
    org.medkarta.identity.AccountCallPhone callPhones;

    private final List<UUID> freeSlots = new ArrayList<>();
    private final Map<PatientId, Fixtures> fixtures = new java.util.HashMap<>();
    /** An extract of each owner's record, ordered by whoever adds to it as the patient. */
    private final Map<PatientId, String> extracts = new java.util.HashMap<>();

    private final Map<String, String> standing = new java.util.HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger serial = new java.util.concurrent.atomic.AtomicInteger();
    private String slotDoctor;

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(
                        "GET grants",
                        RecordAction.MANAGE_ACCESS,
                        200,
                        (actor, owner, fixture) ->
                                getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/grants")),
                new Endpoint(
                        "POST grants",
                        RecordAction.MANAGE_ACCESS,
                        201,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/grants",
                                map("granteePhone", Phones.unique(), "level", "VIEW"))),
                new Endpoint(
                        "GET access-log",
                        RecordAction.MANAGE_ACCESS,
                        200,
                        (actor, owner, fixture) ->
                                getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/access-log")),
                new Endpoint(
                        "POST appointments for the owner",
                        RecordAction.ACT_FOR,
                        201,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/appointments",
                                map(
                                        "slotId",
                                        freeSlots.get(0).toString(),
                                        "patientId",
                                        owner.value().toString(),
                                        "acceptClinicDocuments",
                                        true))),
                new Endpoint(
                        "GET appointments of the owner",
                        RecordAction.ACT_FOR,
                        200,
                        (actor, owner, fixture) ->
                                getWith(actor.token(), "/api/v1/appointments?patientId=" + owner.value())),
                // The record module's endpoints (branch record, merged).
                new Endpoint(
                        "GET record",
                        RecordAction.VIEW,
                        200,
                        (actor, owner, fixture) ->
                                getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/record")),
                new Endpoint(
                        "GET record labs",
                        RecordAction.VIEW,
                        200,
                        (actor, owner, fixture) ->
                                getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/record/labs")),
                new Endpoint(
                        "GET contacts",
                        RecordAction.VIEW,
                        200,
                        (actor, owner, fixture) ->
                                getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/contacts")),
                new Endpoint(
                        "POST contacts",
                        RecordAction.CONTRIBUTE,
                        201,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/contacts",
                                map("kind", "PHONE", "value", Phones.unique()))),
                new Endpoint(
                        "POST addresses",
                        RecordAction.CONTRIBUTE,
                        200,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/addresses",
                                map("which", "ACTUAL", "address", "Москва, ул. Матричная, д. 1"))),
                new Endpoint(
                        "POST region",
                        RecordAction.CONTRIBUTE,
                        200,
                        (actor, owner, fixture) -> postAs(
                                actor.token(), "/api/v1/patients/" + owner.value() + "/region", map("region", "77"))),
                new Endpoint(
                        "POST identity-document",
                        RecordAction.CONTRIBUTE,
                        200,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/identity-document",
                                map(
                                        "type",
                                        "RF_PASSPORT",
                                        "series",
                                        "45 06",
                                        "number",
                                        "123456",
                                        "issuedOn",
                                        "2020-05-01",
                                        "issuer",
                                        "ГУ МВД России по г. Москве"))),
                new Endpoint(
                        "GET record identity",
                        RecordAction.VIEW,
                        200,
                        (actor, owner, fixture) ->
                                getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/record/identity")),
                new Endpoint(
                        "POST identity",
                        RecordAction.WRITE,
                        200,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/identity",
                                map("sex", "MALE", "reason", "По документу"))),
                new Endpoint(
                        "GET documents",
                        RecordAction.VIEW,
                        200,
                        (actor, owner, fixture) ->
                                getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/documents")),
                new Endpoint(
                        "GET document content",
                        RecordAction.DOWNLOAD,
                        200,
                        (actor, owner, fixture) -> getWith(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/documents/"
                                        + fixtures.get(owner).document() + "/content")),
                // Extracts of the record (SPEC E10, issue 17): ordered and read as downloads.
                new Endpoint(
                        "POST extracts",
                        RecordAction.DOWNLOAD,
                        202,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/extracts",
                                map("sections", List.of("LAB_RESULT")))),
                new Endpoint(
                        "GET extracts",
                        RecordAction.VIEW,
                        200,
                        (actor, owner, fixture) ->
                                getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/extracts")),
                new Endpoint(
                        "GET extract",
                        RecordAction.DOWNLOAD,
                        200,
                        (actor, owner, fixture) -> getWith(actor.token(), "/api/v1/extracts/" + extracts.get(owner))),
                new Endpoint(
                        "GET diary",
                        RecordAction.VIEW,
                        200,
                        (actor, owner, fixture) ->
                                getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/diary")),
                new Endpoint(
                        "POST diary",
                        RecordAction.CONTRIBUTE,
                        201,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/diary",
                                map("measure", "PULSE", "value", "70"))),
                new Endpoint(
                        "GET questionnaire responses",
                        RecordAction.VIEW,
                        200,
                        (actor, owner, fixture) -> getWith(
                                actor.token(), "/api/v1/patients/" + owner.value() + "/questionnaire-responses")),
                new Endpoint(
                        "GET diary thresholds",
                        RecordAction.VIEW,
                        200,
                        (actor, owner, fixture) ->
                                getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/diary/thresholds")),
                new Endpoint(
                        "POST diary thresholds",
                        RecordAction.WRITE,
                        200,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/diary/thresholds",
                                map("measure", "PULSE", "low", "50", "high", "120"))),
                new Endpoint(
                        "POST record entry",
                        RecordAction.WRITE,
                        201,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/record/entries",
                                map(
                                        "type",
                                        "DIAGNOSIS",
                                        "fields",
                                        map(
                                                "icd10",
                                                "I10",
                                                "name",
                                                "Гипертензия",
                                                "onset",
                                                "2020-01-01",
                                                "clinicalStatus",
                                                "ACTIVE")))),
                // Endpoints about something already in the record.
                new Endpoint(
                        "GET record entry",
                        RecordAction.VIEW,
                        200,
                        (actor, owner, fixture) -> getWith(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/record/entries/"
                                        + fixtures.get(owner).entry())),
                new Endpoint(
                        "GET record lab series",
                        RecordAction.VIEW,
                        200,
                        (actor, owner, fixture) -> getWith(
                                actor.token(), "/api/v1/patients/" + owner.value() + "/record/labs/" + LAB_CODE)),
                new Endpoint(
                        "POST entry correction",
                        RecordAction.WRITE,
                        200,
                        false,
                        this::freshEntry,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/record/entries/" + fixture + "/corrections",
                                map("fields", labFields(serial.incrementAndGet()), "reason", "Уточнение"))),
                new Endpoint(
                        "POST entry entered-in-error",
                        RecordAction.WRITE,
                        200,
                        false,
                        this::freshEntry,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/record/entries/" + fixture
                                        + "/entered-in-error",
                                map("reason", "Анализ другого пациента"))),
                new Endpoint(
                        "POST documents (upload)",
                        RecordAction.CONTRIBUTE,
                        201,
                        (actor, owner, fixture) -> multipart(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/documents",
                                Map.of("kind", "DOCUMENT", "title", "Матричная выписка"),
                                "scan.png",
                                org.medkarta.files.Samples.png())),
                new Endpoint(
                        "POST document verify",
                        RecordAction.WRITE,
                        200,
                        false,
                        this::freshVaccination,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/documents/" + fixture + "/verify",
                                map())),
                new Endpoint(
                        "POST document reject",
                        RecordAction.WRITE,
                        200,
                        false,
                        this::freshVaccination,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/documents/" + fixture + "/reject",
                                map("reason", "Справка нечитаема"))),
                new Endpoint(
                        "POST contact remove",
                        RecordAction.CONTRIBUTE,
                        200,
                        false,
                        this::freshContact,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/contacts/" + fixture + "/remove",
                                map())),
                new Endpoint(
                        "GET grant",
                        RecordAction.MANAGE_ACCESS,
                        200,
                        (actor, owner, fixture) -> getWith(
                                actor.token(),
                                "/api/v1/grants/" + fixtures.get(owner).grant())),
                new Endpoint(
                        "POST grant revoke (asks for the code)",
                        RecordAction.MANAGE_ACCESS,
                        202,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/grants/" + fixtures.get(owner).grant() + "/revoke",
                                map())),
                // The record's pages, with a browser session.
                page("record", RecordAction.VIEW, owner -> ""),
                page("contacts", RecordAction.VIEW, owner -> "/contacts"),
                page("diary", RecordAction.VIEW, owner -> "/diary"),
                page("identity", RecordAction.WRITE, owner -> "/identity"),
                page("labs", RecordAction.VIEW, owner -> "/labs"),
                page("uploads", RecordAction.VIEW, owner -> "/uploads"),
                page("extract order", RecordAction.DOWNLOAD, owner -> "/extracts/new"),
                page("extract", RecordAction.DOWNLOAD, owner -> "/extracts/" + extracts.get(owner)),
                page(
                        "entry",
                        RecordAction.VIEW,
                        owner -> "/entries/" + fixtures.get(owner).entry()),
                page("new entry", RecordAction.WRITE, owner -> "/entries/new"),
                page(
                        "entry correction",
                        RecordAction.WRITE,
                        owner -> "/entries/" + fixtures.get(owner).entry() + "/correct"),
                page(
                        "upload file",
                        RecordAction.DOWNLOAD,
                        owner -> "/uploads/" + fixtures.get(owner).document() + "/file"),
                // Who opened the record (SPEC G3): the patient's page, for whoever manages access.
                page("access log", RecordAction.MANAGE_ACCESS, owner -> "/access-log"),
                // Last: an emergency opening lets the doctor read the record afterwards.
                new Endpoint(
                        "POST emergency-access",
                        null,
                        201,
                        (actor, owner, fixture) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/emergency-access",
                                map("reason", "Без сознания, нужны сведения об аллергиях"))));
    }

    @Test
    void everyRoleGetsExactlyWhatTheRulesGiveOnEveryEndpointWithOneAuditEntryPerRequest() {
        var world = world();
        var failures = new ArrayList<String>();
        int requests = 0;
        for (var owner : Owner.values()) {
            PatientId record = world.owners().get(owner);
            for (var who : Who.values()) {
                var actor = world.actors().get(owner).get(who);
                if (actor == null) {
                    continue;
                }
                for (var endpoint : endpoints()) {
                    boolean allowed = endpoint.action() == null
                            ? who == Who.DOCTOR_IN_CARE || who == Who.DOCTOR_WITHOUT_CARE
                            : expected(who, owner).contains(endpoint.action());
                    // A call that may succeed consumes a fresh fixture; refused ones share a standing one.
                    String fixture = endpoint.fixture() == null
                            ? null
                            : allowed
                                    ? endpoint.fixture().make(record)
                                    : standing.computeIfAbsent(
                                            owner + endpoint.name(),
                                            key -> endpoint.fixture().make(record));
                    long before = lastAuditSeq();
                    var response = endpoint.call().send(actor, record, fixture);
                    requests++;
                    String where = owner + " / " + who + " / " + endpoint.name() + ": ";
                    // Someone who may read the record is told "not allowed" (403) by the policy point
                    // itself; anyone else never learns the record exists (404).
                    boolean knowsIt = endpoint.action() != null
                            && endpoint.action() != RecordAction.ACT_FOR
                            && expected(who, owner).contains(RecordAction.VIEW);
                    check(where, endpoint, allowed, knowsIt, who == Who.ANONYMOUS, response, record, failures);
                    if (!allowed) {
                        leaks(where, response, fixtures.get(record), knowsIt, failures);
                    }
                    // Anonymous attempts are refused (401) before the policy point; they are audited
                    // all the same, with the patient when the path or a parameter names them.
                    var decisions = who == Who.ANONYMOUS
                            ? anonymousAttemptsSince(before, record)
                            : decisionsSince(before, record);
                    if (who == Who.ANONYMOUS && !endpoint.page() && response.statusCode() != 401) {
                        failures.add(where + "expected 401 but got " + response.statusCode());
                    }
                    if (who == Who.ANONYMOUS
                            && endpoint.page()
                            && !(response.statusCode() == 302
                                    && response.headers()
                                            .firstValue("Location")
                                            .orElse("")
                                            .contains("/sign-in?continue="))) {
                        failures.add(where + "expected the sign-in redirect but got " + response.statusCode() + " "
                                + response.headers().map());
                    }
                    if (decisions.size() != 1) {
                        failures.add(where + "audit entries " + decisions);
                    }
                    if (allowed && endpoint.success() == 201 && endpoint.name().startsWith("POST appointments")) {
                        freeSlots.remove(0);
                    }
                }
                checkMe(owner, who, actor, record, failures);
            }
        }
        assertThat(failures)
                .as("leaks and wrong answers in %d requests", requests)
                .isEmpty();
        // 38 callers (13 roles, less the child under 15 themself) × every endpoint.
        assertThat(requests).isGreaterThanOrEqualTo(38 * 40);
    }

    // ---------------------------------------------------------------- identifiers outside the record (issue 12)

    /** Who asks about one patient's identifiers: the patient, strangers, and staff of two clinics. */
    enum Staff {
        ANONYMOUS,
        SELF,
        OTHER_PATIENT,
        DOCTOR_OF_CARING_CLINIC,
        ADMIN_OF_CARING_CLINIC,
        REGISTRAR_OF_CARING_CLINIC,
        DOCTOR_OF_SECOND_CLINIC,
        ADMIN_OF_SECOND_CLINIC,
        REGISTRAR_OF_SECOND_CLINIC
    }

    /** What an endpoint does with the identifiers. */
    enum Use {
        READ,
        CHANGE,
        /** SNILS: the registry's alone; a doctor in care is told so (403 registry-only). */
        CORRECT,
        SEARCH
    }

    /**
     * Issue 12 and SPEC F4, C6, written out: staff of the clinic caring for the patient read the
     * identifiers, its registry (registrars, administrators) changes them, the patient keeps their own;
     * every clinic's staff search, and see in full only patients in their clinic's care.
     */
    static boolean allowed(Staff who, Use use) {
        return switch (who) {
            case SELF -> use == Use.READ || use == Use.CHANGE;
            case DOCTOR_OF_CARING_CLINIC -> use == Use.READ || use == Use.SEARCH;
            case ADMIN_OF_CARING_CLINIC, REGISTRAR_OF_CARING_CLINIC -> true;
            case DOCTOR_OF_SECOND_CLINIC, ADMIN_OF_SECOND_CLINIC, REGISTRAR_OF_SECOND_CLINIC -> use == Use.SEARCH;
            default -> false;
        };
    }

    /** Whether a search shows the patient in full: only to staff of the caring clinic. */
    static boolean seesInFull(Staff who) {
        return who == Staff.DOCTOR_OF_CARING_CLINIC
                || who == Staff.ADMIN_OF_CARING_CLINIC
                || who == Staff.REGISTRAR_OF_CARING_CLINIC;
    }

    /** One identifier endpoint: its {@code METHOD template} as the app maps it, what it does, how to call it. */
    record IdentityEndpoint(String endpoint, Use use, int success, boolean page, Fixture fixture, IdentityCall call) {}

    /** The identity and registry endpoints the identifier matrix calls, as {@link EndpointInventoryIT} lists them. */
    static final List<String> IDENTITY_ENDPOINTS = List.of(
            "GET /api/v1/patient-records/{patientId}",
            "GET /api/v1/patients/{patientId}/policies",
            "POST /api/v1/patients/{patientId}/policies",
            "DELETE /api/v1/policies/{id}",
            "GET /api/v1/patient-records",
            "PUT /api/v1/patient-records/{patientId}/snils",
            "GET /api/v1/booking/patients",
            "GET /schedule/patients/{patientId}",
            "GET /schedule/patients");

    /** The record endpoints the record matrix above calls, by the templates the app maps. */
    static final List<String> RECORD_ENDPOINTS = List.of(
            "GET /api/v1/extracts/{extractId}",
            "GET /api/v1/patients/{id}/extracts",
            "POST /api/v1/patients/{id}/extracts",
            "GET /api/v1/patients/{patientId}/grants",
            "POST /api/v1/patients/{patientId}/grants",
            "GET /api/v1/patients/{patientId}/access-log",
            "POST /api/v1/appointments",
            "GET /api/v1/appointments",
            "GET /api/v1/patients/{id}/record",
            "GET /api/v1/patients/{id}/record/labs",
            "GET /api/v1/patients/{id}/contacts",
            "POST /api/v1/patients/{id}/contacts",
            "POST /api/v1/patients/{id}/addresses",
            "POST /api/v1/patients/{id}/identity-document",
            "POST /api/v1/patients/{id}/region",
            "GET /api/v1/patients/{id}/record/identity",
            "POST /api/v1/patients/{id}/identity",
            "GET /api/v1/patients/{id}/documents",
            "GET /api/v1/patients/{id}/documents/{uploadId}/content",
            "GET /api/v1/patients/{id}/diary",
            "POST /api/v1/patients/{id}/diary",
            "GET /api/v1/patients/{id}/diary/thresholds",
            "POST /api/v1/patients/{id}/diary/thresholds",
            "GET /api/v1/patients/{id}/questionnaire-responses",
            "POST /api/v1/patients/{id}/record/entries",
            "GET /api/v1/patients/{id}/record/entries/{entryId}",
            "GET /api/v1/patients/{id}/record/labs/{code}",
            "POST /api/v1/patients/{id}/record/entries/{entryId}/corrections",
            "POST /api/v1/patients/{id}/record/entries/{entryId}/entered-in-error",
            "POST /api/v1/patients/{id}/documents",
            "POST /api/v1/patients/{id}/documents/{uploadId}/verify",
            "POST /api/v1/patients/{id}/documents/{uploadId}/reject",
            "POST /api/v1/patients/{id}/contacts/{contactId}/remove",
            "GET /api/v1/grants/{id}",
            "POST /api/v1/grants/{id}/revoke",
            "GET /record/{id}",
            "GET /record/{id}/contacts",
            "GET /record/{id}/diary",
            "GET /record/{id}/identity",
            "GET /record/{id}/labs",
            "GET /record/{id}/uploads",
            "GET /record/{id}/entries/{entryId}",
            "GET /record/{id}/entries/new",
            "GET /record/{id}/extracts/new",
            "GET /record/{id}/extracts/{extractId}",
            "GET /record/{id}/entries/{entryId}/correct",
            "GET /record/{id}/uploads/{uploadId}/file",
            "GET /record/{patientId}/access-log",
            "POST /api/v1/patients/{patientId}/emergency-access");

    @Test
    void staffGetExactlyWhatTheirClinicsCareGivesOnTheIdentifiersPoliciesAndSearch() {
        var patient = patient("Реестров", "Кирилл");
        String standingPolicy = Identifiers.oms();
        var own = postAs(
                patient.token(),
                "/api/v1/patients/" + patient.id() + "/policies",
                map("kind", "OMS", "number", standingPolicy, "insurer", "Реестр-Мед"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        var secrets = List.of("Реестров", "Кирилл", "1980-01-02", patient.phone(), standingPolicy, "Реестр-Мед");

        var caring = clinic();
        var doctor = doctor(caring);
        // A referral to the clinic's doctor puts the patient in the clinic's care (SPEC F4).
        patientReferrals.issueReferral(
                patient.patient(),
                "therapist",
                doctor.view().id(),
                Instant.now().plus(Duration.ofDays(30)),
                null);
        var second = clinic();
        var tokens = new EnumMap<Staff, String>(Staff.class);
        tokens.put(Staff.SELF, patient.token());
        tokens.put(Staff.OTHER_PATIENT, patient().token());
        tokens.put(Staff.DOCTOR_OF_CARING_CLINIC, doctor.token());
        tokens.put(Staff.ADMIN_OF_CARING_CLINIC, administrator(caring));
        tokens.put(Staff.REGISTRAR_OF_CARING_CLINIC, registrar(caring).token());
        tokens.put(Staff.DOCTOR_OF_SECOND_CLINIC, doctor(second).token());
        tokens.put(Staff.ADMIN_OF_SECOND_CLINIC, administrator(second));
        tokens.put(Staff.REGISTRAR_OF_SECOND_CLINIC, registrar(second).token());
        var sessions = new EnumMap<Staff, String>(Staff.class);
        tokens.forEach((who, token) -> sessions.put(who, session(token)));

        String query = patient.phone().replace("+", "%2B");
        String id = patient.id();
        Fixture freshPolicy = owner -> {
            var added = postAs(
                    patient.token(),
                    "/api/v1/patients/" + id + "/policies",
                    map(
                            "kind",
                            "DMS",
                            "number",
                            "ДМС-" + serial.incrementAndGet() + "/"
                                    + Phones.unique().substring(6)));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            return body(added).get("id").asString();
        };
        var endpoints = List.of(
                new IdentityEndpoint(
                        IDENTITY_ENDPOINTS.get(0),
                        Use.READ,
                        200,
                        false,
                        null,
                        (token, fixture) -> getWith(token, "/api/v1/patient-records/" + id)),
                new IdentityEndpoint(
                        IDENTITY_ENDPOINTS.get(1),
                        Use.READ,
                        200,
                        false,
                        null,
                        (token, fixture) -> getWith(token, "/api/v1/patients/" + id + "/policies")),
                new IdentityEndpoint(
                        IDENTITY_ENDPOINTS.get(2),
                        Use.CHANGE,
                        201,
                        false,
                        null,
                        (token, fixture) -> postAs(
                                token,
                                "/api/v1/patients/" + id + "/policies",
                                map(
                                        "kind",
                                        "DMS",
                                        "number",
                                        "ДМС-" + serial.incrementAndGet() + "/"
                                                + Phones.unique().substring(6)))),
                new IdentityEndpoint(
                        IDENTITY_ENDPOINTS.get(3),
                        Use.CHANGE,
                        204,
                        false,
                        freshPolicy,
                        (token, fixture) -> send(withToken(request("/api/v1/policies/" + fixture), token)
                                .DELETE()
                                .build())),
                new IdentityEndpoint(
                        IDENTITY_ENDPOINTS.get(4),
                        Use.SEARCH,
                        200,
                        false,
                        null,
                        (token, fixture) -> getWith(token, "/api/v1/patient-records?query=" + query)),
                new IdentityEndpoint(
                        IDENTITY_ENDPOINTS.get(5),
                        Use.CORRECT,
                        200,
                        false,
                        null,
                        (token, fixture) -> send(withToken(request("/api/v1/patient-records/" + id + "/snils"), token)
                                .header("Content-Type", "application/json")
                                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"snils\":\"" + Identifiers.snils() + "\"}"))
                                .build())),
                new IdentityEndpoint(
                        IDENTITY_ENDPOINTS.get(6),
                        Use.SEARCH,
                        200,
                        false,
                        null,
                        (token, fixture) -> getWith(token, "/api/v1/booking/patients?query=" + query)),
                new IdentityEndpoint(
                        IDENTITY_ENDPOINTS.get(7),
                        Use.READ,
                        200,
                        true,
                        null,
                        (session, fixture) -> page(session, "/schedule/patients/" + id)),
                new IdentityEndpoint(
                        IDENTITY_ENDPOINTS.get(8),
                        Use.SEARCH,
                        200,
                        true,
                        null,
                        (session, fixture) -> page(session, "/schedule/patients?query=" + query)));

        var failures = new ArrayList<String>();
        String standing = null;
        int requests = 0;
        for (var who : Staff.values()) {
            for (var endpoint : endpoints) {
                // The registry's pages are staff pages: a patient keeps their own policies through the API.
                boolean may = allowed(who, endpoint.use()) && !(endpoint.page() && who == Staff.SELF);
                String fixture = null;
                if (endpoint.fixture() != null) {
                    if (may) {
                        fixture = endpoint.fixture().make(patient.patient());
                    } else {
                        standing = standing == null ? endpoint.fixture().make(patient.patient()) : standing;
                        fixture = standing;
                    }
                }
                String credential = endpoint.page() ? sessions.get(who) : tokens.get(who);
                long before = lastAuditSeq();
                var response = endpoint.call().send(credential, fixture);
                requests++;
                String where = who + " / " + endpoint.endpoint() + ": ";
                int status = response.statusCode();
                String body = response.body();
                if (who == Staff.ANONYMOUS) {
                    boolean toSignIn = status == 302
                            && response.headers()
                                    .firstValue("Location")
                                    .orElse("")
                                    .contains("/sign-in");
                    if (endpoint.page() ? !toSignIn : status != 401) {
                        failures.add(where + "expected the sign-in refusal but got " + status);
                    }
                } else if (may) {
                    if (status != endpoint.success()) {
                        failures.add(where + "expected " + endpoint.success() + " but got " + status + " " + body);
                    } else if (endpoint.use() == Use.SEARCH && !body.contains(id)) {
                        failures.add(where + "the patient is not found: " + body);
                    } else if (endpoint.use() == Use.SEARCH && seesInFull(who) != body.contains("Реестров")) {
                        failures.add(where + "expected " + (seesInFull(who) ? "the whole card" : "initials only") + ": "
                                + body);
                    } else if (endpoint.use() == Use.SEARCH && !seesInFull(who)) {
                        // Initials and the birth year: what booking needs, nothing else.
                        if (!body.contains("Р.") || !body.contains("1980")) {
                            failures.add(where + "initials and birth year missing: " + body);
                        }
                        // The phone searched for is the searcher's own input, which a page echoes.
                        for (String secret : secrets.stream()
                                .filter(secret -> !secret.equals(patient.phone()))
                                .toList()) {
                            if (body.contains(secret)) {
                                failures.add(where + "LEAK of «" + secret + "»: " + body);
                            }
                        }
                    }
                } else {
                    // A page's role check refuses a patient before any person is looked at (403);
                    // anything about the person answers 404, the API with its not-found problem.
                    boolean patientAtAStaffPage = endpoint.page() && (who == Staff.SELF || who == Staff.OTHER_PATIENT);
                    // A doctor in care sees the SNILS and is told the registry changes it.
                    boolean doctorAtTheRegistrysTask =
                            who == Staff.DOCTOR_OF_CARING_CLINIC && endpoint.use() == Use.CORRECT;
                    int expected = patientAtAStaffPage || doctorAtTheRegistrysTask ? 403 : 404;
                    String expectedProblem = doctorAtTheRegistrysTask ? "registry-only" : "not-found";
                    if (status != expected
                            || (!endpoint.page() && !problem(response).equals(expectedProblem))) {
                        failures.add(where + "expected " + expected + " but got " + status + " " + body);
                    }
                    // The patient's own name shows in the header of any page they open.
                    for (String secret : who == Staff.SELF ? List.<String>of() : secrets) {
                        if (body.contains(secret)) {
                            failures.add(where + "LEAK of «" + secret + "»: " + body);
                        }
                    }
                }
                // Every use that reaches the registry about the patient is one audit entry, as today.
                boolean reachesRegistry =
                        who != Staff.ANONYMOUS && !endpoint.page() && (endpoint.use() != Use.SEARCH || may);
                if (reachesRegistry) {
                    long entries = identifierUsesSince(before, patient.patient());
                    if (entries != 1) {
                        failures.add(where + "audit entries " + entries);
                    }
                }
            }
        }
        assertThat(failures).as("wrong answers in %d requests", requests).isEmpty();
        assertThat(requests).isEqualTo(Staff.values().length * endpoints.size());
    }

    /** The registry's audit entries about the patient's identifiers recorded after {@code seq}. */
    private long identifierUsesSince(long seq, PatientId patient) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM audit_event
                        WHERE seq > :seq AND patient_id = :patient
                          AND action IN ('PATIENT_CARD_READ', 'POLICIES_READ', 'POLICY_ADDED', 'POLICY_REMOVED', 'SNILS_RECORDED',
                                         'PATIENT_FOUND', 'PATIENT_FOUND_FOR_BOOKING')
                        """)
                .param("seq", seq)
                .param("patient", patient.value())
                .query(Long.class)
                .single();
    }

    private java.net.http.HttpRequest.Builder withToken(java.net.http.HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> page(String session, String path) {
        return session == null ? get(path, "Accept", "text/html") : get(path, "Accept", "text/html", "Cookie", session);
    }

    /**
     * Issue 16: a clinic's trust store and signing key answer its administrators alone; anyone else
     * signed in is told the clinic does not exist (404), an anonymous caller 401 (a page: sign-in).
     * Verification answers everyone, signed in or not.
     */
    @Test
    void aClinicsTrustStoreIsItsAdministratorsAloneAndVerificationIsEveryones() {
        var pki = org.medkarta.testing.TestPki.gost256();
        var clinic = clinic();
        String id = clinic.value().toString();
        String admin = administrator(clinic);
        var doctor = doctor(clinic);
        var outsiders = new LinkedHashMap<String, String>();
        outsiders.put("admin of another clinic", administrator(clinic()));
        outsiders.put("doctor of the clinic", doctor.token());
        outsiders.put("registrar of the clinic", registrar(clinic).token());
        outsiders.put("patient", patient().token());
        byte[] root = pki.root().pem().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String base = "/api/v1/clinics/" + id;

        var added = multipartParts(admin, base + "/trust-anchors", Map.of("certificate", root), Map.of());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String anchor = body(added).get("id").asString();
        var garbage =
                multipartParts(admin, base + "/trust-anchors", Map.of("certificate", "garbage".getBytes()), Map.of());
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(body(garbage).get("field").asString()).isEqualTo("certificate");
        var crl = multipartParts(admin, base + "/trust-anchors/crls", Map.of("crl", pki.crl()), Map.of());
        assertThat(crl.statusCode()).as(crl.body()).isEqualTo(201);
        assertThat(getWith(admin, base + "/trust-anchors").body()).contains(anchor);
        assertThat(getWith(admin, base + "/trust-anchors/crls").statusCode()).isEqualTo(200);
        assertThat(getWith(admin, base + "/signing-key").statusCode()).isEqualTo(404);
        var stamp = pki.clinic("1027700132195", "7707083893", "ООО «Клиника»");
        var key = multipartParts(
                admin, base + "/signing-key", Map.of("keystore", pki.pkcs12(stamp, "pw")), Map.of("password", "pw"));
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        var wrongPassword = multipartParts(
                admin, base + "/signing-key", Map.of("keystore", pki.pkcs12(stamp, "pw")), Map.of("password", "no"));
        assertThat(problem(wrongPassword)).isEqualTo("keystore-password-wrong");
        assertThat(get("/admin/clinics/" + id + "/trust-anchors", "Cookie", session(admin))
                        .statusCode())
                .isEqualTo(200);

        outsiders.forEach((who, token) -> {
            var answers = List.of(
                    getWith(token, base + "/trust-anchors"),
                    getWith(token, base + "/trust-anchors/crls"),
                    getWith(token, base + "/signing-key"),
                    multipartParts(token, base + "/trust-anchors", Map.of("certificate", root), Map.of()),
                    multipartParts(token, base + "/trust-anchors/crls", Map.of("crl", pki.crl()), Map.of()),
                    multipartParts(
                            token,
                            base + "/signing-key",
                            Map.of("keystore", pki.pkcs12(stamp, "pw")),
                            Map.of("password", "pw")),
                    send(withToken(request(base + "/trust-anchors/" + anchor), token)
                            .DELETE()
                            .build()),
                    get("/admin/clinics/" + id + "/trust-anchors", "Cookie", session(token)));
            for (var answer : answers) {
                assertThat(answer.statusCode())
                        .as(who + " " + answer.request().method() + " " + answer.uri())
                        .isEqualTo(404);
                // The problem's instance repeats the path asked for; nothing else may name the anchor.
                assertThat(answer.body().replaceAll("\"instance\":\"[^\"]*\"", ""))
                        .as(who)
                        .doesNotContain(anchor)
                        .doesNotContain(pki.root().serial());
            }
        });
        var anonymous = List.of(
                get(base + "/trust-anchors", "Accept", "application/json"),
                multipartParts(null, base + "/trust-anchors", Map.of("certificate", root), Map.of()),
                send(request(base + "/trust-anchors/" + anchor).DELETE().build()));
        for (var answer : anonymous) {
            assertThat(answer.statusCode()).as("anonymous " + answer.uri()).isEqualTo(401);
        }
        assertThat(get("/admin/clinics/" + id + "/trust-anchors").statusCode()).isEqualTo(302);
        assertThat(getWith(doctor.token(), "/api/v1/signing-key").statusCode())
                .as("the doctor's own, none yet")
                .isEqualTo(404);
        assertThat(getWith(outsiders.get("patient"), "/api/v1/signing-key").statusCode())
                .isEqualTo(403);

        byte[] document = "%PDF-1.7\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = pki.sign(pki.doctor("11223344595", "Иванов Иван Иванович"), document);
        for (String token : java.util.Arrays.asList(null, admin, doctor.token(), outsiders.get("patient"))) {
            var verified = multipartParts(
                    token, "/api/v1/signatures/verify", Map.of("document", document, "signature", signature), Map.of());
            assertThat(verified.statusCode()).isEqualTo(200);
            assertThat(body(verified).get("valid").asBoolean()).isTrue();
        }
        assertThat(get("/signatures/verify").statusCode()).isEqualTo(200);

        var removed = send(withToken(request(base + "/trust-anchors/" + anchor), admin)
                .DELETE()
                .build());
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(getWith(admin, base + "/trust-anchors").body()).doesNotContain(anchor);
    }

    /**
     * Issue 16: a clinic's settings for signed protocols answer its administrators alone; another
     * clinic's administrator is told the clinic does not exist, a doctor or a patient is refused, an
     * anonymous caller 401 (a page: sign-in).
     */
    @Test
    void aClinicsProtocolSigningSettingsAreItsAdministratorsAlone() {
        var clinic = clinic();
        String id = clinic.value().toString();
        String admin = administrator(clinic);
        String api = "/api/v1/clinics/" + id + "/protocol-signing";
        String page = "/admin/clinics/" + id + "/signing";
        var read = getWith(admin, api);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(body(read).get("signatureRequired").asBoolean()).isFalse();
        var required = putAs(admin, api, map("signatureRequired", true, "coSigned", false));
        assertThat(required.statusCode()).as(required.body()).isEqualTo(200);
        assertThat(body(getWith(admin, api)).get("signatureRequired").asBoolean())
                .isTrue();
        var coSigned = putAs(admin, api, map("signatureRequired", true, "coSigned", true));
        assertThat(coSigned.statusCode()).isEqualTo(409);
        assertThat(problem(coSigned)).isEqualTo("clinic-key-missing");
        assertThat(get(page, "Cookie", session(admin)).statusCode()).isEqualTo(200);

        var outsiders = new LinkedHashMap<String, String>();
        outsiders.put("admin of another clinic", administrator(clinic()));
        outsiders.put("doctor of the clinic", doctor(clinic).token());
        outsiders.put("patient", patient().token());
        outsiders.forEach((who, token) -> {
            var answers = List.of(
                    getWith(token, api),
                    putAs(token, api, map("signatureRequired", false, "coSigned", false)),
                    get(page, "Cookie", session(token)));
            for (var answer : answers) {
                assertThat(answer.statusCode())
                        .as(who + " " + answer.request().method() + " " + answer.uri())
                        .isIn(403, 404);
            }
        });
        assertThat(body(getWith(admin, api)).get("signatureRequired").asBoolean())
                .as("nobody else changed it")
                .isTrue();
        assertThat(get(api, "Accept", "application/json").statusCode()).isEqualTo(401);
        assertThat(get(page).statusCode()).isEqualTo(302);
    }

    /**
     * The record-access request endpoints {@link
     * #recordAccessRequestsAreTheirAuthorsAndTheirClinicsRegistrysAlone} calls.
     */
    static final List<String> REQUEST_ENDPOINTS = List.of(
            "POST /api/v1/record-access-requests",
            "GET /api/v1/record-access-requests",
            "GET /api/v1/record-access-requests/{id}",
            "GET /api/v1/record-access-requests/{id}/candidates",
            "GET /api/v1/record-access-requests/{id}/scans/{scanId}",
            "POST /api/v1/record-access-requests/{id}/take",
            "POST /api/v1/record-access-requests/{id}/approve",
            "POST /api/v1/record-access-requests/{id}/refuse",
            "GET /api/v1/clinics/{id}/record-access-settings",
            "PUT /api/v1/clinics/{id}/record-access-settings",
            "GET /access/record-requests/{id}/scans/{scanId}",
            "GET /access/registry/record-requests/{id}");

    /**
     * Record-access requests (SPEC E0, issue 17): a request and its scans are its author's and the
     * registry's (registrars, administrators) of the clinic it went to; everyone else, a doctor of
     * that clinic caring for the very record included, gets 404, and an anonymous caller 401 (a page:
     * sign-in). Only the registry takes, approves and refuses; only the clinic's administrator changes
     * automatic approval. Until the approval the author sees nothing clinical of the clinic's record;
     * after it the record is theirs to read.
     */
    @Test
    void recordAccessRequestsAreTheirAuthorsAndTheirClinicsRegistrysAlone() {
        var clinic = clinic();
        var registrar = registrar(clinic);
        String admin = administrator(clinic);
        var papers = Papers.adult("Заявкина", "Римма", "Олеговна");
        PatientId kept = keptRecord(registrar.token(), papers, Phones.unique());
        var doctorOfClinic = doctor(clinic);
        patientReferrals.issueReferral(
                kept, "therapist", doctorOfClinic.view().id(), Instant.now().plus(Duration.ofDays(30)), null);
        var entry = postAs(
                doctorOfClinic.token(),
                "/api/v1/patients/" + kept.value() + "/record/entries",
                map("type", "LAB_RESULT", "fields", labFields(7)));
        assertThat(entry.statusCode()).as(entry.body()).isEqualTo(201);

        var author = patient("Заявкина", "Римма");
        var filed = fileRequest(author.token(), papers.request(clinic));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String request = body(filed).get(0).get("id").asString();
        String scan = body(filed).get(0).get("scans").get(0).get("id").asString();
        String base = "/api/v1/record-access-requests/" + request;
        String queue = "/api/v1/record-access-requests?clinicId=" + clinic.value();
        String settings = "/api/v1/clinics/" + clinic.value() + "/record-access-settings";
        String scanPage = "/access/record-requests/" + request + "/scans/" + scan;
        String detailPage = "/access/registry/record-requests/" + request;

        var outsiders = new LinkedHashMap<String, String>();
        outsiders.put("another patient", patient("Чужова", "Инна").token());
        outsiders.put("doctor of the clinic caring for the record", doctorOfClinic.token());
        var elsewhere = clinic();
        outsiders.put("registrar of another clinic", registrar(elsewhere).token());
        outsiders.put("administrator of another clinic", administrator(elsewhere));
        outsiders.forEach((who, token) -> {
            String cookie = session(token);
            var answers = List.of(
                    getWith(token, base),
                    getWith(token, base + "/candidates"),
                    getWith(token, base + "/scans/" + scan),
                    getWith(token, queue),
                    postAs(token, base + "/take", map()),
                    postAs(
                            token,
                            base + "/approve",
                            map("patientId", kept.value().toString())),
                    postAs(token, base + "/refuse", map("reason", "Чужая заявка")),
                    getWith(token, settings),
                    putAs(token, settings, map("autoApproveExactMatches", true)),
                    get(scanPage, "Cookie", cookie),
                    get(detailPage, "Cookie", cookie));
            for (var answer : answers) {
                assertThat(answer.statusCode())
                        .as(who + " " + answer.request().method() + " " + answer.uri())
                        .isIn(403, 404);
                assertThat(answer.body()).doesNotContain(papers.snils()).doesNotContain("Заявкина");
            }
            assertThat(body(getWith(token, "/api/v1/record-access-requests")).findValuesAsString("id"))
                    .as(who + " lists only their own")
                    .doesNotContain(request);
        });
        // A patient files for themself; staff without a patient's role are told so.
        var staffFiling = fileRequest(registrar.token(), papers.request(clinic));
        assertThat(staffFiling.statusCode()).as(staffFiling.body()).isEqualTo(403);
        assertThat(problem(staffFiling)).isEqualTo("patient-only");

        // The author: their request and its scan, nothing of the registry's, nothing clinical yet.
        String authorCookie = session(author.token());
        assertThat(getWith(author.token(), base).statusCode()).isEqualTo(200);
        assertThat(getWith(author.token(), base + "/scans/" + scan).statusCode())
                .isEqualTo(200);
        assertThat(get(scanPage, "Cookie", authorCookie).statusCode()).isEqualTo(200);
        var ownRequests = new ArrayList<String>();
        body(getWith(author.token(), "/api/v1/record-access-requests"))
                .forEach(item -> ownRequests.add(item.path("id").asString()));
        assertThat(ownRequests).containsExactly(request);
        for (var answer : List.of(
                getWith(author.token(), base + "/candidates"),
                getWith(author.token(), queue),
                postAs(author.token(), base + "/take", map()),
                getWith(author.token(), settings),
                get(detailPage, "Cookie", authorCookie))) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isIn(403, 404);
        }
        for (String path : List.of("/record", "/record/labs", "/documents", "/record/identity")) {
            assertThat(getWith(author.token(), "/api/v1/patients/" + kept.value() + path)
                            .statusCode())
                    .as("before approval: " + path)
                    .isEqualTo(404);
        }
        assertThat(get("/record/" + kept.value(), "Cookie", authorCookie).statusCode())
                .isEqualTo(404);

        // Anonymous callers.
        for (String path : List.of(base, base + "/candidates", base + "/scans/" + scan, queue, settings)) {
            assertThat(get(path, "Accept", "application/json").statusCode())
                    .as(path)
                    .isEqualTo(401);
        }
        assertThat(post(base + "/take", map()).statusCode()).isEqualTo(401);
        assertThat(get(scanPage).statusCode()).isEqualTo(302);
        assertThat(get(detailPage).statusCode()).isEqualTo(302);

        // The clinic's registry and administrator.
        for (String token : List.of(registrar.token(), admin)) {
            String cookie = session(token);
            assertThat(getWith(token, base).statusCode()).isEqualTo(200);
            assertThat(getWith(token, base + "/candidates").statusCode()).isEqualTo(200);
            assertThat(getWith(token, base + "/scans/" + scan).statusCode()).isEqualTo(200);
            assertThat(get(scanPage, "Cookie", cookie).statusCode()).isEqualTo(200);
            assertThat(get(detailPage, "Cookie", cookie).statusCode()).isEqualTo(200);
            assertThat(body(getWith(token, queue)).findValuesAsString("id")).contains(request);
            assertThat(getWith(token, settings).statusCode()).isEqualTo(200);
        }
        assertThat(putAs(registrar.token(), settings, map("autoApproveExactMatches", true))
                        .statusCode())
                .isEqualTo(404);
        assertThat(putAs(admin, settings, map("autoApproveExactMatches", false)).statusCode())
                .isEqualTo(200);
        assertThat(postAs(registrar.token(), base + "/take", map()).statusCode())
                .isEqualTo(200);
        var approved =
                postAs(admin, base + "/approve", map("patientId", kept.value().toString()));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        // After the approval the record is the author's to read, and still no one else's.
        for (String path : List.of("/record", "/record/labs", "/documents", "/record/identity")) {
            assertThat(getWith(author.token(), "/api/v1/patients/" + kept.value() + path)
                            .statusCode())
                    .as("after approval: " + path)
                    .isEqualTo(200);
        }
        assertThat(get("/record/" + kept.value(), "Cookie", authorCookie).statusCode())
                .isEqualTo(200);
        assertThat(getWith(outsiders.get("another patient"), "/api/v1/patients/" + kept.value() + "/record")
                        .statusCode())
                .isEqualTo(404);
        assertThat(getWith(registrar.token(), "/api/v1/patients/" + kept.value() + "/record")
                        .statusCode())
                .as("the registry keeps identifiers, never the record (issue 12)")
                .isEqualTo(404);
    }

    /** The referral desk's endpoints {@link #referralsAreTheirIssuingDoctorsAndTheirClinicsRegistrysAlone} calls. */
    static final List<String> REFERRAL_ENDPOINTS = List.of(
            "GET /api/v1/referrals/issued",
            "POST /api/v1/referrals/issued",
            "POST /api/v1/referrals/{id}/cancel",
            "POST /api/v1/referrals/paper",
            "GET /referrals",
            "GET /referrals/new",
            "POST /referrals",
            "POST /referrals/{id}/cancel",
            "GET /referrals/paper/new",
            "POST /referrals/paper");

    /**
     * The doctor's referrals section (issue 23): a doctor lists and cancels only the referrals they
     * issued, and issues one only to a patient their clinic cares for; a registrar enters paper only
     * for a patient their clinic's registry keeps. Everyone else, a colleague of the same clinic
     * included, gets 404 (or, for a list, their own empty one) and never the patient's name; an
     * anonymous caller 401 (a page: sign-in).
     */
    @Test
    void referralsAreTheirIssuingDoctorsAndTheirClinicsRegistrysAlone() {
        var clinic = clinic();
        var doctor = doctor(clinic);
        var patient = patient("Направленцева", "Ольга");
        patientReferrals.issueReferral(
                patient.patient(),
                "therapist",
                doctor.view().id(),
                Instant.now().plus(Duration.ofDays(30)),
                null);
        var registrar = registrar(clinic);
        String until = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(10).toString();
        String today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        var referral =
                map("patientId", patient.id(), "specialty", "cardiologist", "validUntil", until, "reason", "Одышка");
        var paper = map(
                "patientId",
                patient.id(),
                "organisation",
                "ГП № 3",
                "number",
                "П-17",
                "issuedOn",
                today,
                "doctorName",
                "Бумажнова Анна",
                "specialty",
                "cardiologist",
                "validUntil",
                until);
        String form = "patientId=" + patient.id() + "&specialty=cardiologist&validUntil=" + until + "&reason=x";
        String paperForm = "patientId=" + patient.id() + "&organisation=x&number=1&issuedOn=" + today
                + "&doctorName=x&specialty=cardiologist&validUntil=" + until;
        String query = patient.phone().replace("+", "%2B");

        var issued = postAs(doctor.token(), "/api/v1/referrals/issued", referral);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String id = body(issued).get("id").asString();
        var entered = postAs(registrar.token(), "/api/v1/referrals/paper", paper);
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        String paperId = body(entered).get("id").asString();

        var outsiders = new LinkedHashMap<String, String>();
        outsiders.put("the patient", patient.token());
        outsiders.put("another patient", patient("Чужова", "Инна").token());
        var elsewhere = clinic();
        outsiders.put("doctor of another clinic", doctor(elsewhere).token());
        outsiders.put("registrar of another clinic", registrar(elsewhere).token());
        outsiders.put("administrator of the clinic", administrator(clinic));
        outsiders.forEach((who, token) -> {
            String cookie = session(token);
            String csrf = csrf(get("/", "Cookie", cookie).body());
            var answers = List.of(
                    getWith(token, "/api/v1/referrals/issued"),
                    postAs(token, "/api/v1/referrals/issued", referral),
                    postAs(token, "/api/v1/referrals/" + id + "/cancel", map()),
                    postAs(token, "/api/v1/referrals/paper", paper),
                    get("/referrals", "Cookie", cookie),
                    get("/referrals/new?query=" + query, "Cookie", cookie),
                    pagePost(cookie, csrf, "/referrals", form),
                    pagePost(cookie, csrf, "/referrals/" + id + "/cancel", ""),
                    get("/referrals/paper/new?query=" + query, "Cookie", cookie),
                    pagePost(cookie, csrf, "/referrals/paper", paperForm));
            for (var answer : answers) {
                String call = who + " " + answer.request().method() + " " + answer.uri();
                // A list or a form of one's own may answer, showing nothing of this patient's.
                if (answer.request().method().equals("GET") && answer.statusCode() == 200) {
                    assertThat(answer.body())
                            .as(call)
                            .doesNotContain(id)
                            .doesNotContain(paperId)
                            .doesNotContain(patient.id());
                } else {
                    assertThat(answer.statusCode()).as(call).isEqualTo(404);
                }
                assertThat(answer.body()).as(call).doesNotContain("Направленцева");
            }
        });
        // A colleague of the same clinic may refer the patient, but not cancel another's referral.
        var colleague = doctor(clinic);
        assertThat(postAs(colleague.token(), "/api/v1/referrals/" + id + "/cancel", map())
                        .statusCode())
                .isEqualTo(404);
        assertThat(body(getWith(colleague.token(), "/api/v1/referrals/issued")).get("items"))
                .isEmpty();
        assertThat(postAs(registrar.token(), "/api/v1/referrals/" + paperId + "/cancel", map())
                        .statusCode())
                .as("a paper referral is the issuing clinic's to withdraw, not the registry's")
                .isEqualTo(404);

        // Anonymous callers.
        assertThat(get("/api/v1/referrals/issued", "Accept", "application/json").statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/referrals/issued", referral).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/referrals/" + id + "/cancel", map()).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/referrals/paper", paper).statusCode()).isEqualTo(401);
        for (String path : List.of("/referrals", "/referrals/new", "/referrals/paper/new")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(302);
        }

        // The issuing doctor and the clinic's registrar.
        String doctorCookie = session(doctor.token());
        String doctorCsrf = csrf(get("/", "Cookie", doctorCookie).body());
        assertThat(get("/referrals", "Cookie", doctorCookie).body()).contains(id);
        assertThat(get("/referrals/new?query=" + query, "Cookie", doctorCookie).body())
                .contains(patient.id());
        var byPage = pagePost(doctorCookie, doctorCsrf, "/referrals", form);
        assertThat(byPage.statusCode()).as(byPage.body()).isEqualTo(302);
        var cancelled = pagePost(doctorCookie, doctorCsrf, "/referrals/" + id + "/cancel", "");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(302);
        assertThat(body(getWith(doctor.token(), "/api/v1/referrals/issued?state=CANCELLED"))
                        .get("items")
                        .findValuesAsString("id"))
                .containsExactly(id);
        String registrarCookie = session(registrar.token());
        String registrarCsrf = csrf(get("/", "Cookie", registrarCookie).body());
        assertThat(get("/referrals/paper/new?query=" + query, "Cookie", registrarCookie)
                        .body())
                .contains(patient.id());
        var paperByPage = pagePost(registrarCookie, registrarCsrf, "/referrals/paper", paperForm);
        assertThat(paperByPage.statusCode()).as(paperByPage.body()).isEqualTo(302);
        assertThat(body(getWith(registrar.token(), "/api/v1/referrals/issued")).get("items"))
                .hasSize(2);
    }

    private HttpResponse<String> pagePost(String cookie, String csrf, String path, String form) {
        return send(request(path)
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + csrf + (form.isEmpty() ? "" : "&" + form)))
                .build());
    }

    private static String csrf(String html) {
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(html);
        if (!matcher.find()) {
            matcher = java.util.regex.Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"")
                    .matcher(html);
            assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
        }
        return matcher.group(1);
    }

    static final List<String> HOME_VISIT_ENDPOINTS = List.of(
            "POST /api/v1/home-visits",
            "GET /api/v1/home-visits",
            "GET /api/v1/home-visits/{id}",
            "POST /api/v1/home-visits/{id}/cancel",
            "GET /api/v1/clinics/{id}/home-visits",
            "POST /api/v1/home-visits/{id}/assign",
            "POST /api/v1/home-visits/{id}/window",
            "GET /api/v1/home-visits/assigned",
            "POST /api/v1/home-visits/{id}/visited",
            "POST /api/v1/home-visits/{id}/not-at-home",
            "GET /home-visits/new",
            "POST /home-visits",
            "POST /home-visits/{id}/cancel",
            "GET /registry/clinics/{id}/home-visits",
            "POST /registry/home-visits/{id}/assign",
            "POST /registry/home-visits/{id}/cancel",
            "GET /home-visits/rounds/{id}",
            "POST /home-visits/rounds/{id}/visited",
            "POST /home-visits/rounds/{id}/not-at-home");

    /**
     * Home visit requests (issue 23): a request is its patient's side's (the patient, a parent, a
     * FULL grantee), its clinic registry's (registrars and administrators) and its assigned doctor's;
     * each only does their own part. Everyone else — another patient, staff of another clinic — gets
     * 404 (or, for a list of their own, nothing of this request) and never the patient's name; an
     * anonymous caller 401 (pages: to sign in).
     */
    @Test
    void homeVisitsAreTheirPatientsSideTheirClinicsRegistrysAndTheirDoctorsAlone() {
        var clinic = clinic();
        var doctor = doctor(clinic);
        var registrar = registrar(clinic);
        var owner = patient("Надомова", "Лидия");
        var attachment = clinics.attachments().requestAttachment(owner.user(), clinic, "GENERAL");
        clinics.attachments()
                .confirmAttachment(
                        org.medkarta.testing.TestClinics.PLATFORM, attachment.id(), java.util.Locale.ENGLISH);
        String clinicId = clinic.value().toString();
        var ask = map(
                "patientId",
                owner.id(),
                "clinicId",
                clinicId,
                "address",
                "Москва, Тихая ул., 1",
                "reason",
                "Температура",
                "temperature",
                "38,2",
                "phone",
                owner.phone(),
                "day",
                "TOMORROW");
        var asked = postAs(owner.token(), "/api/v1/home-visits", ask);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String id = body(asked).get("id").asString();
        var window = map("doctorId", doctor.view().id().value().toString(), "from", "10:00", "to", "14:00");
        var assigned = postAs(registrar.token(), "/api/v1/home-visits/" + id + "/assign", window);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        var report = map("examination", "x", "diagnosis", "J06.9", "recommendations", "x");
        String askForm = "patientId=" + owner.id() + "&clinicId=" + clinicId
                + "&address=x&reason=x&phone=%2B79161234567&day=TODAY";
        String windowForm = "doctorId=" + doctor.view().id().value() + "&from=10:00&to=14:00";
        String reportForm = "examination=x&diagnosis=J06.9&recommendations=x";

        // Every call by a label; each party's rights are listed below, everything else is refused.
        java.util.function.Function<String, Map<String, java.util.function.Supplier<HttpResponse<String>>>> calls =
                token -> {
                    String cookie = session(token);
                    String csrf = csrf(get("/", "Cookie", cookie).body());
                    var all = new LinkedHashMap<String, java.util.function.Supplier<HttpResponse<String>>>();
                    all.put("ask", () -> postAs(token, "/api/v1/home-visits", ask));
                    all.put("list", () -> getWith(token, "/api/v1/home-visits?patientId=" + owner.id()));
                    all.put("one", () -> getWith(token, "/api/v1/home-visits/" + id));
                    all.put("cancel", () -> postAs(token, "/api/v1/home-visits/" + id + "/cancel", map()));
                    all.put(
                            "queue",
                            () -> getWith(token, "/api/v1/clinics/" + clinicId + "/home-visits?state=ASSIGNED"));
                    all.put("assign", () -> postAs(token, "/api/v1/home-visits/" + id + "/assign", window));
                    all.put("window", () -> postAs(token, "/api/v1/home-visits/" + id + "/window", window));
                    all.put("assigned", () -> getWith(token, "/api/v1/home-visits/assigned"));
                    all.put("visited", () -> postAs(token, "/api/v1/home-visits/" + id + "/visited", report));
                    all.put("not-at-home", () -> postAs(token, "/api/v1/home-visits/" + id + "/not-at-home", map()));
                    all.put("form page", () -> get("/home-visits/new?patient=" + owner.id(), "Cookie", cookie));
                    all.put("ask page", () -> pagePost(cookie, csrf, "/home-visits", askForm));
                    all.put("cancel page", () -> pagePost(cookie, csrf, "/home-visits/" + id + "/cancel", ""));
                    all.put(
                            "queue page",
                            () -> get(
                                    "/registry/clinics/" + clinicId + "/home-visits?state=ASSIGNED", "Cookie", cookie));
                    all.put(
                            "assign page",
                            () -> pagePost(cookie, csrf, "/registry/home-visits/" + id + "/assign", windowForm));
                    all.put(
                            "registry cancel page",
                            () -> pagePost(cookie, csrf, "/registry/home-visits/" + id + "/cancel", ""));
                    all.put("visit page", () -> get("/home-visits/rounds/" + id, "Cookie", cookie));
                    all.put(
                            "visited page",
                            () -> pagePost(cookie, csrf, "/home-visits/rounds/" + id + "/visited", reportForm));
                    all.put(
                            "not-at-home page",
                            () -> pagePost(cookie, csrf, "/home-visits/rounds/" + id + "/not-at-home", ""));
                    return all;
                };

        var elsewhere = clinic();
        var outsiders = new LinkedHashMap<String, String>();
        outsiders.put("another patient", patient("Чужая", "Вера").token());
        outsiders.put("a doctor of another clinic", doctor(elsewhere).token());
        outsiders.put("a registrar of another clinic", registrar(elsewhere).token());
        outsiders.put("an administrator of another clinic", administrator(elsewhere));
        outsiders.forEach((who, token) -> calls.apply(token).forEach((label, call) -> {
            var answer = call.get();
            String as = who + " " + label;
            // A list of one's own answers, showing nothing of this request.
            assertThat(answer.statusCode()).as(as).isEqualTo(label.equals("assigned") ? 200 : 404);
            // A refusal names only the address asked (its instance); a list names nothing of it.
            if (answer.statusCode() == 200) {
                assertThat(answer.body()).as(as).doesNotContain(id);
            }
            assertThat(answer.body()).as(as).doesNotContain("Надомова").doesNotContain("Тихая");
        }));

        // Each party does only their part (what changes the request is tested in HomeVisitIT and
        // skipped here); every other call is refused with 404, and the request stays as it was.
        record Rights(String token, Set<String> allowed, Set<String> skipped) {}
        var parties = new LinkedHashMap<String, Rights>();
        parties.put(
                "the patient",
                new Rights(
                        owner.token(),
                        Set.of("list", "one", "assigned", "form page"),
                        Set.of("ask", "cancel", "ask page", "cancel page")));
        parties.put(
                "the clinic's registrar",
                new Rights(
                        registrar.token(),
                        Set.of("one", "queue", "assigned", "queue page"),
                        Set.of("cancel", "assign", "window", "cancel page", "assign page", "registry cancel page")));
        parties.put(
                "the assigned doctor",
                new Rights(
                        doctor.token(),
                        Set.of("one", "assigned", "visit page"),
                        Set.of("visited", "not-at-home", "visited page", "not-at-home page")));
        parties.forEach((who, rights) -> calls.apply(rights.token()).forEach((label, call) -> {
            if (rights.skipped().contains(label)) {
                return;
            }
            var answer = call.get();
            assertThat(answer.statusCode())
                    .as(who + " " + label + " "
                            + answer.body()
                                    .substring(0, Math.min(300, answer.body().length())))
                    .isEqualTo(rights.allowed().contains(label) ? 200 : 404);
        }));
        assertThat(body(getWith(owner.token(), "/api/v1/home-visits/" + id))
                        .get("state")
                        .asString())
                .isEqualTo("ASSIGNED");
        assertThat(body(getWith(
                                doctor.token(),
                                "/api/v1/home-visits/assigned?day="
                                        + body(asked).get("day").asString()))
                        .findValuesAsString("id"))
                .containsExactly(id);
        assertThat(get(
                                "/registry/clinics/" + clinicId + "/home-visits?state=ASSIGNED",
                                "Cookie",
                                session(registrar.token()))
                        .body())
                .contains("Надомова")
                .contains("38.2");

        // Anonymous callers.
        assertThat(get("/api/v1/home-visits", "Accept", "application/json").statusCode())
                .isEqualTo(401);
        assertThat(get("/api/v1/home-visits/" + id, "Accept", "application/json")
                        .statusCode())
                .isEqualTo(401);
        assertThat(get("/api/v1/clinics/" + clinicId + "/home-visits", "Accept", "application/json")
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/home-visits", ask).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/home-visits/" + id + "/assign", window).statusCode())
                .isEqualTo(401);
        for (String path : List.of(
                "/home-visits/new", "/registry/clinics/" + clinicId + "/home-visits", "/home-visits/rounds/" + id)) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(302);
        }

        // The registry cancels; the patient's side could have, too.
        var cancelled = postAs(registrar.token(), "/api/v1/home-visits/" + id + "/cancel", map());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    }

    /**
     * The printable appointment slip (issue 23, {@code GET /api/v1/appointments/{id}/slip}): its
     * patient's, a FULL grantee's who may act for them, and the staff's of the appointment's clinic
     * (its doctor, administrator and registrar); everyone else, a VIEW grantee and staff of another
     * clinic included, gets 404 and nothing of the appointment, an anonymous caller 401.
     */
    @Test
    void anAppointmentSlipIsItsPatientsItsRepresentativesAndItsClinicsStaffsAlone() {
        var clinic = clinic();
        var bookable = doctor(clinic);
        openSchedule(bookable, clinic);
        var owner = patient("Талонова", "Вера");
        var slots = getAs(
                owner.token(), "/api/v1/slots?doctorId=" + bookable.view().id().value() + "&limit=5");
        assertThat(slots.statusCode()).as(slots.body()).isEqualTo(200);
        var booked = postAs(
                owner.token(),
                "/api/v1/appointments",
                map("slotId", body(slots).get(0).get("id").asString(), "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String path = "/api/v1/appointments/" + body(booked).get("id").asString() + "/slip";
        String page = "/appointments/" + body(booked).get("id").asString() + "/slip";
        var full = patient("Полнова", "Ирина");
        var viewer = patient("Смотрова", "Нина");
        grant(owner, owner.patient(), full, "FULL");
        grant(owner, owner.patient(), viewer, "VIEW");

        var allowed = new LinkedHashMap<String, String>();
        allowed.put("the patient", owner.token());
        allowed.put("a FULL grantee", full.token());
        allowed.put("the doctor", bookable.token());
        allowed.put("the clinic's administrator", administrator(clinic));
        allowed.put("the clinic's registrar", registrar(clinic).token());
        allowed.forEach((who, token) -> {
            var answer = getWith(token, path);
            assertThat(answer.statusCode()).as(who).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as(who)
                    .startsWith("application/pdf");
            var shown = get(page, "Cookie", session(token));
            assertThat(shown.statusCode()).as(who + " page").isEqualTo(200);
            assertThat(shown.body()).as(who + " page").contains("Талонова").contains("id=\"slip\"");
        });

        var elsewhere = clinic();
        var outsiders = new LinkedHashMap<String, String>();
        outsiders.put("another patient", patient().token());
        outsiders.put("a VIEW grantee", viewer.token());
        outsiders.put("a doctor of another clinic", doctor(elsewhere).token());
        outsiders.put("an administrator of another clinic", administrator(elsewhere));
        outsiders.put("a registrar of another clinic", registrar(elsewhere).token());
        outsiders.forEach((who, token) -> {
            var answer = getWith(token, path);
            assertThat(answer.statusCode()).as(who).isEqualTo(404);
            assertThat(answer.body()).as(who).doesNotContain("Талонова").doesNotContain("%PDF");
            var shown = get(page, "Cookie", session(token));
            assertThat(shown.statusCode()).as(who + " page").isEqualTo(404);
            // The VIEW grantee's own record switcher names the owner; the slip itself must not be there.
            assertThat(shown.body())
                    .as(who + " page")
                    .doesNotContain("id=\"slip\"")
                    .doesNotContain(org.medkarta.scheduling.AppointmentSlip.numberOf(
                            java.util.UUID.fromString(body(booked).get("id").asString())));
        });
        assertThat(getWith(null, path).statusCode()).isEqualTo(401);
        assertThat(get(page).statusCode()).isEqualTo(302);
    }

    /** «Позвонить пациенту» (SPEC D6): the consulting doctor alone. */
    static final List<String> PAYMENT_ENDPOINTS =
            List.of("POST /api/v1/appointments/{id}/payment", "GET /api/v1/payments/{id}");

    @Test
    void aPaymentIsItsPatientsSideAlone() {
        var clinic = clinic();
        var view = org.medkarta.testing.TestCare.invite(
                clinics, PLATFORM, clinic, org.medkarta.testing.TestCare.NewDoctor.THERAPIST);
        org.medkarta.testing.TestCare.addService(
                clinics, PLATFORM, view, "Медицинская комиссия", "therapist", "PRIMARY", 150_000L, "REGION");
        org.medkarta.testing.TestCare.openSchedule(scheduleTemplates, view.id());
        var owner = patient("Платежова", "Анна");
        var slots = getAs(owner.token(), "/api/v1/slots?doctorId=" + view.id().value() + "&limit=5");
        assertThat(slots.statusCode()).as(slots.body()).isEqualTo(200);
        var booked = postAs(
                owner.token(),
                "/api/v1/appointments",
                map("slotId", body(slots).get(0).get("id").asString(), "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String pay = "/api/v1/appointments/" + body(booked).get("id").asString() + "/payment";
        var started = postAs(owner.token(), pay, map());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String read = "/api/v1/payments/" + body(started).get("paymentId").asString();
        assertThat(getAs(owner.token(), read).statusCode()).isEqualTo(200);

        var outsiders = new LinkedHashMap<String, String>();
        outsiders.put("another patient", patient().token());
        outsiders.put("the doctor", org.medkarta.testing.TestCare.token(identity, view));
        outsiders.put("the clinic's administrator", administrator(clinic));
        outsiders.put("the clinic's registrar", registrar(clinic).token());
        outsiders.forEach((who, token) -> {
            var paying = postAs(token, pay, map());
            assertThat(paying.statusCode()).as(who).isEqualTo(404);
            var reading = getAs(token, read);
            assertThat(reading.statusCode()).as(who).isEqualTo(404);
            assertThat(reading.body()).as(who).doesNotContain("Платежова");
        });
        assertThat(postAs(null, pay, map()).statusCode()).isEqualTo(401);
        assertThat(getWith(null, read).statusCode()).isEqualTo(401);
    }

    /** A clinic's payments for its staff (issue 20): the list, the CSV, a partial refund. */
    static final List<String> PAYMENT_DESK_ENDPOINTS = List.of(
            "GET /api/v1/clinics/{id}/payments",
            "GET /api/v1/clinics/{id}/payments.csv",
            "POST /api/v1/payments/{id}/refunds");

    @Test
    void aClinicsPaymentsAreItsAdministratorsAndRegistrarsAloneAndRefundsItsAdministratorsAlone() {
        var clinic = clinic();
        var view = org.medkarta.testing.TestCare.invite(
                clinics, PLATFORM, clinic, org.medkarta.testing.TestCare.NewDoctor.THERAPIST);
        org.medkarta.testing.TestCare.addService(
                clinics, PLATFORM, view, "Медицинская комиссия", "therapist", "PRIMARY", 150_000L, "REGION");
        org.medkarta.testing.TestCare.openSchedule(scheduleTemplates, view.id());
        var owner = patient("Кассова", "Анна");
        var slots = getAs(owner.token(), "/api/v1/slots?doctorId=" + view.id().value() + "&limit=5");
        var booked = postAs(
                owner.token(),
                "/api/v1/appointments",
                map("slotId", body(slots).get(0).get("id").asString(), "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String payment = body(booked).get("payment").get("paymentId").asString();
        String list = "/api/v1/clinics/" + clinic.value() + "/payments";
        String csv = list + ".csv";
        String refund = "/api/v1/payments/" + payment + "/refunds";

        String admin = administrator(clinic);
        assertThat(getWith(admin, list).body()).contains(payment);
        assertThat(getWith(admin, csv).body()).contains(payment);
        var waiting = postAs(admin, refund, map("amount", "1"));
        assertThat(waiting.statusCode()).as(waiting.body()).isEqualTo(409);
        assertThat(problem(waiting)).isEqualTo("payment-not-refundable");
        String registrar = registrar(clinic).token();
        assertThat(getWith(registrar, list).body()).contains(payment);
        assertThat(getWith(registrar, csv).statusCode()).isEqualTo(200);
        assertThat(postAs(registrar, refund, map("amount", "1")).statusCode()).isEqualTo(404);

        var elsewhere = clinic();
        var outsiders = new LinkedHashMap<String, String>();
        outsiders.put("the patient", owner.token());
        outsiders.put("another patient", patient().token());
        outsiders.put("the doctor", org.medkarta.testing.TestCare.token(identity, view));
        outsiders.put("an administrator of another clinic", administrator(elsewhere));
        outsiders.put("a registrar of another clinic", registrar(elsewhere).token());
        outsiders.forEach((who, token) -> {
            for (String path : List.of(list, csv)) {
                var answer = getWith(token, path);
                assertThat(answer.statusCode()).as(who + " " + path).isEqualTo(404);
                assertThat(answer.body()).as(who).doesNotContain(payment).doesNotContain("Медицинская комиссия");
            }
            assertThat(postAs(token, refund, map("amount", "1")).statusCode())
                    .as(who)
                    .isEqualTo(404);
        });
        assertThat(getWith(null, list).statusCode()).isEqualTo(401);
        assertThat(getWith(null, csv).statusCode()).isEqualTo(401);
        assertThat(postAs(null, refund, map("amount", "1")).statusCode()).isEqualTo(401);
    }

    /** Clinics near me (SPEC B9) and the Telegram bot's webhook (SPEC J4, issue 20). */
    static final List<String> NEARBY_AND_BOT_ENDPOINTS =
            List.of("GET /api/v1/catalogue/clinics/near", "POST /api/v1/bot/telegram/{secret}");

    @Test
    void clinicsNearMeAnswerEveryRoleAlikeAndTheTelegramWebhookAnswersNoRoleWithoutItsSecret() {
        var clinic = clinic();
        var callers = new LinkedHashMap<String, String>();
        callers.put("anonymous", null);
        callers.put("a patient", patient().token());
        callers.put("a doctor", doctor(clinic).token());
        callers.put("an administrator", administrator(clinic));
        callers.put("a registrar", registrar(clinic).token());
        String near = "/api/v1/catalogue/clinics/near?lat=55.7558&lon=37.6173&radiusKm=5";
        String anonymous = getWith(null, near).body();
        String update = "{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":0,"
                + "\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"/start\"}}";
        callers.forEach((who, token) -> {
            var answer = getWith(token, near);
            assertThat(answer.statusCode()).as(who).isEqualTo(200);
            assertThat(answer.body()).as(who).isEqualTo(anonymous);
            var request = request("/api/v1/bot/telegram/not-the-secret")
                    .header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", "not-the-token");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            var bot = send(request.POST(java.net.http.HttpRequest.BodyPublishers.ofString(update))
                    .build());
            assertThat(bot.statusCode()).as(who).isEqualTo(404);
            assertThat(bot.body()).as(who).isEmpty();
            if (token != null) {
                // The Telegram link is the patient's own; staff have none to see (404, or 403 where the
                // staff's second-factor gate answers first).
                var page = get("/profile/telegram", "Cookie", session(token));
                if (who.equals("a patient")) {
                    assertThat(page.statusCode()).as(who).isEqualTo(200);
                } else {
                    assertThat(page.statusCode()).as(who).isIn(403, 404);
                }
            }
        });
        var bad = getWith(null, "/api/v1/catalogue/clinics/near?lat=91&lon=37.6");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(problem(bad)).isEqualTo("malformed-request");
        assertThat(get("/profile/telegram").statusCode()).isEqualTo(302);
    }

    static final List<String> PHONE_CALL_ENDPOINTS = List.of("POST /api/v1/consultations/{id}/phone-call");

    @Test
    void aPhoneCallToThePatientIsTheConsultingDoctorsAlone() {
        var clinic = clinic();
        var consulting = doctor(clinic);
        openSchedule(consulting, clinic);
        String doctorPhone = Phones.unique();
        callPhones.record(consulting.user(), doctorPhone);
        var owner = patient("Телефонова", "Вера");
        var slots = getAs(
                owner.token(),
                "/api/v1/slots?doctorId=" + consulting.view().id().value() + "&limit=5");
        assertThat(slots.statusCode()).as(slots.body()).isEqualTo(200);
        var booked = postAs(
                owner.token(),
                "/api/v1/appointments",
                map("slotId", body(slots).get(0).get("id").asString(), "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String consultation =
                consultationOf(owner.token(), body(booked).get("id").asString());
        var full = patient("Полнотелова", "Ирина");
        grant(owner, owner.patient(), full, "FULL");
        var colleague = doctor(clinic);
        callPhones.record(colleague.user(), Phones.unique());
        var elsewhere = clinic();
        var stranger = doctor(elsewhere);
        callPhones.record(stranger.user(), Phones.unique());
        var other = patient();
        var registrar = registrar(clinic);
        String administrator = administrator(clinic);
        String otherAdministrator = administrator(elsewhere);
        clock.freezeAt(Instant.parse(body(booked).get("start").asString()).minus(Duration.ofMinutes(5)));
        String path = "/api/v1/consultations/" + consultation + "/phone-call";
        var taken = postAs(
                identity.tokens().tokensFor(consulting.user()).accessToken(),
                "/api/v1/consultations/" + consultation + "/take",
                map());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);

        var outsiders = new LinkedHashMap<String, String>();
        outsiders.put("the patient", again(owner).token());
        outsiders.put("a FULL grantee", again(full).token());
        outsiders.put("another patient", again(other).token());
        outsiders.put(
                "a colleague in the clinic",
                identity.tokens().tokensFor(colleague.user()).accessToken());
        outsiders.put(
                "a doctor of another clinic",
                identity.tokens().tokensFor(stranger.user()).accessToken());
        outsiders.put(
                "the clinic's registrar",
                identity.tokens().tokensFor(registrar.user()).accessToken());
        outsiders.forEach((who, token) -> {
            var refused = postAs(token, path, map());
            assertThat(refused.statusCode()).as(who).isEqualTo(404);
            assertThat(problem(refused)).as(who).isEqualTo("not-found");
            assertThat(refused.body()).as(who).doesNotContain(owner.phone()).doesNotContain("Телефонова");
        });
        clock.reset();
        for (String token : List.of(administrator, otherAdministrator)) {
            var refused = postAs(token, path, map());
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain(owner.phone());
        }
        assertThat(post(path, map()).statusCode()).isEqualTo(401);
        assertThat(org.medkarta.testing.TelephonyStandIn.dialledTo(port).stream()
                        .filter(call -> call.to().equals(owner.phone()))
                        .toList())
                .isEmpty();

        clock.freezeAt(Instant.parse(body(booked).get("start").asString()).minus(Duration.ofMinutes(4)));
        var placed = postAs(identity.tokens().tokensFor(consulting.user()).accessToken(), path, map());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        var dialled = org.medkarta.testing.TelephonyStandIn.dialled(
                        UUID.fromString(body(placed).get("id").asString()))
                .orElseThrow();
        assertThat(dialled.from()).isEqualTo(doctorPhone);
        assertThat(dialled.to()).isEqualTo(owner.phone());
    }

    /** The endpoints {@link #closingAnAccountIsItsOwnPatientsAloneAndEndsEveryAccessThroughIt} calls. */
    /** The newest account-closing code texted to the phone (not a sign-in code sent before it). */
    private String closingCode(String phone) {
        return org.medkarta.testing.Outbox.to(outbox, phone, 1).stream()
                .map(message -> message.body())
                .filter(text -> text.contains("закрыт") || text.contains("clos"))
                .findFirst()
                .map(text -> {
                    var matcher =
                            java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(text);
                    assertThat(matcher.find()).as(text).isTrue();
                    return matcher.group(1);
                })
                .orElseThrow(() -> new AssertionError("no closing code texted to " + phone));
    }

    static final List<String> CLOSURE_ENDPOINTS = List.of("POST /api/v1/me/close", "GET /profile/close");

    /**
     * Closing an account (SPEC A9, issue 20) addresses only the caller's own account: anonymous
     * callers get 401 (the page: sign-in), staff 409 {@code closure-refused} (the page, a patient's:
     * 403), another patient or a grantee asking for a code gets it on their own phone, never the
     * owner's, and their code does not close the owner's account. Once the owner closes it, the
     * owner's token and the FULL grantee's access to the record stop at once, while the doctor who
     * cares for the patient still reads the record and another patient still gets 404.
     */
    @Test
    void closingAnAccountIsItsOwnPatientsAloneAndEndsEveryAccessThroughIt() {
        var clinic = clinic();
        var caring = doctor(clinic);
        openSchedule(caring, clinic);
        var owner = patient("Закрывалова", "Лидия");
        var slots = getAs(
                owner.token(), "/api/v1/slots?doctorId=" + caring.view().id().value() + "&limit=5");
        var booked = postAs(
                owner.token(),
                "/api/v1/appointments",
                map("slotId", body(slots).get(0).get("id").asString(), "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        clock.freezeAt(Instant.parse(body(booked).get("start").asString()).plus(Duration.ofHours(1)));
        owner = again(owner);
        var full = again(patient("Полнодоступова", "Инна"));
        grant(owner, owner.patient(), full, "FULL");
        var other = again(patient());
        var registrar = registrar(clinic);
        String administrator = administrator(clinic);
        String record = "/api/v1/patients/" + owner.id() + "/record";
        String path = "/api/v1/me/close";

        assertThat(post(path, map()).statusCode()).isEqualTo(401);
        assertThat(post(path, map("code", "123456")).statusCode()).isEqualTo(401);
        assertThat(get("/profile/close").statusCode()).isEqualTo(302);
        String caringToken = identity.tokens().tokensFor(caring.user()).accessToken();
        for (String token : List.of(caringToken, registrar.token(), administrator)) {
            var refused = postAs(token, path, map());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(problem(refused)).isEqualTo("closure-refused");
            assertThat(refused.body()).doesNotContain(owner.phone());
        }
        assertThat(get("/profile/close", "Cookie", session(caringToken)).statusCode())
                .isEqualTo(403);
        int ownerHad = outbox.sentTo(owner.phone()).size();
        String othersCode = null;
        for (var person : List.of(other, full)) {
            int had = outbox.sentTo(person.phone()).size();
            assertThat(postAs(person.token(), path, map()).statusCode()).isEqualTo(202);
            var sent = org.medkarta.testing.Outbox.to(outbox, person.phone(), had + 1);
            assertThat(sent).hasSize(had + 1);
            othersCode = closingCode(person.phone());
        }
        assertThat(outbox.sentTo(owner.phone())).hasSize(ownerHad);
        assertThat(postAs(owner.token(), path, map()).statusCode()).isEqualTo(202);
        String ownersCode = closingCode(owner.phone());
        if (!othersCode.equals(ownersCode)) {
            assertThat(postAs(owner.token(), path, map("code", othersCode)).statusCode())
                    .isEqualTo(422);
        }
        assertThat(getAs(full.token(), record).statusCode()).isEqualTo(200);
        assertThat(getAs(other.token(), record).statusCode()).isEqualTo(404);

        var closed = postAs(owner.token(), path, map("code", ownersCode));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);

        assertThat(getAs(owner.token(), "/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(getAs(owner.token(), record).statusCode()).isEqualTo(401);
        var grantee = getAs(full.token(), record);
        assertThat(grantee.statusCode()).isEqualTo(404);
        assertThat(grantee.body()).doesNotContain("Закрывалова");
        assertThat(getAs(other.token(), record).statusCode()).isEqualTo(404);
        var doctorReads = getAs(identity.tokens().tokensFor(caring.user()).accessToken(), record);
        assertThat(doctorReads.statusCode()).as(doctorReads.body()).isEqualTo(200);
        // The others' accounts are untouched by the owner's closure.
        assertThat(getAs(full.token(), "/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(getAs(other.token(), "/api/v1/me").statusCode()).isEqualTo(200);
    }

    /** Waits (the listener runs after the booking commits) for the consultation an appointment opened. */
    private String consultationOf(String token, String appointment) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            for (var c : body(getAs(token, "/api/v1/consultations"))) {
                if (c.get("appointmentId").asString().equals(appointment)) {
                    return c.get("id").asString();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no consultation opened for appointment " + appointment);
    }

    /**
     * The dashboard and head-of-department endpoints {@link
     * #aClinicsDashboardIsItsAdministratorsAndItsHeadsOfDepartmentAlone} calls.
     */
    static final List<String> DASHBOARD_ENDPOINTS = List.of(
            "GET /api/v1/clinics/{id}/dashboard",
            "GET /api/v1/clinics/{id}/dashboard.csv",
            "GET /clinics/{id}/dashboard",
            "GET /clinics/{id}/dashboard.csv",
            "GET /api/v1/clinics/{id}/heads-of-department",
            "PUT /api/v1/clinics/{id}/doctors/{doctorId}/head-of-department",
            "DELETE /api/v1/clinics/{id}/doctors/{doctorId}/head-of-department",
            "POST /admin/clinics/{id}/doctors/{doctorId}/head-of-department");

    /**
     * Clinic dashboards (SPEC J3, issue 19): a clinic's figures are its administrators' and the doctors
     * they appointed heads of department; its other doctors, its registrar, every kind of staff of
     * another clinic (a head of department there included) and patients get 404 (the clinic's
     * existence is not revealed), anonymous callers 401 (a page: sign-in). Appointing and removing a
     * head is the clinic's administrators' alone, and a removed head loses the dashboard at once,
     * though their token still is the one they signed in with.
     */
    @Test
    void aClinicsDashboardIsItsAdministratorsAndItsHeadsOfDepartmentAlone() {
        var clinic = clinic();
        String id = clinic.value().toString();
        String admin = administrator(clinic);
        var head = doctor(clinic);
        var colleague = doctor(clinic);
        String headPath =
                "/api/v1/clinics/" + id + "/doctors/" + head.view().id().value() + "/head-of-department";
        String api = "/api/v1/clinics/" + id + "/dashboard";
        String csv = api + ".csv";
        String page = "/clinics/" + id + "/dashboard";
        String pageCsv = page + ".csv";
        String heads = "/api/v1/clinics/" + id + "/heads-of-department";
        String pageAction =
                "/admin/clinics/" + id + "/doctors/" + head.view().id().value() + "/head-of-department";

        var elsewhere = clinic();
        var foreignHead = doctor(elsewhere);
        String foreignAdmin = administrator(elsewhere);
        var appointedThere = putAs(
                foreignAdmin,
                "/api/v1/clinics/" + elsewhere.value() + "/doctors/"
                        + foreignHead.view().id().value() + "/head-of-department",
                map());
        assertThat(appointedThere.statusCode()).as(appointedThere.body()).isEqualTo(204);

        // Before the appointment the doctor is just a doctor of the clinic.
        assertThat(getWith(head.token(), api).statusCode()).isEqualTo(404);
        var appointed = putAs(admin, headPath, map());
        assertThat(appointed.statusCode()).as(appointed.body()).isEqualTo(204);
        assertThat(putAs(admin, headPath, map()).statusCode())
                .as("twice is once")
                .isEqualTo(204);
        var listed = getWith(admin, heads);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(body(listed).size()).isEqualTo(1);
        assertThat(body(listed).get(0).asString())
                .isEqualTo(head.view().id().value().toString());

        var allowed = new LinkedHashMap<String, String>();
        allowed.put("the clinic's administrator", admin);
        allowed.put("the clinic's head of department", head.token());
        allowed.forEach((who, token) -> {
            var json = getWith(token, api);
            assertThat(json.statusCode()).as(who + " " + json.body()).isEqualTo(200);
            assertThat(body(json).get("clinic").asString()).as(who).isEqualTo(id);
            var file = get(csv, "Authorization", "Bearer " + token, "Accept", "text/csv");
            assertThat(file.statusCode()).as(who).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElse(""))
                    .as(who)
                    .startsWith("text/csv");
            String cookie = session(token);
            var shown = get(page, "Cookie", cookie);
            assertThat(shown.statusCode()).as(who + " page").isEqualTo(200);
            assertThat(shown.body()).as(who + " page").contains("id=\"load-chart\"");
            assertThat(get(pageCsv, "Cookie", cookie).statusCode())
                    .as(who + " page CSV")
                    .isEqualTo(200);
        });

        var outsiders = new LinkedHashMap<String, String>();
        outsiders.put("another doctor of the clinic", colleague.token());
        outsiders.put("the clinic's registrar", registrar(clinic).token());
        outsiders.put("an administrator of another clinic", foreignAdmin);
        outsiders.put("a head of department of another clinic", foreignHead.token());
        outsiders.put("a doctor of another clinic", doctor(elsewhere).token());
        outsiders.put("a registrar of another clinic", registrar(elsewhere).token());
        outsiders.put("a patient", patient().token());
        outsiders.forEach((who, token) -> {
            String cookie = session(token);
            for (var answer : List.of(
                    getWith(token, api),
                    getWith(token, csv),
                    get(page, "Cookie", cookie),
                    get(pageCsv, "Cookie", cookie))) {
                assertThat(answer.statusCode()).as(who + " " + answer.uri()).isEqualTo(404);
                assertThat(answer.body()).as(who + " " + answer.uri()).doesNotContain("load-chart");
            }
            String csrf = csrf(get("/", "Cookie", cookie).body());
            for (var answer : List.of(
                    getWith(token, heads),
                    putAs(token, headPath, map()),
                    send(request(headPath)
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .DELETE()
                            .build()),
                    pagePost(cookie, csrf, pageAction, "head=false"))) {
                assertThat(answer.statusCode())
                        .as(who + " " + answer.request().method() + " " + answer.uri())
                        .isIn(403, 404);
            }
        });
        assertThat(getWith(head.token(), api).statusCode())
                .as("nobody else removed the head")
                .isEqualTo(200);

        // The administrator removes the head on the doctors page: the dashboard answers 404 at once.
        String adminCookie = session(admin);
        var removed = pagePost(adminCookie, csrf(get("/", "Cookie", adminCookie).body()), pageAction, "head=false");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(302);
        assertThat(getWith(head.token(), api).statusCode()).isEqualTo(404);
        assertThat(body(getWith(admin, heads)).size()).isZero();
        var again = putAs(admin, headPath, map());
        assertThat(again.statusCode()).isEqualTo(204);
        var gone = send(request(headPath)
                .header("Authorization", "Bearer " + admin)
                .DELETE()
                .build());
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(204);
        assertThat(getWith(head.token(), api).statusCode()).isEqualTo(404);
        // A doctor of another clinic cannot be made head of this one.
        var foreign = putAs(
                admin,
                "/api/v1/clinics/" + id + "/doctors/" + foreignHead.view().id().value() + "/head-of-department",
                map());
        assertThat(foreign.statusCode()).isEqualTo(404);

        assertThat(getWith(null, api).statusCode()).isEqualTo(401);
        assertThat(getWith(null, heads).statusCode()).isEqualTo(401);
        assertThat(get(page).statusCode()).isEqualTo(302);
        assertThat(get(pageCsv).statusCode()).isEqualTo(302);
    }

    @Test
    void anAnonymousAttemptAtARecordPageIsSentToSignInAndAuditedOnce() {
        var owner = patient();
        String id = owner.id();
        for (String path : List.of("/record/" + id, "/record/" + id + "/labs", "/record/" + id + "/uploads")) {
            long before = lastAuditSeq();
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/sign-in");
            assertThat(anonymousAttemptsSince(before, owner.patient()))
                    .as(path)
                    .containsExactly("ANONYMOUS RECORD_VIEW UNAUTHENTICATED");
        }
        long before = lastAuditSeq();
        var written = post("/api/v1/patients/" + id + "/record/entries", map("type", "DIAGNOSIS"));
        assertThat(written.statusCode()).isEqualTo(401);
        assertThat(anonymousAttemptsSince(before, owner.patient()))
                .containsExactly("ANONYMOUS RECORD_WRITE UNAUTHENTICATED");
        // A signed-in request is the policy point's to record: one entry, not a second anonymous one.
        before = lastAuditSeq();
        assertThat(getAs(owner.token(), "/api/v1/patients/" + id + "/record").statusCode())
                .isEqualTo(200);
        assertThat(decisionsSince(before, owner.patient())).containsExactly("SELF RECORD_VIEW SUCCESS");
    }

    @Test
    void anAnonymousAttemptAtAGrantIsAuditedOnceForTheRecordTheGrantIsAbout() {
        var owner = patient();
        var started = postAs(
                owner.token(),
                "/api/v1/patients/" + owner.id() + "/grants",
                map("granteePhone", Phones.unique(), "level", "VIEW"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String grant = body(started).get("id").asString();
        for (var path : List.of("/api/v1/grants/" + grant, "/api/v1/grants/" + grant + "/revoke")) {
            long before = lastAuditSeq();
            var response = path.endsWith("/revoke") ? post(path, map()) : get(path, "Accept", "application/json");
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).doesNotContain(owner.id());
            assertThat(anonymousAttemptsSince(before, owner.patient()))
                    .as(path)
                    .containsExactly("ANONYMOUS RECORD_MANAGE_ACCESS UNAUTHENTICATED");
        }
    }

    private void check(
            String where,
            Endpoint endpoint,
            boolean allowed,
            boolean knowsIt,
            boolean anonymous,
            HttpResponse<String> response,
            PatientId owner,
            List<String> failures) {
        int status = response.statusCode();
        if (endpoint.page() && !anonymous && !allowed) {
            // A page answers as the API does, without a body to name the problem: 403 to someone
            // who may read the record, 404 to anyone else, never a redirect.
            int expected = knowsIt ? 403 : 404;
            if (status != expected) {
                failures.add(where + "expected " + expected + " but got " + status + " "
                        + response.headers().map());
            }
            return;
        }
        if (endpoint.page() && anonymous) {
            return;
        }
        if (allowed) {
            if (status != endpoint.success()) {
                failures.add(where + "expected " + endpoint.success() + " but got " + status + " " + response.body());
            } else if (endpoint.name().startsWith("GET appointments")
                    && !response.body().contains(owner.value().toString())) {
                failures.add(where + "the owner's appointments are missing: " + response.body());
            }
            return;
        }
        if (endpoint.name().startsWith("GET appointments")) {
            // Scheduling answers a list: others see none of the owner's appointments.
            if (status == 200 && !body(response).isEmpty()) {
                failures.add(where + "LEAK " + response.body());
            } else if (status != 200 && status != 401) {
                failures.add(where + "unexpected " + status);
            }
            return;
        }
        if (knowsIt) {
            String expectedProblem =
                    endpoint.action() == RecordAction.WRITE ? "clinical-entries-read-only" : "action-not-allowed";
            if (status != 403 || !problem(response).equals(expectedProblem)) {
                failures.add(where + "expected 403 " + expectedProblem + " but got " + status + " " + response.body());
            }
            return;
        }
        if (status == 404) {
            if (!problem(response).equals("not-found") || response.body().contains("granteePhone")) {
                failures.add(where + "LEAK or wrong problem " + response.body());
            }
        } else if (status != 401) {
            failures.add(where + "expected 404 but got " + status + " " + response.body());
        }
    }

    /**
     * A refused answer names nothing of the record: not the owner, no title, no id but those in
     * the path asked for.
     */
    private static void leaks(
            String where, HttpResponse<String> response, Fixtures owner, boolean knowsIt, List<String> failures) {
        String body = response.body();
        String asked = response.uri().toString();
        String location = response.headers().firstValue("Location").orElse("");
        // Someone who may read the record knows whose it is: a page they may not open still shows
        // their own records (the owner's name among them) in its header, as every page does.
        for (String secret :
                knowsIt ? owner.secrets().subList(2, owner.secrets().size()) : owner.secrets()) {
            if (body.contains(secret) || location.contains(secret)) {
                failures.add(where + "LEAK of «" + secret + "»: " + body);
            }
        }
        for (String id : owner.ids()) {
            if ((body.contains(id) || location.contains(id)) && !asked.contains(id)) {
                failures.add(where + "LEAK of id " + id + ": " + body);
            }
        }
    }

    /** A page of the owner's record, {@code /record/{id}} and what {@code rest} adds, opened in a browser. */
    private Endpoint page(String name, RecordAction action, java.util.function.Function<PatientId, String> rest) {
        return new Endpoint(
                "page " + name,
                action,
                200,
                true,
                null,
                (actor, owner, fixture) -> actor.session() == null
                        ? get("/record/" + owner.value() + rest.apply(owner), "Accept", "text/html")
                        : get(
                                "/record/" + owner.value() + rest.apply(owner),
                                "Accept",
                                "text/html",
                                "Cookie",
                                actor.session()));
    }

    /** A laboratory result's fields; {@code n} keeps each one apart from the others (no duplicate warning). */
    private static Map<String, Object> labFields(int n) {
        return map(
                "date",
                LocalDate.of(2024, 1, 1).plusDays(n).toString(),
                "testCode",
                LAB_CODE,
                "testName",
                "Матриксин",
                "value",
                String.valueOf(100 + n),
                "unit",
                "g/L",
                "referenceLow",
                "90",
                "referenceHigh",
                "160");
    }

    /** A laboratory result the caring doctor files in the owner's record; its id. */
    private String freshEntry(PatientId owner) {
        var filed = postAs(
                fixtures.get(owner).doctor(),
                "/api/v1/patients/" + owner.value() + "/record/entries",
                map("type", "LAB_RESULT", "fields", labFields(serial.incrementAndGet())));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return remember(owner, body(filed).get("id").asString());
    }

    /** A vaccination the owner (or the parent) uploads, waiting for a doctor's verification; its id. */
    private String freshVaccination(PatientId owner) {
        return remember(
                owner,
                upload(
                        fixtures.get(owner).contributor(),
                        owner,
                        Map.of("kind", "VACCINATION", "vaccine", "Матривак", "date", "2021-06-01", "series", "M-1")));
    }

    /** An extra phone the owner (or the parent) adds to the record; the contact's id. */
    private String freshContact(PatientId owner) {
        String token = fixtures.get(owner).contributor();
        String phone = Phones.unique();
        var added =
                postAs(token, "/api/v1/patients/" + owner.value() + "/contacts", map("kind", "PHONE", "value", phone));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        for (var contact : body(getWith(token, "/api/v1/patients/" + owner.value() + "/contacts"))
                .get("contacts")) {
            if (contact.get("value").asString().equals(phone)) {
                return remember(owner, contact.get("id").asString());
            }
        }
        throw new AssertionError("the contact just added is not listed");
    }

    private String remember(PatientId owner, String id) {
        fixtures.get(owner).ids().add(id);
        return id;
    }

    private void checkMe(Owner owner, Who who, Actor actor, PatientId record, List<String> failures) {
        var me = getWith(actor.token(), "/api/v1/me");
        if (actor.token() == null) {
            if (me.statusCode() != 401) {
                failures.add(owner + " / " + who + " / me: expected 401 but got " + me.statusCode());
            }
            return;
        }
        boolean listed = false;
        for (var entry : body(me).get("records")) {
            listed |= entry.get("patientId").asString().equals(record.value().toString());
        }
        boolean expectedListed = expected(who, owner).contains(RecordAction.VIEW) && who != Who.DOCTOR_IN_CARE;
        if (listed != expectedListed) {
            failures.add(owner + " / " + who + " / me: listed " + listed + " " + me.body());
        }
    }

    // ---------------------------------------------------------------- the world

    record World(Map<Owner, PatientId> owners, Map<Owner, Map<Who, Actor>> actors) {}

    private World world() {
        ZoneId moscow = ZoneId.of("Europe/Moscow");
        var adult = patient("Матрицын", "Евграф");
        var parentOfChild = patient();
        PatientId child = child(parentOfChild, LocalDate.now(moscow).minusYears(8), "Снежкова", "Снежана");

        // The 15-year-old was registered by the parent while still 14.
        var parentOfTeen = patient();
        LocalDate teenBorn = LocalDate.now(moscow).minusYears(15).minusDays(5);
        clock.freezeAt(Instant.now().minus(java.time.Duration.ofDays(10)));
        PatientId teen = child(again(parentOfTeen), teenBorn, "Ферапонтов", "Ферапонт");
        clock.reset();
        parentOfTeen = again(parentOfTeen);
        var teenAccount = identity.accounts().patient(teen).orElseThrow();
        identity.registration().assignPhone(teen, Phones.unique());
        var teenUser = new SignedInUser(
                teenAccount.userId(), "Подросток", teen, List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        var teenSelf = new Person(
                teenUser,
                identity.accounts().patient(teen).orElseThrow().phone(),
                identity.tokens().tokensFor(teenUser).accessToken());

        var viewer = patient();
        var downloader = patient();
        var full = patient();
        var revoked = patient();
        var other = patient();
        grant(adult, adult.patient(), viewer, "VIEW");
        grant(adult, adult.patient(), downloader, "VIEW_DOWNLOAD");
        grant(adult, adult.patient(), full, "FULL");
        revoke(adult, grant(adult, adult.patient(), revoked, "FULL"));

        var careClinic = clinic();
        var inCare = doctor(careClinic);
        var notInCare = doctor(clinic());
        var adminElsewhere = clinicAdministrator(clinic());
        for (PatientId owner : List.of(adult.patient(), child, teen)) {
            patientReferrals.issueReferral(
                    owner, "therapist", inCare.view().id(), Instant.now().plus(java.time.Duration.ofDays(30)), null);
        }

        var bookingClinic = clinic();
        var bookable = doctor(bookingClinic);
        openSchedule(bookable, bookingClinic);
        slotDoctor = bookable.view().id().value().toString();
        var slots = getAs(adult.token(), "/api/v1/slots?doctorId=" + slotDoctor + "&limit=200");
        body(slots).forEach(slot -> freeSlots.add(UUID.fromString(slot.get("id").asString())));
        assertThat(freeSlots).hasSizeGreaterThan(20);

        var common = new EnumMap<Who, Actor>(Who.class);
        common.put(Who.ANONYMOUS, new Actor(Who.ANONYMOUS, null, null, null));
        common.put(Who.OTHER_PATIENT, actor(Who.OTHER_PATIENT, other));
        common.put(Who.VIEW_GRANTEE, actor(Who.VIEW_GRANTEE, viewer));
        common.put(Who.VIEW_DOWNLOAD_GRANTEE, actor(Who.VIEW_DOWNLOAD_GRANTEE, downloader));
        common.put(Who.FULL_GRANTEE, actor(Who.FULL_GRANTEE, full));
        common.put(Who.REVOKED_GRANTEE, actor(Who.REVOKED_GRANTEE, revoked));
        common.put(Who.PARENT_OF_CHILD_UNDER_15, actor(Who.PARENT_OF_CHILD_UNDER_15, parentOfChild));
        common.put(Who.PARENT_OF_15_YEAR_OLD, actor(Who.PARENT_OF_15_YEAR_OLD, parentOfTeen));
        common.put(
                Who.DOCTOR_IN_CARE,
                new Actor(Who.DOCTOR_IN_CARE, inCare.token(), inCare.user(), session(inCare.token())));
        common.put(
                Who.DOCTOR_WITHOUT_CARE,
                new Actor(Who.DOCTOR_WITHOUT_CARE, notInCare.token(), notInCare.user(), session(notInCare.token())));
        common.put(Who.ADMIN_OF_ANOTHER_CLINIC, actor(Who.ADMIN_OF_ANOTHER_CLINIC, adminElsewhere));
        common.put(Who.REGISTRAR_OF_CARING_CLINIC, actor(Who.REGISTRAR_OF_CARING_CLINIC, registrar(careClinic)));
        common.put(Who.PARAMEDIC_OF_ANOTHER_CLINIC, actor(Who.PARAMEDIC_OF_ANOTHER_CLINIC, paramedic(clinic())));
        common.put(Who.PARAMEDIC_OF_CARING_CLINIC, actor(Who.PARAMEDIC_OF_CARING_CLINIC, paramedic(careClinic)));

        furnish(adult.patient(), adult.token(), inCare.token(), "Матрицын", "Евграф");
        furnish(child, parentOfChild.token(), inCare.token(), "Снежкова", "Снежана");
        furnish(teen, teenSelf.token(), inCare.token(), "Ферапонтов", "Ферапонт");

        var owners = new LinkedHashMap<Owner, PatientId>();
        owners.put(Owner.ADULT, adult.patient());
        owners.put(Owner.CHILD_UNDER_15, child);
        owners.put(Owner.CHILD_OF_15, teen);
        var actors = new EnumMap<Owner, Map<Who, Actor>>(Owner.class);
        for (var owner : Owner.values()) {
            var forOwner = new EnumMap<Who, Actor>(common);
            if (owner == Owner.ADULT) {
                forOwner.put(Who.SELF, actor(Who.SELF, adult));
            } else if (owner == Owner.CHILD_OF_15) {
                forOwner.put(Who.SELF, actor(Who.SELF, teenSelf));
            }
            actors.put(owner, forOwner);
        }
        return new World(owners, actors);
    }

    private Actor actor(Who who, Person person) {
        return new Actor(who, person.token(), person.user(), session(person.token()));
    }

    /**
     * What the owner's record holds before the matrix runs: a laboratory result the caring doctor
     * filed (an entry with a code), a document the patient uploaded, a grant the patient started.
     */
    private void furnish(PatientId owner, String contributor, String doctor, String lastName, String firstName) {
        var ids = new java.util.HashSet<String>();
        var secrets =
                List.of(lastName, firstName, "Матриксин", "Матривак", "Матричная выписка", "Матричный", "Гипертензия");
        fixtures.put(owner, new Fixtures(contributor, doctor, null, null, null, secrets, ids));
        String entry = freshEntry(owner);
        String document =
                remember(owner, upload(contributor, owner, Map.of("kind", "DOCUMENT", "title", "Матричная выписка")));
        var started = postAs(
                contributor,
                "/api/v1/patients/" + owner.value() + "/grants",
                map("granteePhone", Phones.unique(), "granteeName", "Матричный Гость", "level", "VIEW"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String grant = remember(owner, body(started).get("id").asString());
        var extract = postAs(contributor, "/api/v1/patients/" + owner.value() + "/extracts", map());
        assertThat(extract.statusCode()).as(extract.body()).isEqualTo(202);
        extracts.put(owner, remember(owner, body(extract).get("id").asString()));
        fixtures.put(owner, new Fixtures(contributor, doctor, entry, document, grant, secrets, ids));
    }
    /** The walk-in queue's endpoints {@link #walkInTicketsAreTheirPatientsAndTheirQueuesStaffsAlone} calls. */
    static final List<String> WALK_IN_ENDPOINTS = List.of(
            "POST /api/v1/clinics/{id}/walk-in-queues",
            "GET /api/v1/clinics/{id}/walk-in-settings",
            "PUT /api/v1/clinics/{id}/walk-in-settings",
            "GET /api/v1/clinics/{id}/walk-in-load",
            "POST /api/v1/walk-in-queues/{id}/tickets",
            "POST /api/v1/walk-in-queues/{id}/call-next",
            "GET /api/v1/walk-in-tickets/{id}",
            "POST /api/v1/walk-in-tickets/{id}/no-show",
            "POST /api/v1/walk-in-tickets/{id}/finish",
            "GET /walk-in/tickets/{id}",
            "GET /walk-in/tickets/{id}/status",
            "GET /walk-in/load",
            "GET /walk-in/load/rows");

    @org.springframework.beans.factory.annotation.Autowired
    org.medkarta.scheduling.WalkInQueues walkInQueues;

    /**
     * The walk-in queue (SPEC C9): a ticket is its patient's and the staff's of its queue (a doctor
     * on duty, the clinic's registry desk) alone; the doctor on duty alone calls, marks absent and
     * finishes; the clinic's administrator alone opens queues, sets priorities and watches the load.
     * Everyone else gets 404 and never the patient's name; an anonymous caller 401 (a page: sign-in).
     */
    @Test
    void walkInTicketsAreTheirPatientsAndTheirQueuesStaffsAlone() {
        var clinic = clinic();
        var onDuty = doctor(clinic);
        var admin = org.medkarta.testing.TestStaff.administrator(identity, clinics, clinic);
        String adminToken = identity.tokens().tokensFor(admin).accessToken();
        var queue = walkInQueues.open(
                admin,
                clinic,
                new org.medkarta.scheduling.WalkInQueueForm(
                        "Дежурный терапевт",
                        "therapist",
                        "12",
                        LocalDate.now(clinics.catalogue().timezone(clinic)).toString(),
                        "00:00",
                        "23:59",
                        List.of(onDuty.view().id().value().toString())));
        var patient = patient("Талонова", "Ольга");
        var taken = postAs(patient.token(), "/api/v1/walk-in-queues/" + queue.id() + "/tickets", map());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        String ticket = body(taken).get("id").asString();
        String clinicPath = "/api/v1/clinics/" + clinic.value();
        var queueBody = map(
                "name",
                "Чужая",
                "specialty",
                "therapist",
                "room",
                "1",
                "day",
                LocalDate.now(clinics.catalogue().timezone(clinic)).toString(),
                "opensAt",
                "08:00",
                "closesAt",
                "09:00",
                "doctorIds",
                List.of(onDuty.view().id().value().toString()));

        var outsiders = new LinkedHashMap<String, String>();
        outsiders.put("another patient", patient("Чужова", "Инна").token());
        outsiders.put("doctor of the clinic off duty", doctor(clinic).token());
        var elsewhere = clinic();
        outsiders.put("doctor of another clinic", doctor(elsewhere).token());
        outsiders.put("registrar of another clinic", registrar(elsewhere).token());
        outsiders.put(
                "administrator of another clinic",
                identity.tokens()
                        .tokensFor(org.medkarta.testing.TestStaff.administrator(identity, clinics, elsewhere))
                        .accessToken());
        outsiders.forEach((who, token) -> {
            String cookie = session(token);
            var answers = List.of(
                    getWith(token, "/api/v1/walk-in-tickets/" + ticket),
                    postAs(token, "/api/v1/walk-in-queues/" + queue.id() + "/tickets", map("patientId", patient.id())),
                    postAs(token, "/api/v1/walk-in-queues/" + queue.id() + "/call-next", map()),
                    postAs(token, "/api/v1/walk-in-tickets/" + ticket + "/no-show", map()),
                    postAs(token, "/api/v1/walk-in-tickets/" + ticket + "/finish", map()),
                    postAs(token, clinicPath + "/walk-in-queues", queueBody),
                    getWith(token, clinicPath + "/walk-in-settings"),
                    putAs(token, clinicPath + "/walk-in-settings", map("prebookedFirst", true)),
                    getWith(token, clinicPath + "/walk-in-load"),
                    get("/walk-in/tickets/" + ticket, "Cookie", cookie),
                    get("/walk-in/tickets/" + ticket + "/status", "Cookie", cookie),
                    get("/walk-in/load?clinic=" + clinic.value(), "Cookie", cookie),
                    get("/walk-in/load/rows?clinic=" + clinic.value(), "Cookie", cookie));
            for (var answer : answers) {
                String call = who + " " + answer.request().method() + " " + answer.uri();
                assertThat(answer.statusCode()).as(call).isEqualTo(404);
                assertThat(answer.body()).as(call).doesNotContain("Талонова");
            }
        });

        // Anonymous callers.
        assertThat(get("/api/v1/walk-in-tickets/" + ticket, "Accept", "application/json")
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/walk-in-queues/" + queue.id() + "/tickets", map())
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/walk-in-queues/" + queue.id() + "/call-next", map())
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/walk-in-tickets/" + ticket + "/finish", map()).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/walk-in-tickets/" + ticket + "/no-show", map()).statusCode())
                .isEqualTo(401);
        assertThat(post(clinicPath + "/walk-in-queues", queueBody).statusCode()).isEqualTo(401);
        assertThat(get(clinicPath + "/walk-in-load", "Accept", "application/json")
                        .statusCode())
                .isEqualTo(401);
        for (String path : List.of("/walk-in/tickets/" + ticket, "/walk-in/load?clinic=" + clinic.value())) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(302);
        }

        // The patient reads their ticket without a name; the clinic's registrar with it, but takes
        // none for a patient the registry does not keep.
        assertThat(getWith(patient.token(), "/api/v1/walk-in-tickets/" + ticket).body())
                .doesNotContain("Талонова");
        var registrar = registrar(clinic);
        assertThat(getWith(registrar.token(), "/api/v1/walk-in-tickets/" + ticket)
                        .body())
                .contains("Талонова");
        assertThat(postAs(
                                registrar.token(),
                                "/api/v1/walk-in-queues/" + queue.id() + "/tickets",
                                map("patientId", patient("Незнакомова", "Яна").id()))
                        .statusCode())
                .isEqualTo(404);
        // The administrator watches and configures; the doctor on duty calls and finishes.
        assertThat(getWith(adminToken, clinicPath + "/walk-in-load").statusCode())
                .isEqualTo(200);
        assertThat(getWith(adminToken, clinicPath + "/walk-in-settings").statusCode())
                .isEqualTo(200);
        assertThat(putAs(adminToken, clinicPath + "/walk-in-settings", map("prebookedFirst", true))
                        .statusCode())
                .isEqualTo(200);
        var called = postAs(onDuty.token(), "/api/v1/walk-in-queues/" + queue.id() + "/call-next", map());
        assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
        assertThat(called.body()).contains("Талонова");
        assertThat(get("/walk-in/tickets/" + ticket, "Cookie", session(patient.token()))
                        .body())
                .contains("кабинет 12");
        assertThat(postAs(onDuty.token(), "/api/v1/walk-in-tickets/" + ticket + "/finish", map())
                        .statusCode())
                .isEqualTo(200);
    }
}
