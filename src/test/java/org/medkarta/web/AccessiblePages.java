package org.medkarta.web;

import static org.medkarta.web.AccessiblePages.Who.ANONYMOUS;
import static org.medkarta.web.AccessiblePages.Who.CLINIC_ADMIN;
import static org.medkarta.web.AccessiblePages.Who.DOCTOR;
import static org.medkarta.web.AccessiblePages.Who.HEAD_OF_DEPARTMENT;
import static org.medkarta.web.AccessiblePages.Who.PATIENT;
import static org.medkarta.web.AccessiblePages.Who.PLATFORM_ADMIN;
import static org.medkarta.web.AccessiblePages.Who.REGISTRAR;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every page the app serves (a {@code GET} handler of a {@code @Controller} that renders a view), by
 * who sees it, for {@link AccessibilityBrowserIT} (issue 22): that test signs in as each role listed
 * here and checks each of the role's pages with axe-core, and fails when a page handler of the
 * running app is not listed here, or an entry names a page the app no longer serves. A page is
 * either walked as the roles named, or set aside with the reason (a fragment of another page, a page
 * behind a one-off token, development tooling).
 */
final class AccessiblePages {

    /** Who opens a page: the demo accounts (ARCHITECTURE.md), a registrar invited to the demo clinic, no one signed in. */
    enum Who {
        ANONYMOUS,
        PATIENT,
        DOCTOR,
        HEAD_OF_DEPARTMENT,
        REGISTRAR,
        CLINIC_ADMIN,
        PLATFORM_ADMIN
    }

    /**
     * A page pattern as Spring maps it; {@code path} is where to open it when nothing links to it (a
     * pattern without variables is opened as it is), {@code notWalked} the reason it is set aside.
     */
    record Entry(String pattern, Set<Who> who, String path, String notWalked) {}

    static final Map<String, Entry> ALL;

