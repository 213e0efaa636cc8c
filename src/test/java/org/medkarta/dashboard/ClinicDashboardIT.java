package org.medkarta.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ServiceView;
import org.medkarta.consultation.ConsultationRequests;
import org.medkarta.consultation.ConsultationState;
import org.medkarta.consultation.ProtocolForm;
import org.medkarta.consultation.ProtocolWriting;
import org.medkarta.dashboard.ClinicDashboard.Figures;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentBooked;
import org.medkarta.scheduling.AppointmentChanges;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clinic dashboard's figures (SPEC J3, issue 19) on a small known clinic: two doctors, one day of
 * four slots each, bookings, a cancellation, requests taken before and after their start, a protocol
 * sent and a request nobody took, all made through the modules' facades with the clock moved through
 * the day; then the figures, the filters, the refusals of bad filters and the CSV.
 */
class ClinicDashboardIT extends ApiSupport {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    SlotSearch slotSearch;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentChanges appointmentChanges;

    @Autowired
    ProtocolWriting protocolWriting;

    @Autowired
    ConsultationRequests consultationRequests;

    @Autowired
    ClinicDashboards dashboards;

    @Autowired
    DashboardRollups rollups;

    @Autowired
    org.medkarta.clinic.HeadsOfDepartment heads;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The day of the appointments, and what was made on it. */
    record World(
            ClinicId clinic,
            LocalDate day,
            SignedInUser admin,
            DoctorView therapist,
            DoctorView cardiologist,
            ServiceView therapy,
            ServiceView cardiology) {}

    @Test
    void theFiguresOfADayCountSlotsRequestsTakingProtocolsAndMissedOnes() {
        var world = world();
        var all = dashboards.dashboard(world.admin(), world.clinic(), filter(world.day(), world.day(), null, null));

        // Slots: the therapist has 2 booked (one more was cancelled, its slot free again) and 2 free;
        // the cardiologist 1 booked and 3 free.
        assertThat(all.days()).hasSize(1);
        Figures day = all.days().get(0).figures();
        assertThat(all.days().get(0).date()).isEqualTo(world.day());
        assertThat(day.bookedSlots()).isEqualTo(3);
        assertThat(day.freeSlots()).isEqualTo(5);
        assertThat(day.closedSlots()).isZero();
        assertThat(day.load()).isEqualTo(3.0 / 8);
        // Requests at 09:45: p1 closed (its protocol sent), p2 in work, p3 cancelled, p4 (09:00–09:30)
        // never taken: overdue and, its end passed, missed.
        assertThat(day.newRequests()).isZero();
        assertThat(day.overdue()).isEqualTo(1);
        assertThat(day.missed()).isEqualTo(1);
        assertThat(day.inWork()).isEqualTo(1);
        assertThat(day.closed()).isEqualTo(1);
        assertThat(day.cancelled()).isEqualTo(1);
        // Taken 10 minutes before one start and 5 minutes after another.
        assertThat(day.meanMinutesToTake()).isEqualTo(-2.5);
        assertThat(day.protocolsSent()).isEqualTo(1);
        assertThat(all.totals()).isEqualTo(day);
        assertThat(all.walkIn().doctors())
                .as("no walk-in patients in this clinic")
                .isEmpty();

        assertThat(all.doctors())
                .extracting(ClinicDashboard.Doctor::id)
                .containsExactlyInAnyOrder(
                        world.therapist().id(), world.cardiologist().id());
        var therapist = figuresOf(all, world.therapist());
        assertThat(therapist.bookedSlots()).isEqualTo(2);
        assertThat(therapist.freeSlots()).isEqualTo(2);
        assertThat(therapist.load()).isEqualTo(0.5);
        assertThat(therapist.closed()).isEqualTo(1);
        assertThat(therapist.cancelled()).isEqualTo(1);
        assertThat(therapist.overdue()).isZero();
        assertThat(therapist.protocolsSent()).isEqualTo(1);
        var cardiologist = figuresOf(all, world.cardiologist());
        assertThat(cardiologist.bookedSlots()).isEqualTo(1);
        assertThat(cardiologist.freeSlots()).isEqualTo(3);
        assertThat(cardiologist.overdue()).isEqualTo(1);
        assertThat(cardiologist.missed()).isEqualTo(1);
        assertThat(cardiologist.meanMinutesToTake()).isNull();

        // Read earlier in the day, the same request is still new, then overdue before it is missed.
        clock.freezeAt(at(world.day(), "08:55"));
        var morning = dashboards.dashboard(world.admin(), world.clinic(), filter(world.day(), world.day(), null, null));
        assertThat(figuresOf(morning, world.cardiologist()).newRequests()).isEqualTo(1);
        clock.freezeAt(at(world.day(), "09:10"));
        var late = dashboards.dashboard(world.admin(), world.clinic(), filter(world.day(), world.day(), null, null));
        assertThat(figuresOf(late, world.cardiologist()).overdue()).isEqualTo(1);
        assertThat(figuresOf(late, world.cardiologist()).missed()).isZero();
    }

