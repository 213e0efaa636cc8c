package org.medkarta.web;

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
        // Open to anyone.
        walk(all, "/", Who.ANONYMOUS, Who.PATIENT, Who.DOCTOR, Who.REGISTRAR, Who.CLINIC_ADMIN, Who.PLATFORM_ADMIN);
        walk(all, "/clinics", Who.ANONYMOUS, Who.PATIENT);
        walk(all, "/clinics/{id}", Who.ANONYMOUS, Who.PATIENT);
        walk(all, "/clinics/{id}/documents/{kind}", Who.ANONYMOUS);
        walk(all, "/doctors", Who.ANONYMOUS, Who.PATIENT);
        walk(all, "/doctors/{id}", Who.ANONYMOUS, Who.PATIENT);
        walk(all, "/help", Who.ANONYMOUS, Who.PATIENT);
        walk(all, "/sign-in", Who.ANONYMOUS);
        walk(all, "/staff/sign-in", Who.ANONYMOUS);
        walk(all, "/register", Who.ANONYMOUS);
        walk(all, "/password/reset", Who.ANONYMOUS);
        walk(all, "/signatures/verify", Who.ANONYMOUS);
        walk(all, "/device-check", Who.ANONYMOUS, Who.PATIENT);
        // The patient's own pages.
        walk(all, "/booking", Who.PATIENT);
        walk(all, "/booking/doctors/{id}", Who.PATIENT);
        walk(all, "/booking/slots/{id}", Who.PATIENT);
        walk(all, "/appointments", Who.PATIENT);
        walk(all, "/appointments/{id}/files", Who.CLINIC_ADMIN);
        walk(all, "/appointments/{id}/reschedule", Who.PATIENT);
        walk(all, "/appointments/{id}/slip", Who.PATIENT);
        walk(all, "/attachments", Who.PATIENT);
        walk(all, "/record", Who.PATIENT);
        walk(all, "/record/{id}", Who.PATIENT);
        walk(all, "/record/{id}/contacts", Who.PATIENT);
        walk(all, "/record/{id}/diary", Who.PATIENT);
        walk(all, "/record/{id}/entries/{entryId}", Who.PATIENT);
        walk(all, "/record/{id}/extracts/new", Who.PATIENT);
        walk(all, "/record/{id}/labs", Who.PATIENT);
        walk(all, "/record/{id}/questionnaires", Who.PATIENT);
        walk(all, "/record/{id}/uploads", Who.PATIENT);
        walk(all, "/record/{patientId}/access-log", Who.PATIENT);
        walk(all, "/access/records", Who.PATIENT);
        walk(all, "/access/grants", Who.PATIENT);
        walk(all, "/access/children/new", Who.PATIENT);
        walk(all, "/access/record-requests", Who.PATIENT);
        walk(all, "/access/record-requests/new", Who.PATIENT);
        walk(all, "/questionnaires", Who.PATIENT);
        walk(all, "/home-visits", Who.PATIENT);
        walk(all, "/home-visits/new", Who.PATIENT);
        walk(all, "/walk-in", Who.PATIENT);
        walk(all, "/consultations", Who.PATIENT, Who.DOCTOR);
        walk(all, "/consultations/{id}", Who.PATIENT, Who.DOCTOR);
        walk(all, "/notices", Who.PATIENT, Who.DOCTOR);
        walk(all, "/profile", Who.PATIENT, Who.DOCTOR, Who.CLINIC_ADMIN);
        walk(all, "/security", Who.PATIENT, Who.DOCTOR);
        // The doctor's.
        walk(all, "/consultations/colleague", Who.DOCTOR);
        walk(all, "/record/verification", Who.DOCTOR);
        walk(all, "/record/alerts", Who.DOCTOR);
        walk(all, "/access/emergency", Who.DOCTOR);
        walk(all, "/schedule", Who.DOCTOR, Who.CLINIC_ADMIN);
        // The demo patient found by their phone number, whose card the list links to.
        open(all, "/schedule/patients", "/schedule/patients?query=%2B79990000001", Who.DOCTOR, Who.REGISTRAR);
        walk(all, "/schedule/patients/{patientId}", Who.REGISTRAR);
        walk(all, "/referrals", Who.DOCTOR);
        walk(all, "/referrals/new", Who.DOCTOR);
        walk(all, "/referrals/paper/new", Who.REGISTRAR);
        walk(all, "/home-visits/rounds", Who.DOCTOR);
        walk(all, "/walk-in/desk", Who.DOCTOR);
        walk(all, "/profile/signing-key", Who.DOCTOR);
        walk(all, "/dashboards", Who.HEAD_OF_DEPARTMENT, Who.CLINIC_ADMIN);
        walk(all, "/clinics/{id}/dashboard", Who.HEAD_OF_DEPARTMENT, Who.CLINIC_ADMIN);
        // The registry's.
        walk(all, "/access/registry/record-requests", Who.REGISTRAR);
        walk(all, "/registry/home-visits", Who.REGISTRAR);
        walk(all, "/walk-in/registry", Who.REGISTRAR);
        // The clinic's administrator's.
        walk(all, "/admin/clinics", Who.CLINIC_ADMIN, Who.PLATFORM_ADMIN);
        walk(all, "/admin/clinics/{id}", Who.CLINIC_ADMIN);
        walk(all, "/admin/clinics/{id}/attachments", Who.CLINIC_ADMIN);
        walk(all, "/admin/clinics/{id}/doctors", Who.CLINIC_ADMIN);
        walk(all, "/admin/clinics/{id}/doctors/{doctorId}", Who.CLINIC_ADMIN);
        walk(all, "/admin/clinics/{id}/documents/{kind}", Who.CLINIC_ADMIN);
        walk(all, "/admin/clinics/{id}/fhir-import", Who.CLINIC_ADMIN);
        walk(all, "/admin/clinics/{id}/questionnaires", Who.CLINIC_ADMIN);
        walk(all, "/admin/clinics/{id}/services", Who.CLINIC_ADMIN);
        walk(all, "/admin/clinics/{id}/services/{serviceId}", Who.CLINIC_ADMIN);
        walk(all, "/admin/clinics/{id}/signing", Who.CLINIC_ADMIN);
        walk(all, "/admin/clinics/{id}/trust-anchors", Who.CLINIC_ADMIN);
        walk(all, "/admin/guardianships", Who.CLINIC_ADMIN, Who.PLATFORM_ADMIN);
        walk(all, "/schedule/doctors/{id}", Who.CLINIC_ADMIN);
        walk(all, "/schedule/templates/{id}/edit", Who.CLINIC_ADMIN);
        walk(all, "/support/queue", Who.CLINIC_ADMIN, Who.PLATFORM_ADMIN);
        walk(all, "/walk-in/admin", Who.CLINIC_ADMIN);
        walk(all, "/walk-in/load", Who.CLINIC_ADMIN);
        // The platform's administrator's.
        walk(all, "/admin/clinics/new", Who.PLATFORM_ADMIN);
        walk(all, "/admin/audit", Who.PLATFORM_ADMIN);
        walk(all, "/admin/terminology", Who.PLATFORM_ADMIN);
        open(all, "/sign-in/code", "/sign-in/code?phone=%2B79990000009", Who.ANONYMOUS);
        walk(all, "/security/totp", Who.PLATFORM_ADMIN);
        // Reached as the demo data allows: walked by whoever reaches them, required of no role.
        optional(
                all,
                "/access/grants/{id}/{step:confirm|level|revoke}",
                "/access/registry/record-requests/{id}",
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
        aside(all, "Development tooling, absent in production.", "/dev/outbox");
        ALL = Collections.unmodifiableMap(all);
    }

    private AccessiblePages() {}

    /** Whether the page is set aside, not walked. */
    static boolean aside(String pattern) {
        var entry = ALL.get(pattern);
        return entry != null && entry.notWalked() != null;
    }

    private static void walk(Map<String, Entry> all, String pattern, Who... who) {
        put(all, new Entry(pattern, EnumSet.of(who[0], who), null, null));
    }

    private static void open(Map<String, Entry> all, String pattern, String path, Who... who) {
        put(all, new Entry(pattern, EnumSet.of(who[0], who), path, null));
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