    static {
        var all = new LinkedHashMap<String, Entry>();
        walk(all, EnumSet.complementOf(EnumSet.of(HEAD_OF_DEPARTMENT)), "/");
        // Open to anyone.
        walk(
                all,
                EnumSet.of(ANONYMOUS),
                "/clinics/{id}/documents/{kind}",
                "/sign-in",
                "/staff/sign-in",
                "/register",
                "/password/reset",
                "/signatures/verify");
        walk(all, EnumSet.of(ANONYMOUS, PATIENT), "/clinics", "/clinics/{id}", "/doctors", "/doctors/{id}");
        walk(all, EnumSet.of(ANONYMOUS, PATIENT), "/help", "/device-check", "/clinics/near");
        // The patient's own pages.
        walk(
                all,
                EnumSet.of(PATIENT),
                "/booking",
                "/booking/doctors/{id}",
                "/booking/slots/{id}",
                "/appointments",
                "/appointments/{id}/reschedule",
                "/appointments/{id}/slip",
                "/attachments",
                "/record",
                "/record/{id}",
                "/record/{id}/contacts",
                "/record/{id}/diary",
                "/record/{id}/entries/{entryId}",
                "/record/{id}/extracts/new",
                "/record/{id}/labs",
                "/record/{id}/questionnaires",
                "/record/{id}/uploads",
                "/record/{patientId}/access-log",
                "/access/records",
                "/access/grants",
                "/access/children/new",
                "/access/record-requests",
                "/access/record-requests/new",
                "/questionnaires",
                "/home-visits",
                "/home-visits/new",
                "/walk-in",
                "/profile/close",
                "/profile/telegram");
        walk(all, EnumSet.of(PATIENT, DOCTOR), "/consultations", "/consultations/{id}", "/notices", "/security");
        walk(all, EnumSet.of(PATIENT, DOCTOR, CLINIC_ADMIN), "/profile");
        // The doctor's.
        walk(
                all,
                EnumSet.of(DOCTOR),
                "/consultations/colleague",
                "/record/verification",
                "/record/alerts",
                "/access/emergency",
                "/referrals",
                "/referrals/new",
                "/home-visits/rounds",
                "/walk-in/desk",
                "/profile/signing-key");
        walk(all, EnumSet.of(DOCTOR, CLINIC_ADMIN), "/schedule");
        // The demo patient found by their phone number, whose card the list links to.
        open(all, "/schedule/patients", "/schedule/patients?query=%2B79990000001", EnumSet.of(DOCTOR, REGISTRAR));
        walk(all, EnumSet.of(HEAD_OF_DEPARTMENT, CLINIC_ADMIN), "/dashboards", "/clinics/{id}/dashboard");
        // The registry's.
        walk(
                all,
                EnumSet.of(REGISTRAR),
                "/schedule/patients/{patientId}",
                "/referrals/paper/new",
                "/access/registry/record-requests",
                "/registry/home-visits",
                "/walk-in/registry");
        // The clinic's administrator's.
        walk(
                all,
                EnumSet.of(CLINIC_ADMIN),
                "/appointments/{id}/files",
                "/admin/clinics/{id}",
                "/admin/clinics/{id}/attachments",
                "/admin/clinics/{id}/doctors",
                "/admin/clinics/{id}/doctors/{doctorId}",
                "/admin/clinics/{id}/documents/{kind}",
                "/admin/clinics/{id}/fhir-import",
                "/admin/clinics/{id}/questionnaires",
                "/admin/clinics/{id}/services",
                "/admin/clinics/{id}/services/{serviceId}",
                "/admin/clinics/{id}/signing",
                "/admin/clinics/{id}/trust-anchors",
                "/schedule/doctors/{id}",
                "/schedule/templates/{id}/edit",
                "/walk-in/admin",
                "/walk-in/load");
        walk(all, EnumSet.of(CLINIC_ADMIN, PLATFORM_ADMIN), "/admin/clinics", "/admin/guardianships", "/support/queue");
        // The platform's administrator's.
        walk(
                all,
                EnumSet.of(PLATFORM_ADMIN),
                "/admin/clinics/new",
                "/admin/audit",
                "/admin/terminology",
                "/security/totp");
        open(all, "/sign-in/code", "/sign-in/code?phone=%2B79990000009", EnumSet.of(ANONYMOUS));
        // Reached as the demo data allows: walked by whoever reaches them, required of no role.
        optional(
                all,
                "/access/grants/{id}/{step:confirm|level|revoke}",
                "/access/registry/record-requests/{id}",
                "/admin/clinics/{id}/payments",
                "/admin/payments",
                "/appointments/{id}/payment",
                "/payments/{id}",
                "/admin/questionnaires/{qid}",
                "/consultations/{id}/phone-call",
                "/consultations/{id}/slots",
                "/conversations/{id}",
                "/home-visits/rounds/{id}",
                "/questionnaires/{qid}/fill",
                "/record/shared-identifiers",
                "/record/{id}/identity",
                "/record/{id}/entries/new",
                "/record/{id}/entries/{entryId}/correct",
                "/record/{id}/extracts/{extractId}",
                "/record/{id}/questionnaires/{responseId}",
                "/registry/clinics/{id}/home-visits",
                "/walk-in/board/{id}",
                "/walk-in/kiosk/{id}",
                "/walk-in/tickets/{id}");
        aside(
                all,
                "A fragment htmx swaps into its page, checked as part of that page.",
                "/clinics/near/list",
                "/home-visits/offer-fragment",
                "/questionnaires/tasks-fragment",
                "/record/{id}/questionnaires/panel",
                "/terminology/icd10/options",
                "/walk-in/load/rows",
                "/walk-in/tickets/{id}/status");
        aside(
                all,
                "Opened only from a one-off link sent by e-mail or SMS, whose token the walk cannot have.",
                "/access/invitations/{id}",
                "/password/set",
                "/register/confirm");
        aside(
                all,
                "Needs an import job started by a file upload, which the walk does not make.",
                "/admin/clinics/{id}/fhir-import/{job}");
        aside(all, "Development tooling, absent in production.", "/dev/outbox", "/payments/test-gateway/{id}");
        ALL = Collections.unmodifiableMap(all);
    }

    private AccessiblePages() {}

    /** Whether the page is set aside, not walked. */
    static boolean aside(String pattern) {
        var entry = ALL.get(pattern);
        return entry != null && entry.notWalked() != null;
    }

    /** Pages the roles {@code who} reach by following links from home or open as they are. */
    private static void walk(Map<String, Entry> all, Set<Who> who, String... patterns) {
        for (String pattern : patterns) {
            put(all, new Entry(pattern, who, null, null));
        }
    }

    /** A page the roles {@code who} open at {@code path}, as nothing links to it. */
    private static void open(Map<String, Entry> all, String pattern, String path, Set<Who> who) {
        put(all, new Entry(pattern, who, path, null));
    }

    private static void optional(Map<String, Entry> all, String... patterns) {
        for (String pattern : patterns) {
            put(all, new Entry(pattern, EnumSet.noneOf(Who.class), null, null));
        }
    }

    private static void aside(Map<String, Entry> all, String reason, String... patterns) {
        for (String pattern : patterns) {
            put(all, new Entry(pattern, EnumSet.noneOf(Who.class), null, reason));
        }
    }

    private static void put(Map<String, Entry> all, Entry entry) {
        if (all.put(entry.pattern(), entry) != null) {
            throw new IllegalStateException("listed twice: " + entry.pattern());
        }
    }
}