    @Test
    void settledDaysReadFromTheRollUpGiveTheFiguresOfTheRowsAndLateChangesReachIt() {
        var world = world();
        var period = filter(world.day().minusDays(2), world.day().plusDays(1), null, null);
        // Ten days later the day is settled (a week and more ago). Nothing rolled up yet for this
        // clinic: every day is counted from the rows.
        clock.freezeAt(at(world.day().plusDays(10), "12:00"));
        assertThat(rollUpRows("scheduling_load_day", world.clinic())).isZero();
        var fromRows = dashboards.dashboard(world.admin(), world.clinic(), period);

        rollups.rollUpAll();
        assertThat(rollUpRows("scheduling_load_day", world.clinic()))
                .as("one row per doctor of the day")
                .isEqualTo(2);
        assertThat(rollUpRows("consultation_day", world.clinic())).isEqualTo(2);
        var fromRollUp = dashboards.dashboard(world.admin(), world.clinic(), period);
        assertThat(fromRollUp.days()).isEqualTo(fromRows.days());
        assertThat(fromRollUp.doctors()).isEqualTo(fromRows.doctors());
        assertThat(fromRollUp.totals()).isEqualTo(fromRows.totals());
        Figures day = fromRollUp.days().get(2).figures();
        assertThat(day.bookedSlots()).isEqualTo(3);
        assertThat(day.overdue()).isEqualTo(1);
        assertThat(day.missed()).isEqualTo(1);
        assertThat(day.inWork()).isEqualTo(1);
        assertThat(day.protocolsSent()).isEqualTo(1);
        assertThat(figuresOf(fromRollUp, world.therapist()).meanMinutesToTake()).isEqualTo(-2.5);
        // A service filter is not rolled up: its figures come from the rows, and agree.
        var therapy = dashboards.dashboard(
                world.admin(),
                world.clinic(),
                filter(
                        world.day(),
                        world.day(),
                        null,
                        world.therapy().id().value().toString()));
        assertThat(therapy.totals()).isEqualTo(figuresOf(fromRollUp, world.therapist()));

        // The request in work is closed ten days late: the next roll-up takes it in.
        var inWork = jdbc.sql("SELECT id FROM consultation WHERE doctor_id = :doctor AND state = 'IN_WORK'")
                .param("doctor", world.therapist().id().value())
                .query(UUID.class)
                .single();
        protocolWriting.sendProtocol(
                TestCare.signedIn(world.therapist()),
                inWork,
                new ProtocolForm("Жалоб нет", "Наблюдение", null, List.of()));
        rollups.rollUpAll();
        var late = dashboards
                .dashboard(world.admin(), world.clinic(), period)
                .days()
                .get(2)
                .figures();
        assertThat(late.inWork()).isZero();
        assertThat(late.closed()).isEqualTo(2);

        // A roll-up made with a clock that ran ahead is not trusted for days not settled by the
        // reader's clock: back on the day, a request taken into work shows at once.
        clock.freezeAt(at(world.day(), "10:00"));
        var waiting = jdbc.sql("SELECT id FROM consultation WHERE doctor_id = :doctor AND state = 'NEW'")
                .param("doctor", world.cardiologist().id().value())
                .query(UUID.class)
                .single();
        consultationRequests.take(TestCare.signedIn(world.cardiologist()), waiting);
        var sameDay = dashboards.dashboard(world.admin(), world.clinic(), period);
        assertThat(figuresOf(sameDay, world.cardiologist()).inWork()).isEqualTo(1);
        assertThat(figuresOf(sameDay, world.cardiologist()).overdue()).isZero();
    }

