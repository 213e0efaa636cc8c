package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import org.medkarta.testing.Phones;

/**
 * The access matrix of issue 7: every role × every endpoint about one record × every kind of owner,
 * over real HTTP. A role the rules of {@link RecordAccess} do not admit gets 404 (or, where the API's
 * sign-in check answers first, 401) and never the record's data; every request that reaches the
 * policy point leaves exactly one decision in the audit trail.
 *
 * <p>The expectations are written out here, from seed 001 and issue 7, not computed by the code
 * under test. Endpoints of modules built later (the record, FHIR) join the {@link #endpoints} list.
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
        ADMIN_OF_ANOTHER_CLINIC
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

    /** One endpoint about one record: what it needs, how to call it, what success looks like. */
    record Endpoint(String name, RecordAction action, int success, Call call) {}

    interface Call {
        HttpResponse<String> send(Actor actor, PatientId owner);
    }

    record Actor(Who who, String token, SignedInUser user) {}

    private final List<UUID> freeSlots = new ArrayList<>();
    private final Map<PatientId, String> documents = new java.util.HashMap<>();
    private String slotDoctor;

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(
                        "GET grants",
                        RecordAction.MANAGE_ACCESS,
                        200,
                        (actor, owner) -> getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/grants")),
                new Endpoint(
                        "POST grants",
                        RecordAction.MANAGE_ACCESS,
                        201,
                        (actor, owner) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/grants",
                                map("granteePhone", Phones.unique(), "level", "VIEW"))),
                new Endpoint(
                        "GET access-log",
                        RecordAction.MANAGE_ACCESS,
                        200,
                        (actor, owner) -> getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/access-log")),
                new Endpoint(
                        "POST appointments for the owner",
                        RecordAction.ACT_FOR,
                        201,
                        (actor, owner) -> postAs(
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
                        (actor, owner) -> getWith(actor.token(), "/api/v1/appointments?patientId=" + owner.value())),
                // The record module's endpoints (branch record, merged).
                new Endpoint(
                        "GET record",
                        RecordAction.VIEW,
                        200,
                        (actor, owner) -> getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/record")),
                new Endpoint(
                        "GET record labs",
                        RecordAction.VIEW,
                        200,
                        (actor, owner) -> getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/record/labs")),
                new Endpoint(
                        "GET contacts",
                        RecordAction.VIEW,
                        200,
                        (actor, owner) -> getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/contacts")),
                new Endpoint(
                        "POST contacts",
                        RecordAction.CONTRIBUTE,
                        201,
                        (actor, owner) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/contacts",
                                map("kind", "PHONE", "value", Phones.unique()))),
                new Endpoint(
                        "POST addresses",
                        RecordAction.CONTRIBUTE,
                        200,
                        (actor, owner) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/addresses",
                                map("which", "ACTUAL", "address", "Москва, ул. Матричная, д. 1"))),
                new Endpoint(
                        "GET record identity",
                        RecordAction.VIEW,
                        200,
                        (actor, owner) ->
                                getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/record/identity")),
                new Endpoint(
                        "POST identity",
                        RecordAction.WRITE,
                        200,
                        (actor, owner) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/identity",
                                map("sex", "MALE", "reason", "По документу"))),
                new Endpoint(
                        "GET documents",
                        RecordAction.VIEW,
                        200,
                        (actor, owner) -> getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/documents")),
                new Endpoint(
                        "GET document content",
                        RecordAction.DOWNLOAD,
                        200,
                        (actor, owner) -> getWith(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/documents/" + documents.get(owner)
                                        + "/content")),
                new Endpoint(
                        "GET diary",
                        RecordAction.VIEW,
                        200,
                        (actor, owner) -> getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/diary")),
                new Endpoint(
                        "POST diary",
                        RecordAction.CONTRIBUTE,
                        201,
                        (actor, owner) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/diary",
                                map("measure", "PULSE", "value", "70"))),
                new Endpoint(
                        "GET diary thresholds",
                        RecordAction.VIEW,
                        200,
                        (actor, owner) ->
                                getWith(actor.token(), "/api/v1/patients/" + owner.value() + "/diary/thresholds")),
                new Endpoint(
                        "POST diary thresholds",
                        RecordAction.WRITE,
                        200,
                        (actor, owner) -> postAs(
                                actor.token(),
                                "/api/v1/patients/" + owner.value() + "/diary/thresholds",
                                map("measure", "PULSE", "low", "50", "high", "120"))),
                new Endpoint(
                        "POST record entry",
                        RecordAction.WRITE,
                        201,
                        (actor, owner) -> postAs(
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
                // Last: an emergency opening lets the doctor read the record afterwards.
                new Endpoint(
                        "POST emergency-access",
                        null,
                        201,
                        (actor, owner) -> postAs(
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
                    long before = lastAuditSeq();
                    var response = endpoint.call().send(actor, record);
                    requests++;
                    String where = owner + " / " + who + " / " + endpoint.name() + ": ";
                    // Someone who may read the record is told "not allowed" (403) by the policy point
                    // itself; anyone else never learns the record exists (404).
                    boolean knowsIt = endpoint.action() != null
                            && endpoint.action() != RecordAction.ACT_FOR
                            && expected(who, owner).contains(RecordAction.VIEW);
                    check(where, endpoint, allowed, knowsIt, response, record, failures);
                    // Anonymous attempts are refused (401) before the policy point; they are audited
                    // all the same, with the patient when the path or a parameter names them.
                    var decisions = who == Who.ANONYMOUS
                            ? anonymousAttemptsSince(before, record)
                            : decisionsSince(before, record);
                    if (who == Who.ANONYMOUS && response.statusCode() != 401) {
                        failures.add(where + "expected 401 but got " + response.statusCode());
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
        assertThat(requests).isGreaterThanOrEqualTo(700);
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

    private void check(
            String where,
            Endpoint endpoint,
            boolean allowed,
            boolean knowsIt,
            HttpResponse<String> response,
            PatientId owner,
            List<String> failures) {
        int status = response.statusCode();
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
        var adult = patient();
        var parentOfChild = patient();
        PatientId child = child(parentOfChild, LocalDate.now(moscow).minusYears(8));

        // The 15-year-old was registered by the parent while still 14.
        var parentOfTeen = patient();
        LocalDate teenBorn = LocalDate.now(moscow).minusYears(15).minusDays(5);
        clock.freezeAt(Instant.now().minus(java.time.Duration.ofDays(10)));
        PatientId teen = child(again(parentOfTeen), teenBorn);
        clock.reset();
        parentOfTeen = again(parentOfTeen);
        var teenAccount = identity.patient(teen).orElseThrow();
        identity.assignPhone(teen, Phones.unique());
        var teenUser = new SignedInUser(
                teenAccount.userId(), "Подросток", teen, List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        var teenSelf = new Person(
                teenUser,
                identity.patient(teen).orElseThrow().phone(),
                identity.tokensFor(teenUser).accessToken());

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
            scheduling.issueReferral(
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
        common.put(Who.ANONYMOUS, new Actor(Who.ANONYMOUS, null, null));
        common.put(Who.OTHER_PATIENT, actor(Who.OTHER_PATIENT, other));
        common.put(Who.VIEW_GRANTEE, actor(Who.VIEW_GRANTEE, viewer));
        common.put(Who.VIEW_DOWNLOAD_GRANTEE, actor(Who.VIEW_DOWNLOAD_GRANTEE, downloader));
        common.put(Who.FULL_GRANTEE, actor(Who.FULL_GRANTEE, full));
        common.put(Who.REVOKED_GRANTEE, actor(Who.REVOKED_GRANTEE, revoked));
        common.put(Who.PARENT_OF_CHILD_UNDER_15, actor(Who.PARENT_OF_CHILD_UNDER_15, parentOfChild));
        common.put(Who.PARENT_OF_15_YEAR_OLD, actor(Who.PARENT_OF_15_YEAR_OLD, parentOfTeen));
        common.put(Who.DOCTOR_IN_CARE, new Actor(Who.DOCTOR_IN_CARE, inCare.token(), inCare.user()));
        common.put(Who.DOCTOR_WITHOUT_CARE, new Actor(Who.DOCTOR_WITHOUT_CARE, notInCare.token(), notInCare.user()));
        common.put(Who.ADMIN_OF_ANOTHER_CLINIC, actor(Who.ADMIN_OF_ANOTHER_CLINIC, adminElsewhere));

        documents.put(adult.patient(), uploadDocument(adult.token(), adult.patient()));
        documents.put(child, uploadDocument(parentOfChild.token(), child));
        documents.put(teen, uploadDocument(teenSelf.token(), teen));

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

    private static Actor actor(Who who, Person person) {
        return new Actor(who, person.token(), person.user());
    }
}
