package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.files.FileContent;
import org.medkarta.files.FileId;
import org.medkarta.files.FilePurpose;
import org.medkarta.files.Files;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.Columns;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to an appointment after booking it (issue 23, seed 001: «При необходимости загрузите
 * требуемые документы (направление, результаты обследований) через кнопку «Прикрепить файл»»): a
 * referral on paper, earlier results, as JPG, PNG or PDF within the upload size limit, as a
 * telemedicine request already takes them. The patient (or whoever books for them) and the staff
 * managing the doctor attach them while the appointment is booked and has not begun; the same people
 * read them, the doctor among them. Anyone else gets {@link NotFound}.
 */
@Service
public class AppointmentFiles {

    /** The most files one appointment holds. */
    public static final int MAX_FILES = 10;

    /** One attached file, without its bytes. */
    public record AppointmentFile(UUID fileId, String name, String mediaType, long size, Instant addedAt) {}

    private final AppointmentReading appointmentReading;
    private final Appointments appointments;
    private final Files files;
    private final JdbcClient jdbc;
    private final Clock clock;

    AppointmentFiles(
            AppointmentReading appointmentReading,
            Appointments appointments,
            Files files,
            JdbcClient jdbc,
            Clock clock) {
        this.appointmentReading = appointmentReading;
        this.appointments = appointments;
        this.files = files;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Attaches a file. The appointment's row is locked, so two uploads at once cannot pass the limit.
     *
     * @throws NotFound unless {@code actor} may read the appointment
     * @throws SchedulingRefusal {@code not-booked} for a cancelled one, {@code already-started} once it began
     * @throws InvalidInput {@code file}: empty, of another type, or one more than {@link #MAX_FILES}
     */
    @Transactional
    public AppointmentFile attach(SignedInUser actor, UUID appointment, String name, byte[] content) {
        var seen = appointmentReading.appointment(actor, appointment);
        var locked = appointments.lock(seen.id()).orElseThrow(NotFound::new);
        if (locked.status() != AppointmentStatus.BOOKED) {
            throw SchedulingRefusal.notBooked();
        }
        if (!locked.start().isAfter(clock.instant())) {
            throw SchedulingRefusal.alreadyStarted();
        }
        if (of(locked.id()).size() >= MAX_FILES) {
            throw new InvalidInput("file", "scheduling.validation.too-many-files", MAX_FILES);
        }
        var stored = files.store(FilePurpose.PATIENT_UPLOAD, actor.userId(), "file", name, content);
        jdbc.sql("""
                        INSERT INTO scheduling_appointment_file (id, appointment_id, file_id, name, media_type,
                                                                 size_bytes, added_by, added_at)
                        VALUES (:id, :appointment, :file, :name, :type, :size, :by, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("appointment", locked.id())
                .param("file", stored.id().value())
                .param("name", stored.name())
                .param("type", stored.mediaType())
                .param("size", stored.size())
                .param("by", actor.userId().value())
                .param("at", Columns.utc(stored.createdAt()))
                .update();
        return new AppointmentFile(
                stored.id().value(), stored.name(), stored.mediaType(), stored.size(), stored.createdAt());
    }

    /** The appointment's files, oldest first. */
    @Transactional(readOnly = true)
    public List<AppointmentFile> list(SignedInUser actor, UUID appointment) {
        return of(appointmentReading.appointment(actor, appointment).id());
    }

    /** One of the appointment's files with its bytes, checked against its checksum. */
    @Transactional(readOnly = true)
    public FileContent open(SignedInUser actor, UUID appointment, UUID file) {
        var found = find(appointmentReading.appointment(actor, appointment).id(), file);
        if (found.isEmpty()) {
            throw new NotFound();
        }
        return files.open(new FileId(file));
    }

    /** Whether files may still be attached: booked and not yet begun. */
    public boolean open(AppointmentView appointment) {
        return appointment.status() == AppointmentStatus.BOOKED
                && appointment.start().isAfter(clock.instant());
    }

    private Optional<AppointmentFile> find(UUID appointment, UUID file) {
        return of(appointment).stream().filter(f -> f.fileId().equals(file)).findFirst();
    }

    private List<AppointmentFile> of(UUID appointment) {
        return jdbc.sql("""
                        SELECT file_id, name, media_type, size_bytes, added_at FROM scheduling_appointment_file
                        WHERE appointment_id = :appointment ORDER BY added_at, id
                        """)
                .param("appointment", appointment)
                .query((row, n) -> new AppointmentFile(
                        Columns.uuid(row, "file_id"),
                        row.getString("name"),
                        row.getString("media_type"),
                        row.getLong("size_bytes"),
                        Columns.instant(row, "added_at")))
                .list();
    }
}