    private long rollUpRows(String table, ClinicId clinic) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .query(Long.class)
                .single();
    }

    @Test
    void theFiltersLimitThePeriodTheDoctorAndTheServiceAndBadOnesAreNamed() {
        var world = world();
        var therapist = dashboards.dashboard(
                world.admin(),
                world.clinic(),
                filter(world.day(), world.day(), world.therapist().id().value().toString(), null));
        assertThat(therapist.totals().bookedSlots()).isEqualTo(2);
        assertThat(therapist.totals().freeSlots()).isEqualTo(2);
        assertThat(therapist.totals().overdue()).isZero();
        assertThat(therapist.totals().closed()).isEqualTo(1);
        assertThat(therapist.doctors())
                .extracting(ClinicDashboard.Doctor::id)
                .containsExactly(world.therapist().id());

        var cardiology = dashboards.dashboard(
                world.admin(),
                world.clinic(),
                filter(
                        world.day(),
                        world.day(),
                        null,
                        world.cardiology().id().value().toString()));
        assertThat(cardiology.totals().bookedSlots()).isEqualTo(1);
        assertThat(cardiology.totals().freeSlots()).isEqualTo(3);
        assertThat(cardiology.totals().missed()).isEqualTo(1);
        assertThat(cardiology.totals().closed()).isZero();
        assertThat(cardiology.totals().cancelled()).isZero();

        var before = dashboards.dashboard(
                world.admin(),
                world.clinic(),
                filter(world.day().minusDays(3), world.day().minusDays(1), null, null));
        assertThat(before.days()).hasSize(3);
        assertThat(before.totals().bookedSlots()
                        + before.totals().closed()
                        + before.totals().overdue())
                .isZero();
        assertThat(before.doctors()).isEmpty();

        var defaults = dashboards.dashboard(world.admin(), world.clinic(), DashboardFilter.none());
        var today = LocalDate.ofInstant(clock.instant(), MOSCOW);
        assertThat(defaults.from()).isEqualTo(today.minusDays(14));
        assertThat(defaults.to()).isEqualTo(today.plusDays(14));
        assertThat(defaults.days()).hasSize(29);

        assertRefused(world, filter("01.12.2026", null, null, null), "from");
        assertRefused(
                world,
                new DashboardFilter(
                        world.day().toString(), world.day().minusDays(1).toString(), null, null),
                "to");
        assertRefused(world, new DashboardFilter("2025-01-01", "2026-01-05", null, null), "from");
        assertRefused(world, filter(world.day(), world.day(), "not-an-id", null), "doctorId");
        var stranger = TestCare.doctor(
                clinics, TestClinics.register(clinics, "Другая клиника").id());
        assertRefused(
                world, filter(world.day(), world.day(), stranger.id().value().toString(), null), "doctorId");
        assertRefused(
                world, filter(world.day(), world.day(), null, UUID.randomUUID().toString()), "serviceId");

        var api = getAs(
                identity.tokens().tokensFor(world.admin()).accessToken(),
                "/api/v1/clinics/" + world.clinic().value() + "/dashboard?from=" + world.day() + "&to=2020-01-01");
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(problem(api)).isEqualTo("invalid-input");
        assertThat(body(api).get("field").asString()).isEqualTo("to");
    }

    @Test
    void theApiAndTheCsvGiveTheSameFiguresAndOtherClinicsSeeNothing() {
        var world = world();
        String token = identity.tokens().tokensFor(world.admin()).accessToken();
        String query = "?from=" + world.day() + "&to=" + world.day();
        var json = getAs(token, "/api/v1/clinics/" + world.clinic().value() + "/dashboard" + query);
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        var totals = body(json).get("totals");
        assertThat(totals.get("bookedSlots").asLong()).isEqualTo(3);
        assertThat(totals.get("freeSlots").asLong()).isEqualTo(5);
        assertThat(totals.get("missed").asLong()).isEqualTo(1);
        assertThat(totals.get("meanMinutesToTake").asDouble()).isEqualTo(-2.5);
        assertThat(body(json).get("days").get(0).get("date").asString())
                .isEqualTo(world.day().toString());
        assertThat(body(json).get("walkIn").get("doctors").size()).isZero();

        var csv = send(
                request("/api/v1/clinics/" + world.clinic().value() + "/dashboard.csv" + query)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] bytes = csv.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]})
                .as("a byte-order mark for Excel")
                .containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        var lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo("scope,date,doctor_id,doctor,figure,value");
        // 13 figures for the one day, for each of the two doctors and for the total.
        assertThat(lines).hasSize(1 + 13 * 4);
        assertThat(lines)
                .contains(
                        "day," + world.day() + ",,,booked_slots,3",
                        "day," + world.day() + ",,,free_slots,5",
                        "day," + world.day() + ",,,missed,1",
                        "day," + world.day() + ",,,mean_minutes_to_take,-2.500",
                        "doctor,," + world.cardiologist().id().value() + ","
                                + world.cardiologist().fullName() + ",overdue,1",
                        "doctor,," + world.therapist().id().value() + ","
                                + world.therapist().fullName() + ",protocols_sent,1",
                        "total,,,,load,0.375",
                        "total,,,,cancelled,1");

        var elsewhere = TestClinics.register(clinics, "Чужая клиника").id();
        var foreign = TestStaff.administrator(identity, clinics, elsewhere);
        assertThatThrownBy(() -> dashboards.dashboard(foreign, world.clinic(), DashboardFilter.none()))
                .isInstanceOf(NotFound.class);
        var refused = getAs(
                identity.tokens().tokensFor(foreign).accessToken(),
                "/api/v1/clinics/" + world.clinic().value() + "/dashboard");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("bookedSlots");
    }

    @Test
    void eightAppointmentsOfOneHeadAtOnceLeaveOneGrantAndTheDashboardOpensToThemAlone() throws Exception {
        var clinic = TestClinics.register(clinics, "Клиника заведующих").id();
        var admin = TestStaff.administrator(identity, clinics, clinic);
        var doctor = TestCare.doctor(clinics, clinic);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < 8; i++) {
            done.add(pool.submit(() -> {
                start.await();
                heads.appoint(admin, clinic, doctor.id());
                return null;
            }));
        }
        start.countDown();
        for (var each : done) {
            each.get();
        }
        pool.shutdown();
        long grants = jdbc.sql("SELECT COUNT(*) FROM identity_role WHERE account_id = :user AND role = :role"
                        + " AND clinic_id = :clinic")
                .param("user", doctor.userId().value())
                .param("role", Role.HEAD_OF_DEPARTMENT.name())
                .param("clinic", clinic.value())
                .query(Long.class)
                .single();
        assertThat(grants).isEqualTo(1);
        assertThat(heads.of(admin, clinic)).containsExactly(doctor.id());
        assertThat(dashboards.maySee(TestCare.signedIn(doctor), clinic)).isTrue();
        heads.remove(admin, clinic, doctor.id());
        assertThat(dashboards.maySee(TestCare.signedIn(doctor), clinic)).isFalse();
    }

    private void assertRefused(World world, DashboardFilter filter, String field) {
        assertThatThrownBy(() -> dashboards.dashboard(world.admin(), world.clinic(), filter))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.field()).isEqualTo(field));
    }

    private java.net.http.HttpResponse<byte[]> send(
            java.net.http.HttpRequest request, java.net.http.HttpResponse.BodyHandler<byte[]> handler) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request, handler);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static DashboardFilter filter(LocalDate from, LocalDate to, String doctor, String service) {
        return new DashboardFilter(from.toString(), to.toString(), doctor, service);
    }

    private static DashboardFilter filter(String from, String to, String doctor, String service) {
        return new DashboardFilter(from, to, doctor, service);
    }

    private static Figures figuresOf(ClinicDashboard dashboard, DoctorView doctor) {
        return dashboard.doctors().stream()
                .filter(row -> row.id().equals(doctor.id()))
                .findFirst()
                .orElseThrow()
                .figures();
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(MOSCOW).toInstant();
    }

    /**
     * A clinic with a therapist and a cardiologist, each with four 30-minute slots 09:00–10:30 on a day
     * two days ahead. Then: three patients book the therapist at 09:00, 09:30 and 10:00, the third
     * cancels; one books the cardiologist at 09:00. At 08:50 the therapist takes the 09:00 request, at
     * 09:35 the 09:30 one, at 09:40 sends the 09:00 one's protocol; the clock stops at 09:45.
     */
    private World world() {
        var clinic = TestClinics.register(clinics, "Клиника показателей").id();
        var admin = TestStaff.administrator(identity, clinics, clinic);
        var therapist = TestCare.invite(
                clinics, TestClinics.PLATFORM, clinic, TestCare.NewDoctor.THERAPIST.named("Терапевтова", "Анна", null));
        var cardiologist = TestCare.invite(
                clinics,
                TestClinics.PLATFORM,
                clinic,
                TestCare.NewDoctor.THERAPIST.named("Кардиологов", "Борис", null).as("cardiologist", "REGION"));
        var therapy = TestCare.addService(
                clinics, TestClinics.PLATFORM, therapist, "Терапия", "therapist", "PRIMARY", 0L, "REGION");
        var cardiology = TestCare.addService(
                clinics, TestClinics.PLATFORM, cardiologist, "Кардиология", "cardiologist", "PRIMARY", 0L, "REGION");
        LocalDate day = LocalDate.now(MOSCOW).plusDays(2);
        var hours = new TestCare.Hours("Приём", day, day, "09:00", "10:30");
        TestCare.openSchedule(
                scheduleTemplates,
                TestClinics.PLATFORM,
                therapist.id(),
                hours,
                List.of(therapy.id().value().toString()));
        TestCare.openSchedule(
                scheduleTemplates,
                TestClinics.PLATFORM,
                cardiologist.id(),
                hours,
                List.of(cardiology.id().value().toString()));

        var first = book(therapist, therapy, at(day, "09:00"));
        var second = book(therapist, therapy, at(day, "09:30"));
        var third = book(therapist, therapy, at(day, "10:00"));
        var fourth = book(cardiologist, cardiology, at(day, "09:00"));
        var doctor = TestCare.signedIn(therapist);
        for (var booked : List.of(first, second, third, fourth)) {
            opened(booked.appointment(), booked.doctor());
        }
        appointmentChanges.cancel(third.patient(), third.appointment().id());
        awaitState(third.appointment(), TestCare.signedIn(therapist), ConsultationState.CANCELLED);

        clock.freezeAt(at(day, "08:50"));
        consultationRequests.take(doctor, consultationOf(first.appointment()));
        clock.freezeAt(at(day, "09:35"));
        consultationRequests.take(doctor, consultationOf(second.appointment()));
        clock.freezeAt(at(day, "09:40"));
        protocolWriting.sendProtocol(
                doctor,
                consultationOf(first.appointment()),
                new ProtocolForm("Жалоб нет", "Контроль давления", null, List.of()));
        clock.freezeAt(at(day, "09:45"));
        return new World(clinic, day, admin, therapist, cardiologist, therapy, cardiology);
    }

    record Booked(AppointmentView appointment, SignedInUser patient, SignedInUser doctor) {}

    /** A new patient books the doctor's slot starting at {@code start}, as the booking API does. */
    private Booked book(DoctorView doctor, ServiceView service, Instant start) {
        var account = TestPatients.register(identity, "Показателев", "Пётр", null, Phones.unique(), "1980-01-02");
        var patient = new SignedInUser(
                account.userId(), "Пётр", account.patientId(), List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        var slot = slotSearch
                .search(patient, new SlotQuery(doctor.id(), null, null, null, start, start.plusSeconds(60), 5, 0))
                .stream()
                .filter(offered -> offered.start().equals(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no free slot at " + start));
        var appointment = booking.book(
                patient,
                new BookingRequest(
                        slot.slotId(), patient.patientId(), service.id().value(), null, null, true),
                "127.0.0.1");
        return new Booked(appointment, patient, TestCare.signedIn(doctor));
    }

    private static UUID consultationOf(AppointmentView appointment) {
        return AppointmentBooked.consultationIdOf(appointment.id());
    }

    /** Waits for the request a booking opens after it commits. */
    private void opened(AppointmentView appointment, SignedInUser doctor) {
        awaitState(appointment, doctor, null);
    }

    private void awaitState(AppointmentView appointment, SignedInUser doctor, ConsultationState state) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            try {
                var found = consultationRequests.consultation(doctor, consultationOf(appointment));
                if (state == null || found.state() == state) {
                    return;
                }
            } catch (NotFound notYet) {
                // The listener has not run yet.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the request of " + appointment.id() + " did not become " + state);
    }
}
