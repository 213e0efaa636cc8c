package org.medkarta.clinic.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.AttachmentView;
import org.medkarta.clinic.ClinicCard;
import org.medkarta.clinic.ClinicView;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.DocumentVersion;
import org.medkarta.clinic.ServiceView;
import org.medkarta.clinic.Specialty;
import org.medkarta.clinic.SupportRequestView;
import org.medkarta.shared.TypedId;

/** The JSON shapes of the clinic API: ids as bare UUIDs, specialties by code, names in the reader's language. */
final class Json {

    private Json() {}

    record Clinic(
            UUID id,
            String name,
            String inn,
            String ogrn,
            String licenseNumber,
            LocalDate licenseDate,
            String region,
            String regionName,
            String address,
            String timezone,
            String phone,
            String phoneExtra,
            String email,
            String site,
            String description,
            boolean hasLogo,
            Instant createdAt,
            Double latitude,
            Double longitude) {

        static Clinic of(ClinicView c) {
            return new Clinic(
                    c.id().value(),
                    c.name(),
                    c.inn(),
                    c.ogrn(),
                    c.licenseNumber(),
                    c.licenseDate(),
                    c.region(),
                    c.regionName(),
                    c.address(),
                    c.timezone(),
                    c.phone(),
                    c.phoneExtra(),
                    c.email(),
                    c.site(),
                    c.description(),
                    c.hasLogo(),
                    c.createdAt(),
                    c.latitude(),
                    c.longitude());
        }
    }

    record PublicClinic(
            UUID id,
            String name,
            String region,
            String regionName,
            String address,
            String timezone,
            String phone,
            String email,
            String site,
            String description,
            boolean hasLogo,
            Double latitude,
            Double longitude) {

        static PublicClinic of(ClinicCard c) {
            return new PublicClinic(
                    c.id().value(),
                    c.name(),
                    c.region(),
                    c.regionName(),
                    c.address(),
                    c.timezone(),
                    c.phone(),
                    c.email(),
                    c.site(),
                    c.description(),
                    c.hasLogo(),
                    c.latitude(),
                    c.longitude());
        }
    }

    /** A clinic near the caller's position: {@code {clinic: {…}, distanceKm}}, nearest first. */
    record NearbyClinic(PublicClinic clinic, double distanceKm) {

        static NearbyClinic of(org.medkarta.clinic.NearbyClinic near) {
            return new NearbyClinic(PublicClinic.of(near.clinic()), Math.round(near.distanceKm() * 1000) / 1000.0);
        }
    }

    record NamedSpecialty(String code, String name) {

        static NamedSpecialty of(Specialty s, Locale locale) {
            return new NamedSpecialty(s.code(), s.name(locale));
        }
    }

    /** A doctor as the booking API lists them: {@code [{id, name, specialties, clinicId}]} and more. */
    record Doctor(
            UUID id,
            String name,
            List<String> specialties,
            List<String> specialtyNames,
            UUID clinicId,
            String clinicName,
            String position,
            Integer experienceYears,
            String biography,
            String visibility,
            boolean hasPhoto) {

        static Doctor of(DoctorView d, Locale locale) {
            return new Doctor(
                    d.id().value(),
                    d.fullName(),
                    d.specialties().stream().map(Specialty::code).toList(),
                    d.specialties().stream().map(s -> s.name(locale)).toList(),
                    d.clinicId().value(),
                    d.clinicName(),
                    d.position(),
                    d.experienceYears(),
                    d.biography(),
                    d.visibility().name(),
                    d.hasPhoto());
        }
    }

    /** A doctor as the clinic's administrators see them. */
    record StaffDoctor(
            UUID id,
            UUID userId,
            String email,
            String lastName,
            String firstName,
            String patronymic,
            List<String> specialties,
            UUID clinicId,
            String position,
            Integer experienceYears,
            String biography,
            String timezone,
            String visibility,
            boolean active,
            boolean hasPhoto) {

        static StaffDoctor of(DoctorView d) {
            return new StaffDoctor(
                    d.id().value(),
                    d.userId().value(),
                    d.email(),
                    d.lastName(),
                    d.firstName(),
                    d.patronymic(),
                    d.specialties().stream().map(Specialty::code).toList(),
                    d.clinicId().value(),
                    d.position(),
                    d.experienceYears(),
                    d.biography(),
                    d.timezone(),
                    d.visibility().name(),
                    d.active(),
                    d.hasPhoto());
        }
    }

    record PriceChange(long oldPriceKopecks, long newPriceKopecks, java.time.Instant changedAt, UUID changedBy) {

        static PriceChange of(org.medkarta.clinic.PriceChange change) {
            return new PriceChange(
                    change.oldKopecks(),
                    change.newKopecks(),
                    change.changedAt(),
                    change.changedBy().value());
        }
    }

    record Service(
            UUID id,
            UUID clinicId,
            String name,
            String specialty,
            String format,
            String kind,
            int durationMinutes,
            long priceKopecks,
            List<UUID> doctorIds,
            String visibility,
            boolean active) {

        static Service of(ServiceView s) {
            return new Service(
                    s.id().value(),
                    s.clinicId().value(),
                    s.name(),
                    s.specialty().code(),
                    s.format().name(),
                    s.kind().name(),
                    s.durationMinutes(),
                    s.priceKopecks(),
                    s.doctorIds().stream().map(TypedId::value).toList(),
                    s.visibility().name(),
                    s.active());
        }
    }

    record DoctorCard(Doctor doctor, List<Service> services) {}

    record Version(UUID clinicId, String kind, int version, Instant publishedAt) {

        static Version of(DocumentVersion d) {
            return new Version(d.clinicId().value(), d.kind().name(), d.version(), d.publishedAt());
        }
    }

    record Document(UUID clinicId, String kind, int version, Instant publishedAt, String text, String html) {

        static Document of(DocumentVersion d, String html) {
            return new Document(d.clinicId().value(), d.kind().name(), d.version(), d.publishedAt(), d.text(), html);
        }
    }

    record Attachment(
            UUID id,
            UUID patientId,
            UUID clinicId,
            String clinicName,
            String kind,
            String status,
            String reason,
            Instant requestedAt,
            Instant decidedAt,
            Instant endedAt,
            String appeal,
            Instant appealedAt,
            String appealedReason) {

        static Attachment of(AttachmentView a) {
            return new Attachment(
                    a.id(),
                    a.patientId().value(),
                    a.clinicId().value(),
                    a.clinicName(),
                    a.kind().name(),
                    a.status().name(),
                    a.reason(),
                    a.requestedAt(),
                    a.decidedAt(),
                    a.endedAt(),
                    a.appeal(),
                    a.appealedAt(),
                    a.appealedReason());
        }
    }

    record SupportRequest(
            UUID id,
            String kind,
            UUID clinicId,
            UUID userId,
            String name,
            String email,
            String phone,
            String topic,
            String text,
            String preferredTime,
            String state,
            String reply,
            Instant createdAt,
            Instant updatedAt) {

        static SupportRequest of(SupportRequestView r) {
            return new SupportRequest(
                    r.id(),
                    r.kind().name(),
                    r.clinicId() == null ? null : r.clinicId().value(),
                    r.userId() == null ? null : r.userId().value(),
                    r.name(),
                    r.email(),
                    r.phone(),
                    r.topic(),
                    r.text(),
                    r.preferredTime(),
                    r.state().name(),
                    r.reply(),
                    r.createdAt(),
                    r.updatedAt());
        }
    }
}
