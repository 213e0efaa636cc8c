package org.medkarta.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every endpoint of the app, API and pages of every module, by who may call it and where that is
 * tested (issue 12). {@link EndpointInventoryIT} fails when the running app maps an endpoint not
 * listed here, or when an entry lists one it no longer maps. Add a new endpoint at merge with its
 * kind and the reason, in its module's block.
 */
final class EndpointClassification {

    enum Kind {
        /** Called by a row of {@link AccessMatrixIT} for every role and kind of owner. */
        MATRIX,
        /** Open to anyone: sign-in, registration, the public catalogue, static documents. */
        PUBLIC,
        /** About the caller's own account or data only; nothing of another person is reachable. */
        SELF_ONLY,
        /** Staff only, each answering 404 outside the caller's clinic (or role) as the reason says. */
        STAFF_ONLY,
        /** About one record or consultation, decided per person by the module's facade, tested where the reason says. */
        PER_PERSON,
        /** Framework, documentation, development and test tooling. */
        INFRASTRUCTURE
    }

    record Entry(Kind kind, String reason) {}

    static final Map<String, Entry> ALL;

    static {
        var all = new LinkedHashMap<String, Entry>();
        add(
                all,
                Kind.MATRIX,
                "Called by AccessMatrixIT for every role.",
                "DELETE /api/v1/policies/{id}",
                "GET /api/v1/appointments",
                "GET /api/v1/booking/patients",
                "GET /api/v1/grants/{id}",
                "GET /api/v1/patient-records",
                "GET /api/v1/patient-records/{patientId}",
                "GET /api/v1/patients/{id}/contacts",
                "GET /api/v1/patients/{id}/diary",
                "GET /api/v1/patients/{id}/diary/thresholds",
                "GET /api/v1/extracts/{extractId}",
                "GET /api/v1/patients/{id}/questionnaire-responses",
                "GET /api/v1/patients/{id}/documents",
                "GET /api/v1/patients/{id}/documents/{uploadId}/content",
                "GET /api/v1/patients/{id}/extracts",
                "GET /api/v1/patients/{id}/record",
                "GET /api/v1/patients/{id}/record/entries/{entryId}",
                "GET /api/v1/patients/{id}/record/identity",
                "GET /api/v1/patients/{id}/record/labs",
                "GET /api/v1/patients/{id}/record/labs/{code}",
                "GET /api/v1/patients/{patientId}/access-log",
                "GET /api/v1/patients/{patientId}/grants",
                "GET /api/v1/patients/{patientId}/policies",
                "GET /record/{id}",
                "GET /record/{id}/contacts",
                "GET /record/{id}/diary",
                "GET /record/{id}/entries/new",
                "GET /record/{id}/entries/{entryId}",
                "GET /record/{id}/entries/{entryId}/correct",
                "GET /record/{id}/extracts/new",
                "GET /record/{id}/extracts/{extractId}",
                "GET /record/{id}/identity",
                "GET /record/{id}/labs",
                "GET /record/{id}/uploads",
                "GET /record/{id}/uploads/{uploadId}/file",
                "GET /record/{patientId}/access-log",
                "GET /schedule/patients",
                "GET /schedule/patients/{patientId}",
                "POST /api/v1/appointments",
                "POST /api/v1/grants/{id}/revoke",
                "POST /api/v1/patients/{id}/addresses",
                "POST /api/v1/patients/{id}/identity-document",
                "POST /api/v1/patients/{id}/region",
                "POST /api/v1/patients/{id}/contacts",
                "POST /api/v1/patients/{id}/contacts/{contactId}/remove",
                "POST /api/v1/patients/{id}/diary",
                "POST /api/v1/patients/{id}/diary/thresholds",
                "POST /api/v1/patients/{id}/documents",
                "POST /api/v1/patients/{id}/documents/{uploadId}/reject",
                "POST /api/v1/patients/{id}/documents/{uploadId}/verify",
                "POST /api/v1/patients/{id}/extracts",
                "POST /api/v1/patients/{id}/identity",
                "POST /api/v1/patients/{id}/record/entries",
                "POST /api/v1/patients/{id}/record/entries/{entryId}/corrections",
                "POST /api/v1/patients/{id}/record/entries/{entryId}/entered-in-error",
                "POST /api/v1/patients/{patientId}/emergency-access",
                "POST /api/v1/patients/{patientId}/grants",
                "POST /api/v1/patients/{patientId}/policies",
                "PUT /api/v1/patient-records/{patientId}/snils");
        add(
                all,
                Kind.MATRIX,
                "Record-access requests (SPEC E0): called by AccessMatrixIT.recordAccessRequestsAreTheirAuthorsAndTheirClinicsRegistrysAlone for the author, another patient, the clinic's registrar and administrator, a doctor caring for the record, staff of another clinic and anonymous callers.",
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
        add(
                all,
                Kind.MATRIX,
                "The doctor's referrals section (issue 23): called by AccessMatrixIT.referralsAreTheirIssuingDoctorsAndTheirClinicsRegistrysAlone for the patient, another patient, a doctor and a registrar of another clinic, the clinic's administrator, a colleague of the issuing doctor and anonymous callers; the rules in ReferralDeskIT.",
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
        add(
                all,
                Kind.MATRIX,
                "The walk-in queue (SPEC C9, issue 19): called by AccessMatrixIT.walkInTicketsAreTheirPatientsAndTheirQueuesStaffsAlone for the patient, another patient, a doctor of the clinic off duty, a doctor, registrar and administrator of another clinic, the clinic's registrar and administrator, the doctor on duty and anonymous callers; the rules in WalkInQueuesIT, WalkInTicketsIT, WalkInCallsIT and WalkInBoardsIT.",
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
        add(
                all,
                Kind.PUBLIC,
                "The walk-in queue's public faces (SPEC C9, seed 002): a clinic's queues of a day (names, rooms, hours, doctors on duty, no patient), the waiting-room board (numbers and rooms only, no name) and the kiosk at the entrance, where a patient signs in by an SMS code (identity's limits per phone and address) or by policy number and birth date to take a ticket; nothing of anyone is shown but the ticket just taken (WalkInQueuesIT, WalkInTicketsIT, WalkInBrowserIT).",
                "GET /api/v1/clinics/{id}/walk-in-queues",
                "GET /api/v1/walk-in-queues/{id}/board",
                "GET /walk-in/board/{id}",
                "GET /walk-in/kiosk/{id}",
                "POST /walk-in/kiosk/{id}/code",
                "POST /walk-in/kiosk/{id}/ticket");
        add(
                all,
                Kind.SELF_ONLY,
                "The patient's walk-in page (SPEC C9): today's queues and the caller's own tickets; a ticket is taken for the caller alone (WalkInBrowserIT). The doctor's desk lists only the queues the caller is on duty in today.",
                "GET /walk-in",
                "POST /walk-in/queues/{id}/tickets",
                "GET /walk-in/desk");
        add(
                all,
                Kind.STAFF_ONLY,
                "The walk-in queue's staff pages (SPEC C9): the desk's buttons post to the facade calls the API rows of the matrix make (404 for anyone not on duty in the queue); the administrator's queues and priorities (404 outside the clinics the caller administers); the registry desk (registrars and administrators, for patients their clinic's registry keeps, 404 otherwise) (WalkInBrowserIT).",
                "POST /walk-in/desk/queues/{id}/call-next",
                "POST /walk-in/desk/tickets/{id}/no-show",
                "POST /walk-in/desk/tickets/{id}/finish",
                "GET /walk-in/admin",
                "POST /walk-in/admin/queues",
                "POST /walk-in/admin/settings",
                "GET /walk-in/registry",
                "POST /walk-in/registry/tickets");
        add(
                all,
                Kind.MATRIX,
                "Clinic dashboards and heads of department (SPEC J3, issue 19): called by AccessMatrixIT.aClinicsDashboardIsItsAdministratorsAndItsHeadsOfDepartmentAlone for the clinic's administrator, a head of department (also after removal), another doctor of the clinic, its registrar, another clinic's administrator, doctor and head of department, a patient and anonymous callers; the figures in ClinicDashboardIT.",
                "GET /api/v1/clinics/{id}/dashboard",
                "GET /api/v1/clinics/{id}/dashboard.csv",
                "GET /clinics/{id}/dashboard",
                "GET /clinics/{id}/dashboard.csv",
                "GET /api/v1/clinics/{id}/heads-of-department",
                "PUT /api/v1/clinics/{id}/doctors/{doctorId}/head-of-department",
                "DELETE /api/v1/clinics/{id}/doctors/{doctorId}/head-of-department",
                "POST /admin/clinics/{id}/doctors/{doctorId}/head-of-department");
        add(
                all,
                Kind.SELF_ONLY,
                "The dashboards the caller may see (issue 19): their own clinics' only, listed or redirected to (ClinicDashboardBrowserIT).",
                "GET /dashboards");
        add(
                all,
                Kind.MATRIX,
                "Home visit requests (issue 23): called by AccessMatrixIT.homeVisitsAreTheirPatientsSideTheirClinicsRegistrysAndTheirDoctorsAlone for the patient, another patient, a doctor, a registrar and an administrator of another clinic, the clinic's registrar, the assigned doctor and anonymous callers; the rules in HomeVisitIT.",
                AccessMatrixIT.HOME_VISIT_ENDPOINTS.toArray(String[]::new));
        add(
                all,
                Kind.SELF_ONLY,
                "The signed-in person's own home visit pages: the records they ask for (own, children under 15, FULL grants), each decided by RecordAccess ACT_FOR; the doctor's own visits of a day; the registry's entry to its own clinic's queue.",
                "GET /home-visits",
                "GET /home-visits/offer-fragment",
                "GET /home-visits/rounds",
                "GET /registry/home-visits");
        add(
                all,
                Kind.STAFF_ONLY,
                "A clinic's rules for home visit requests (issue 23): its administrators only; a patient, a registrar"
                        + " and an administrator of another clinic get 404 (HomeVisitIT).",
                "GET /api/v1/clinics/{id}/home-visit-settings",
                "PUT /api/v1/clinics/{id}/home-visit-settings");
        add(
                all,
                Kind.SELF_ONLY,
                "The patient's own record-access requests and the form to file one (SPEC E0): the caller's own only; filing posts to the facade call the API row makes (RecordRequestsIT, RecordRequestBrowserIT).",
                "GET /access/record-requests",
                "GET /access/record-requests/new",
                "POST /access/record-requests");
        add(
                all,
                Kind.STAFF_ONLY,
                "The registry's queue of record-access requests (SPEC E0): registrars and administrators of the clinic the request went to, others 404; each form posts to the facade call the API row of the matrix makes (RecordRequestBrowserIT).",
                "GET /access/registry/record-requests",
                "POST /access/registry/record-requests/settings",
                "POST /access/registry/record-requests/{id}/take",
                "POST /access/registry/record-requests/{id}/approve",
                "POST /access/registry/record-requests/{id}/refuse");
        add(
                all,
                Kind.PUBLIC,
                "The public catalogue: clinics, doctors, specialties, regions, published documents and logos (SPEC B1-B5); no patient data.",
                "GET /",
                "GET /api/v1/catalogue/clinics",
                "GET /api/v1/catalogue/clinics/{id}",
                "GET /api/v1/catalogue/clinics/{id}/services",
                "GET /api/v1/catalogue/clinics/near",
                "GET /clinics/near",
                "GET /clinics/near/list",
                "GET /api/v1/terms",
                "GET /api/v1/clinics/{id}/documents/{kind}",
                "GET /api/v1/clinics/{id}/documents/{kind}/{version}",
                "GET /api/v1/clinics/{id}/documents/{kind}/{version}.pdf",
                "GET /api/v1/clinics/{id}/logo",
                "GET /api/v1/doctors",
                "GET /api/v1/doctors/{id}",
                "GET /api/v1/doctors/{id}/photo",
                "GET /api/v1/regions",
                "GET /api/v1/slots",
                "GET /api/v1/slots/days",
                "GET /api/v1/specialties",
                "GET /booking",
                "GET /booking/doctors/{id}",
                "GET /clinics",
                "GET /clinics/{id}",
                "GET /clinics/{id}/documents/{kind}",
                "GET /device-check",
                "GET /doctors",
                "GET /doctors/{id}");
        add(
                all,
                Kind.PUBLIC,
                "Telegram's webhook (SPEC J4): the secret path segment and the X-Telegram-Bot-Api-Secret-Token header are the"
                        + " credential; anything else is a bare 404, and a chat acts only for the account it was linked to by a"
                        + " one-time code (TelegramBotIT).",
                "POST /api/v1/bot/telegram/{secret}");
        add(
                all,
                Kind.SELF_ONLY,
                "The patient's own Telegram link (SPEC J4): a one-time code for the caller's own account and unlinking it;"
                        + " patients only, nothing of another person is reachable (TelegramBotIT).",
                "GET /profile/telegram",
                "POST /profile/telegram/code",
                "POST /profile/telegram/unlink");
        add(
                all,
                Kind.PUBLIC,
                "The private calendar feed: the unguessable secret in the path is the credential; an unknown or renewed one answers 404 (SPEC C7).",
                "GET /calendar/{secret}.ics");
        add(
                all,
                Kind.PUBLIC,
                "Sign-in, registration and password reset: open by design, limited per phone/address (SPEC A2, A4, A5).",
                "GET /password/reset",
                "GET /password/set",
                "GET /register",
                "GET /register/confirm",
                "GET /sign-in",
                "GET /sign-in/code",
                "GET /staff/sign-in",
                "POST /api/v1/auth/login",
                "POST /api/v1/auth/otp",
                "POST /api/v1/auth/otp/verify",
                "POST /api/v1/auth/password-reset",
                "POST /api/v1/auth/refresh",
                "POST /api/v1/patients/register",
                "POST /password/reset",
                "POST /password/set",
                "POST /register",
                "POST /sign-in",
                "POST /sign-in/code",
                "POST /staff/sign-in");
        add(
                all,
                Kind.SELF_ONLY,
                "The patient's own bookings, referrals, calendar feed, attachments and acceptances; staff actions on them go through the scheduling and clinic facades, which answer 404 to others (BookingIT, CalendarFilesIT, PatientAttachmentsIT).",
                "DELETE /api/v1/calendar-feed",
                "GET /api/v1/calendar-feed",
                "GET /api/v1/clinics/{id}/acceptance",
                "GET /api/v1/referrals",
                "GET /appointments",
                "GET /appointments/{id}/calendar.ics",
                "GET /appointments/{id}/reschedule",
                "GET /attachments",
                "GET /booking/slots/{id}",
                "GET /help",
                "POST /api/v1/calendar-feed/renew",
                "POST /api/v1/clinics/{id}/acceptance",
                "POST /api/v1/attachments/{id}/appeal",
                "POST /attachments/{id}/appeal",
                "POST /api/v1/clinics/{id}/attachments",
                "POST /appointments/calendar-feed/renew",
                "POST /appointments/{id}/cancel",
                "POST /appointments/{id}/reschedule",
                "POST /booking/slots/{id}",
                "POST /clinics/{id}/attach",
                "POST /help");
        add(
                all,
                Kind.PER_PERSON,
                "The printable appointment slip (issue 23): the scheduling Slips facade lets the patient, a representative the access module admits and the staff of the appointment's clinic see it, and answers 404 to anyone else (AccessMatrixIT.anAppointmentSlipIsItsPatientsItsRepresentativesAndItsClinicsStaffsAlone, SlipsIT).",
                "GET /api/v1/appointments/{id}/slip");
        add(
                all,
                Kind.PER_PERSON,
                "The printable appointment slip's page and its PDF download (issue 23): the same scheduling Slips facade as the API decides, 404 to anyone who may not read the appointment, 409 with the reason in place for a cancelled one (SlipBrowserIT, AccessMatrixIT).",
                "GET /appointments/{id}/slip",
                "GET /appointments/{id}/slip.pdf");
        add(
                all,
                Kind.SELF_ONLY,
                "The records the person may switch between, their own invitations and children (SPEC F1, F3, F5); decided for the caller only.",
                "GET /access/children/new",
                "GET /access/grants",
                "GET /access/grants/{id}/{step:confirm|level|revoke}",
                "GET /access/invitations/{id}",
                "GET /access/records",
                "GET /api/v1/children",
                "GET /api/v1/invitations",
                "GET /record",
                "POST /access/children",
                "POST /access/grants",
                "POST /access/grants/{id}/confirm",
                "POST /access/grants/{id}/level",
                "POST /access/grants/{id}/level/request",
                "POST /access/grants/{id}/revoke",
                "POST /access/grants/{id}/revoke/request",
                "POST /access/invitations/{id}/accept",
                "POST /access/invitations/{id}/code",
                "POST /access/records/current",
                "POST /api/v1/children",
                "POST /api/v1/grants/{id}/confirm",
                "POST /api/v1/grants/{id}/level",
                "POST /api/v1/invitations/{id}/accept",
                "POST /api/v1/invitations/{id}/code");
        add(
                all,
                Kind.SELF_ONLY,
                "The signed-in person's own account, sessions, TOTP, notices and preferences; no other person is addressable.",
                "GET /api/v1/me",
                "GET /api/v1/me/notification-preferences",
                "GET /api/v1/me/sign-ins",
                "GET /api/v1/notices",
                "GET /api/v1/notices/unread-count",
                "GET /notices",
                "GET /profile",
                "GET /security",
                "GET /security/totp",
                "POST /api/v1/auth/logout",
                "POST /api/v1/me/totp",
                "POST /api/v1/me/totp/confirm",
                "POST /api/v1/notices/read-all",
                "POST /api/v1/notices/{id}/read",
                "POST /notices/preferences",
                "POST /notices/read-all",
                "POST /notices/{id}/read",
                "POST /security/sign-out-others",
                "POST /security/totp",
                "PUT /api/v1/me/notification-preferences");
        add(
                all,
                Kind.PER_PERSON,
                "Questionnaire answers and what a patient is asked to fill (SPEC E9): RecordAccess VIEW to read,"
                        + " CONTRIBUTE to fill; another patient or unrelated staff 404 (FillingIT).",
                "GET /api/v1/patients/{id}/questionnaire-tasks",
                "POST /api/v1/questionnaires/{id}/responses",
                "GET /record/{id}/questionnaires",
                "GET /record/{id}/questionnaires/panel",
                "GET /record/{id}/questionnaires/{responseId}",
                "GET /questionnaires/{qid}/fill",
                "POST /questionnaires/{qid}/fill");
        add(
                all,
                Kind.SELF_ONLY,
                "The signed-in person's own questionnaires: the records they fill for (own, children, FULL grants), each decided by RecordAccess.",
                "GET /questionnaires",
                "GET /questionnaires/tasks-fragment");
        add(
                all,
                Kind.STAFF_ONLY,
                "Questionnaire definitions (SPEC E9): the clinic's administrators; a published version is readable by anyone signed in"
                        + " (no patient data); drafts and every change answer 404 outside the clinic (DefinitionsIT).",
                "GET /api/v1/clinics/{id}/questionnaires",
                "POST /api/v1/clinics/{id}/questionnaires",
                "GET /api/v1/questionnaires/{id}",
                "PUT /api/v1/questionnaires/{id}",
                "POST /api/v1/questionnaires/{id}/publish",
                "POST /api/v1/questionnaires/{id}/versions",
                "POST /api/v1/questionnaires/{id}/assignments",
                "GET /admin/clinics/{id}/questionnaires",
                "POST /admin/clinics/{id}/questionnaires",
                "GET /admin/questionnaires/{qid}",
                "POST /admin/questionnaires/{qid}",
                "POST /admin/questionnaires/{qid}/items",
                "POST /admin/questionnaires/{qid}/items/{linkId}/remove",
                "POST /admin/questionnaires/{qid}/publish",
                "POST /admin/questionnaires/{qid}/versions",
                "POST /admin/questionnaires/{qid}/send");
        add(
                all,
                Kind.PER_PERSON,
                "The whole record as a FHIR Bundle: whoever may download from the record (RecordAccess DOWNLOAD);"
                        + " a VIEW grantee 403, anyone else 404 (FhirEverythingIT).",
                "GET /record/{id}/fhir");
        add(
                all,
                Kind.PER_PERSON,
                "An extract's PDF and signature, and the order form's post (SPEC E10): the same RecordAccess DOWNLOAD"
                        + " decision as the extract's matrix rows; a VIEW grantee 403, anyone else 404 (ExtractsIT).",
                "GET /api/v1/extracts/{extractId}.pdf",
                "GET /api/v1/extracts/{extractId}.pdf.sig",
                "GET /record/{id}/extracts/{extractId}/extract.pdf",
                "GET /record/{id}/extracts/{extractId}/extract.pdf.sig",
                "POST /record/{id}/extracts");
        add(
                all,
                Kind.PER_PERSON,
                "One appointment: its patient, whoever acts for them and the staff managing the doctor; anyone else 404 (BookingIT, AppointmentChangesIT, AppointmentFilesIT).",
                "GET /api/v1/appointments/{id}/files",
                "GET /api/v1/appointments/{id}/files/{fileId}",
                "POST /api/v1/appointments/{id}/files",
                "GET /appointments/{id}/files",
                "GET /appointments/{id}/files/{fileId}",
                "POST /appointments/{id}/files",
                "POST /api/v1/appointments/{id}/no-show",
                "POST /appointments/{id}/no-show",
                "GET /api/v1/appointments/{id}",
                "GET /api/v1/appointments/{id}/ics",
                "POST /api/v1/appointments/{id}/cancel",
                "POST /api/v1/appointments/{id}/reschedule");
        add(
                all,
                Kind.PER_PERSON,
                "One consultation or its room: its patient (or representative), its doctor and the doctor or paramedic who asked; anyone else 404 (ConsultationRequestsIT, ChatMessagesIT, RepresentedConsultationIT, ParamedicConsultationIT).",
                "GET /api/v1/consultation-referrals",
                "GET /api/v1/consultations",
                "GET /api/v1/consultations/{id}",
                "GET /api/v1/consultations/{id}/calls",
                "GET /api/v1/consultations/{id}/files",
                "GET /api/v1/consultations/{id}/files/{fileId}",
                "GET /api/v1/consultations/{id}/messages",
                "GET /api/v1/consultations/{id}/messages/unread",
                "GET /api/v1/consultations/{id}/protocol",
                "GET /api/v1/consultations/{id}/protocol.pdf",
                "GET /api/v1/consultations/{id}/referrals",
                "GET /api/v1/ice-servers",
                "GET /consultations",
                "GET /consultations/colleague",
                "GET /consultations/{id}",
                "GET /consultations/{id}/files/{file}",
                "GET /consultations/{id}/protocol.pdf",
                "GET /consultations/{id}/slots",
                "GET /conversations/ice-servers",
                "GET /conversations/{id}",
                "GET /conversations/{id}/files/{fileId}",
                "GET /conversations/{id}/messages",
                "POST /api/v1/consultations/doctor-to-doctor",
                "POST /api/v1/consultations/{id}/addenda",
                "POST /api/v1/consultations/{id}/attachments",
                "POST /api/v1/consultations/{id}/bookings",
                "POST /api/v1/consultations/{id}/messages",
                "POST /api/v1/consultations/{id}/messages/files",
                "POST /api/v1/consultations/{id}/messages/read",
                "POST /api/v1/consultations/{id}/protocol",
                "POST /api/v1/consultations/{id}/referrals",
                "POST /api/v1/consultations/{id}/take",
                "POST /consultations/colleague",
                "POST /consultations/{id}/addenda",
                "POST /consultations/{id}/attachments",
                "POST /consultations/{id}/bookings",
                "POST /consultations/{id}/protocol",
                "POST /consultations/{id}/referrals",
                "POST /consultations/{id}/request",
                "POST /consultations/{id}/take",
                "POST /conversations/{id}/files",
                "POST /conversations/{id}/messages",
                "POST /conversations/{id}/read",
                "PUT /api/v1/consultations/{id}/request");
        add(
                all,
                Kind.PER_PERSON,
                "A record's page or action not in the matrix: the same RecordAccess decision as its matrix row (a page posts to the facade call the API row makes).",
                "POST /record/{id}/addresses",
                "POST /record/{id}/contacts",
                "POST /record/{id}/contacts/{contactId}/remove",
                "POST /record/{id}/diary",
                "POST /record/{id}/diary/thresholds",
                "POST /record/{id}/entries",
                "POST /record/{id}/entries/{entryId}/correct",
                "POST /record/{id}/entries/{entryId}/entered-in-error",
                "POST /record/{id}/identity",
                "POST /record/{id}/identity-document",
                "POST /record/{id}/region",
                "POST /record/{id}/uploads",
                "POST /record/{id}/uploads/{uploadId}/reject",
                "POST /record/{id}/uploads/{uploadId}/verify");
        add(
                all,
                Kind.STAFF_ONLY,
                "Schedules: the doctor, their clinic's administrators and (to read and book) registrars; others 404 (ScheduleTemplatesIT, DoctorSchedulesIT).",
                "DELETE /api/v1/schedule-templates/{id}",
                "GET /api/v1/doctors/{id}/calendar",
                "GET /api/v1/doctors/{id}/schedule-templates",
                "GET /api/v1/schedule-templates/{id}",
                "GET /schedule",
                "GET /schedule/doctors/{id}",
                "GET /schedule/templates/{id}/edit",
                "POST /api/v1/doctors/{id}/schedule-templates",
                "POST /api/v1/doctors/{id}/slots",
                "POST /api/v1/schedule-templates/{id}/activate",
                "POST /api/v1/schedule-templates/{id}/deactivate",
                "POST /api/v1/slots/{id}/close",
                "POST /api/v1/slots/{id}/open",
                "POST /schedule/clinics/{clinicId}/horizon",
                "POST /schedule/doctors/{id}/book",
                "POST /schedule/doctors/{id}/patients",
                "POST /schedule/doctors/{id}/templates",
                "POST /schedule/slots/{id}/{action}",
                "POST /schedule/templates/{id}",
                "POST /schedule/templates/{id}/{action}",
                "PUT /api/v1/schedule-templates/{id}");
        add(
                all,
                Kind.STAFF_ONLY,
                "Guardianship and emergency access: clinic staff and doctors; the patient is decided by the access facade, unknown ones 404 (GuardianshipIT, EmergencyAccessIT).",
                "GET /access/emergency",
                "GET /admin/guardianships",
                "POST /access/emergency",
                "POST /admin/guardianships",
                "POST /admin/guardianships/own-phone",
                "POST /api/v1/guardianships",
                "POST /api/v1/patients/{patientId}/own-phone");
        add(
                all,
                Kind.STAFF_ONLY,
                "The audit trail: platform administrators only (AuditTrailIT).",
                "GET /admin/audit",
                "GET /api/v1/audit",
                "GET /api/v1/audit.csv",
                "GET /api/v1/audit/verify",
                "POST /admin/audit/verify");
        add(
                all,
                Kind.STAFF_ONLY,
                "Clinic administration: the clinic's own administrators (or a platform administrator); another clinic's answer 404 (ClinicSetUpIT, ClinicAdministratorsIT, ClinicModuleIT; StaffIdentifierAccessIT for registrars; ParamedicConsultationIT for paramedics).",
                "GET /admin/clinics",
                "GET /admin/clinics/new",
                "GET /admin/clinics/{id}",
                "GET /admin/clinics/{id}/attachments",
                "GET /admin/clinics/{id}/doctors",
                "GET /admin/clinics/{id}/doctors/{doctorId}",
                "GET /admin/clinics/{id}/documents/{kind}",
                "GET /admin/clinics/{id}/services",
                "GET /admin/clinics/{id}/services/{serviceId}",
                "GET /api/v1/attachments",
                "GET /api/v1/clinics",
                "GET /api/v1/clinics/{id}",
                "GET /api/v1/clinics/{id}/attachments",
                "GET /api/v1/clinics/{id}/doctors",
                "GET /api/v1/clinics/{id}/doctors/{doctorId}",
                "GET /api/v1/clinics/{id}/services",
                "GET /api/v1/clinics/{id}/services/{serviceId}",
                "GET /api/v1/clinics/{id}/services/{serviceId}/price-changes",
                "POST /admin/clinics",
                "POST /admin/clinics/{id}",
                "POST /admin/clinics/{id}/administrators",
                "POST /admin/clinics/{id}/attachments/{attachment}/confirm",
                "POST /admin/clinics/{id}/attachments/{attachment}/refuse",
                "POST /admin/clinics/{id}/doctors",
                "POST /admin/clinics/{id}/doctors/{doctorId}",
                "POST /admin/clinics/{id}/doctors/{doctorId}/photo",
                "POST /admin/clinics/{id}/documents/{kind}",
                "POST /admin/clinics/{id}/logo",
                "POST /admin/clinics/{id}/paramedics",
                "POST /admin/clinics/{id}/registrars",
                "POST /admin/clinics/{id}/services",
                "POST /admin/clinics/{id}/services/{serviceId}",
                "POST /api/v1/attachments/{id}/confirm",
                "POST /api/v1/attachments/{id}/refuse",
                "POST /api/v1/clinics",
                "POST /api/v1/clinics/{id}/administrators",
                "POST /api/v1/clinics/{id}/doctors",
                "POST /api/v1/clinics/{id}/documents/{kind}",
                "POST /api/v1/clinics/{id}/logo",
                "POST /api/v1/clinics/{id}/paramedics",
                "POST /api/v1/clinics/{id}/registrars",
                "POST /api/v1/clinics/{id}/services",
                "PUT /api/v1/clinics/{id}",
                "PUT /api/v1/clinics/{id}/booking-horizon",
                "PUT /api/v1/clinics/{id}/doctors/{doctorId}",
                "PUT /api/v1/clinics/{id}/doctors/{doctorId}/photo",
                "PUT /api/v1/clinics/{id}/logo",
                "PUT /api/v1/clinics/{id}/services/{serviceId}");
        add(
                all,
                Kind.STAFF_ONLY,
                "FHIR bulk import: the clinic's registrars and administrators only; a doctor, a patient or another clinic's administrator is answered 404 (FhirBulkImportIT).",
                "GET /admin/clinics/{id}/fhir-import",
                "GET /admin/clinics/{id}/fhir-import/{job}",
                "POST /admin/clinics/{id}/fhir-import",
                "POST /admin/clinics/{id}/fhir-import/{job}/cancel",
                "POST /admin/clinics/{id}/fhir-import/{job}/resume");
        add(
                all,
                Kind.STAFF_ONLY,
                "Dictionaries: reading ICD-10 for anyone signed in, importing for platform administrators (TerminologyIT).",
                "GET /admin/terminology",
                "GET /api/v1/icd10",
                "GET /terminology/icd10/options",
                "POST /admin/terminology/icd10",
                "POST /api/v1/icd10/import");
        add(
                all,
                Kind.STAFF_ONLY,
                "Doctors' work lists (verification queue, diary alerts): only patients in the doctor's care (RecordAccess.inCare), others absent.",
                "GET /api/v1/diary-alerts",
                "GET /api/v1/verification-queue",
                "GET /record/alerts",
                "GET /record/verification",
                "POST /api/v1/diary-alerts/{alertId}/acknowledge",
                "POST /record/alerts/{alertId}/acknowledge");
        add(
                all,
                Kind.STAFF_ONLY,
                "Shared identifiers for staff to reconcile (SPEC E7): clinicians only.",
                "GET /api/v1/record/shared-identifiers",
                "GET /record/shared-identifiers");
        add(
                all,
                Kind.STAFF_ONLY,
                "Support queue: support agents and administrators (SupportQueueIT).",
                "GET /api/v1/support/requests",
                "GET /support/queue",
                "POST /api/v1/support/requests",
                "POST /api/v1/support/requests/{id}/close",
                "POST /api/v1/support/requests/{id}/reply",
                "POST /api/v1/support/requests/{id}/take",
                "POST /support/queue/{id}/reply",
                "POST /support/queue/{id}/take");
        add(
                all,
                Kind.STAFF_ONLY,
                "Patient registry writes by clinic staff (SPEC C6, issue 12): creating a record (StaffIdentifierAccessIT) and the page forms posting to the facade calls of the identifier matrix rows.",
                "POST /api/v1/patient-records",
                "POST /schedule/patients",
                "POST /schedule/patients/{patientId}/policies",
                "POST /schedule/patients/{patientId}/snils",
                "POST /schedule/policies/{id}/delete");
        add(
                all,
                Kind.INFRASTRUCTURE,
                "Error pages (Boot and the web shell): render the status of a failed request, nothing else.",
                "ANY /error");
        add(
                all,
                Kind.INFRASTRUCTURE,
                "Development outbox, absent in prod (404); shows what the dev gateways \"sent\".",
                "GET /api/v1/dev/outbox",
                "GET /dev/outbox");
        add(
                all,
                Kind.PUBLIC,
                "Signature verification for anyone (issue 16): an uploaded pair, or a stored document by its QR token; a wrong token reveals nothing (VerificationApiIT, SignatureBrowserIT).",
                "GET /signatures/verify",
                "POST /signatures/verify",
                "POST /api/v1/signatures/verify");
        add(
                all,
                Kind.STAFF_ONLY,
                "A clinic's settings for signed protocols (issue 16): its administrators only; another clinic's administrator 404, a doctor or a patient 403 or 404, anonymous 401 (AccessMatrixIT.aClinicsProtocolSigningSettingsAreItsAdministratorsAlone).",
                "GET /admin/clinics/{id}/signing",
                "GET /api/v1/clinics/{id}/protocol-signing",
                "POST /admin/clinics/{id}/signing",
                "PUT /api/v1/clinics/{id}/protocol-signing");
        add(
                all,
                Kind.PER_PERSON,
                "A consultation's signed protocol (issue 16): drafting and signing by its consulting doctor only, the signature and .sig for whoever sees the consultation; anyone else 404 (ProtocolSigningIT).",
                "GET /api/v1/consultations/{id}/protocol.clinic.sig",
                "GET /api/v1/consultations/{id}/protocol.sig",
                "GET /api/v1/consultations/{id}/protocol/signature",
                "GET /consultations/{id}/protocol.clinic.sig",
                "GET /consultations/{id}/protocol.sig",
                "POST /api/v1/consultations/{id}/protocol/draft",
                "POST /api/v1/consultations/{id}/protocol/server-signature",
                "POST /api/v1/consultations/{id}/protocol/signature",
                "POST /consultations/{id}/protocol/draft",
                "POST /consultations/{id}/protocol/server-signature",
                "POST /consultations/{id}/protocol/signature");
        add(
                all,
                Kind.PER_PERSON,
                "A signed protocol from the record (issue 16): the same RecordAccess DOWNLOAD decision as the documents/{uploadId}/content matrix row; the owner 200, a stranger 404 (ProtocolSigningIT).",
                "GET /api/v1/patients/{id}/record/entries/{entryId}/protocol.pdf",
                "GET /api/v1/patients/{id}/record/entries/{entryId}/protocol.pdf.sig",
                "GET /record/{id}/entries/{entryId}/protocol.pdf",
                "GET /record/{id}/entries/{entryId}/protocol.pdf.sig");
        add(all, Kind.SELF_ONLY, "The person's own SNILS in their profile (issue 16).", "POST /profile/snils");
        add(
                all,
                Kind.MATRIX,
                "Closing one's own patient account (SPEC A9, issue 20): called by AccessMatrixIT.closingAnAccountIsItsOwnPatientsAloneAndEndsEveryAccessThroughIt for the patient, a FULL grantee, another patient, the caring doctor, the clinic's registrar and administrator and anonymous callers; the account addressed is always the caller's own; the rules in AccountClosureIT and AccountClosureBrowserIT.",
                "POST /api/v1/me/close",
                "GET /profile/close");
        add(
                all,
                Kind.SELF_ONLY,
                "The closing page's code request and code entry (SPEC A9): the same AccountClosure calls as the API's matrix row, always on the caller's own account (AccountClosureBrowserIT).",
                "POST /profile/close",
                "POST /profile/close/code");
        add(
                all,
                Kind.SELF_ONLY,
                "The doctor's own phone for calls to patients in their profile (SPEC D6): the caller's account only (ConsultationPhoneCallsIT, PhoneCallBrowserIT).",
                "POST /profile/call-phone");
        add(
                all,
                Kind.MATRIX,
                "«Позвонить пациенту» (SPEC D6): called by AccessMatrixIT.aPhoneCallToThePatientIsTheConsultingDoctorsAlone for the consulting doctor, the patient, a FULL grantee, another patient, a colleague in the clinic, the clinic's administrator and registrar, a doctor of another clinic and anonymous callers; the rules in ConsultationPhoneCallsIT.",
                "POST /api/v1/consultations/{id}/phone-call");
        add(
                all,
                Kind.PER_PERSON,
                "The consultation page's «Позвонить пациенту» button and its status line (SPEC D6): the same facade calls as the API's matrix row; the consulting doctor alone, anyone else 404 (PhoneCallBrowserIT).",
                "POST /consultations/{id}/phone-call",
                "GET /consultations/{id}/phone-call");
        add(
                all,
                Kind.PUBLIC,
                "The telephony gateway's webhook (SPEC D6): no sign-in, the gateway proves itself by an HMAC-SHA256 signature of the raw body under the shared secret; 401 without one, 404 for a call not ours; it names no person or number (PhoneCallsIT).",
                "POST /api/v1/telephony/webhooks/{provider}");

        add(
                all,
                Kind.MATRIX,
                "Paying for a paid service (SPEC B8, issue 20): called by AccessMatrixIT.aPaymentIsItsPatientsSideAlone for the patient, another patient, the doctor, the clinic's administrator and anonymous callers; the rules in PaymentIT.",
                "POST /api/v1/appointments/{id}/payment",
                "GET /api/v1/payments/{id}");
        add(
                all,
                Kind.PUBLIC,
                "The payment provider's notifications (SPEC B8): no sign-in, each verified by fetching its object from the provider's API (and the address allow-list when configured); 404 for an object not ours; it names no person (PaymentIT).",
                "POST /api/v1/payments/webhooks/{provider}");
        add(
                all,
                Kind.PER_PERSON,
                "The patient's payment page (SPEC B8): the same Checkout calls as the API's matrix row; the patient's side alone, anyone else 404 (PaymentBrowserIT, PaymentIT).",
                "GET /appointments/{id}/payment",
                "POST /appointments/{id}/payment",
                "GET /payments/{id}");
        add(
                all,
                Kind.INFRASTRUCTURE,
                "The in-app test payment gateway (development and demos): stands where YooKassa's page would, keyed by an unguessable id; 404 when another provider is configured (PaymentBrowserIT).",
                "GET /payments/test-gateway/{id}",
                "POST /payments/test-gateway/{id}");
        add(
                all,
                Kind.STAFF_ONLY,
                "A clinic's payments, their CSV and its refund cut-off (SPEC B8): its administrators and registrars (the cut-off administrators only); another clinic's staff and patients get 404 (PaymentIT.onlyTheClinicsAdministratorsAndRegistrarsSeeItsPayments).",
                "GET /admin/payments",
                "GET /admin/clinics/{id}/payments",
                "GET /admin/clinics/{id}/payments.csv",
                "POST /admin/clinics/{id}/payments/cutoff");
        add(
                all,
                Kind.STAFF_ONLY,
                "A partial refund on the clinic's payments page (issue 20): the same PaymentDesk call as the API's matrix row; the clinic's administrators alone, anyone else 404 (PaymentIT).",
                "POST /admin/clinics/{id}/payments/{paymentId}/refund");
        add(
                all,
                Kind.MATRIX,
                "A clinic's payments over the API, their CSV and a partial refund (issue 20): called by AccessMatrixIT.aClinicsPaymentsAreItsAdministratorsAndRegistrarsAloneAndRefundsItsAdministratorsAlone for the clinic's administrator and registrar, the patient, another patient, the doctor, another clinic's staff and anonymous callers; the rules in PaymentIT.",
                "GET /api/v1/clinics/{id}/payments",
                "GET /api/v1/clinics/{id}/payments.csv",
                "POST /api/v1/payments/{id}/refunds");

        add(
                all,
                Kind.STAFF_ONLY,
                "A clinic's trust anchors, CRLs and signing key (issue 16): its administrators only; another clinic's administrator, a doctor or a patient gets 404, anonymous 401 (AccessMatrixIT.aClinicsTrustStoreIsItsAdministratorsAloneAndVerificationIsEveryones).",
                "DELETE /api/v1/clinics/{id}/trust-anchors/crls/{crlId}",
                "DELETE /api/v1/clinics/{id}/trust-anchors/{anchorId}",
                "GET /admin/clinics/{id}/trust-anchors",
                "GET /api/v1/clinics/{id}/signing-key",
                "GET /api/v1/clinics/{id}/trust-anchors",
                "GET /api/v1/clinics/{id}/trust-anchors/crls",
                "POST /admin/clinics/{id}/trust-anchors",
                "POST /admin/clinics/{id}/trust-anchors/crls",
                "POST /admin/clinics/{id}/trust-anchors/crls/{crl}/delete",
                "POST /admin/clinics/{id}/trust-anchors/signing-key",
                "POST /admin/clinics/{id}/trust-anchors/{anchor}/delete",
                "POST /api/v1/clinics/{id}/signing-key",
                "POST /api/v1/clinics/{id}/trust-anchors",
                "POST /api/v1/clinics/{id}/trust-anchors/crls");
        add(
                all,
                Kind.SELF_ONLY,
                "A doctor's own signing key (issue 16): only the signed-in doctor's, no id in the path (ServerSigningIT, AccessMatrixIT).",
                "GET /api/v1/signing-key",
                "GET /profile/signing-key",
                "POST /api/v1/signing-key",
                "POST /profile/signing-key");
        add(
                all,
                Kind.INFRASTRUCTURE,
                "The OpenAPI document and its viewer (springdoc); no personal data.",
                "GET /swagger-ui.html",
                "GET /v3/api-docs",
                "GET /v3/api-docs.yaml",
                "GET /v3/api-docs/swagger-config");
        add(
                all,
                Kind.INFRASTRUCTURE,
                "Test class path only (StaffSignInForTests): signs a test actor into a browser session.",
                "GET /test/staff-sign-in",
                "GET /test/token-sign-in");

        ALL = Collections.unmodifiableMap(all);
    }

    private static void add(Map<String, Entry> all, Kind kind, String reason, String... endpoints) {
        for (String endpoint : endpoints) {
            if (all.put(endpoint, new Entry(kind, reason)) != null) {
                throw new IllegalStateException("classified twice: " + endpoint);
            }
        }
    }

    private EndpointClassification() {}
}
