package org.medkarta.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.TypedId;

/**
 * A doctor's weekly pattern of appointment starts (seed 004: name, dates, weekdays, first and last
 * start, slot length) and the slots it gives on given days in the clinic's time zone.
 */
record ScheduleTemplate(
        UUID id,
        DoctorId doctor,
        ClinicId clinic,
        String name,
        LocalDate validFrom,
        LocalDate validTo,
        Set<DayOfWeek> weekdays,
        LocalTime firstStart,
        LocalTime lastStart,
        int slotMinutes,
        List<Break> breaks,
        List<UUID> services,
        boolean active) {

    /** A pause in the day: no slot may touch {@code [start, end)}. */
    record Break(LocalTime start, LocalTime end) {
        static Break parse(String text) {
            String[] parts = text.strip().split("\\s*-\\s*");
            if (parts.length != 2) {
                throw new DateTimeParseException("break", text, 0);
            }
            return new Break(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    /** A slot the template gives: its instants and the local time it was written in. */
    record Planned(Instant start, Instant end) {}

    /** Reads and checks a form, naming every wrong field. */
    static ScheduleTemplate of(UUID id, DoctorId doctor, ClinicId clinic, TemplateForm form, boolean active) {
        var errors = new FieldErrors();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            errors.reject("name", "validation.required");
        } else if (name.length() > 200) {
            errors.reject("name", "scheduling.validation.too-long", 200);
        }
        LocalDate from = date(form.validFrom(), "validFrom", errors);
        LocalDate to = date(form.validTo(), "validTo", errors);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                errors.reject("validTo", "scheduling.validation.valid-to-before");
            } else if (from.plusYears(2).isBefore(to)) {
                errors.reject("validTo", "scheduling.validation.too-long-period");
            }
        }
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : form.weekdays() == null ? List.<String>of() : form.weekdays()) {
            var parsed = weekday(day);
            if (parsed == null) {
                errors.reject("weekdays", "scheduling.validation.weekday");
            } else {
                days.add(parsed);
            }
        }
        if (days.isEmpty() && !errors.has("weekdays")) {
            errors.reject("weekdays", "validation.required");
        }
        LocalTime first = time(form.firstStart(), "firstStart", errors);
        LocalTime last = time(form.lastStart(), "lastStart", errors);
        Integer minutes = form.slotMinutes();
        if (minutes == null) {
            errors.reject("slotMinutes", "validation.required");
        } else if (minutes < 5 || minutes > 480 || minutes % 5 != 0) {
            errors.reject("slotMinutes", "scheduling.validation.slot-minutes");
        }
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.reject("lastStart", "scheduling.validation.last-before-first");
            } else if (minutes != null && last.toSecondOfDay() / 60 + minutes > 24 * 60) {
                errors.reject("lastStart", "scheduling.validation.past-midnight");
            }
        }
        var breaks = new ArrayList<Break>();
        for (String text : form.breaks() == null ? List.<String>of() : form.breaks()) {
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                var parsed = Break.parse(text);
                if (!parsed.start().isBefore(parsed.end())) {
                    errors.reject("breaks", "scheduling.validation.break");
                } else {
                    breaks.add(parsed);
                }
            } catch (DateTimeParseException e) {
                errors.reject("breaks", "scheduling.validation.break");
            }
        }
        var services = new ArrayList<UUID>();
        for (String text : form.serviceIds() == null ? List.<String>of() : form.serviceIds()) {
            UUID service = errors.check(() -> TypedId.parse(text, "serviceIds"));
            if (service != null && !services.contains(service)) {
                services.add(service);
            }
        }
        if (services.isEmpty() && !errors.has("serviceIds")) {
            errors.reject("serviceIds", "validation.required");
        }
        errors.throwIfAny();
        return new ScheduleTemplate(
                id, doctor, clinic, name, from, to, days, first, last, minutes, breaks, services, active);
    }

    ScheduleTemplate activated(boolean on) {
        return new ScheduleTemplate(
                id,
                doctor,
                clinic,
                name,
                validFrom,
                validTo,
                weekdays,
                firstStart,
                lastStart,
                slotMinutes,
                breaks,
                services,
                on);
    }

    /** Whether the two templates could give slots at the same moment of the same day. */
    boolean overlaps(ScheduleTemplate other) {
        boolean dates = !validTo.isBefore(other.validFrom) && !other.validTo.isBefore(validFrom);
        boolean days = weekdays.stream().anyMatch(other.weekdays::contains);
        boolean hours =
                firstStart.toSecondOfDay() < other.dayEndSecond() && other.firstStart.toSecondOfDay() < dayEndSecond();
        return dates && days && hours;
    }

    private int dayEndSecond() {
        return lastStart.toSecondOfDay() + slotMinutes * 60;
    }

    /**
     * The slots of the days {@code from}..{@code to} (inclusive, clipped to the validity), written
     * in the clinic's time zone. A local time the zone skips (the spring-forward hour) gives no slot;
     * a repeated one (fall back) gives its first occurrence.
     */
    List<Planned> plan(LocalDate from, LocalDate to, ZoneId zone) {
        var planned = new ArrayList<Planned>();
        LocalDate first = from.isBefore(validFrom) ? validFrom : from;
        LocalDate last = to.isAfter(validTo) ? validTo : to;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!weekdays.contains(day.getDayOfWeek())) {
                continue;
            }
            for (int minute = firstStart.toSecondOfDay() / 60;
                    minute <= lastStart.toSecondOfDay() / 60;
                    minute += slotMinutes) {
                int end = minute + slotMinutes;
                if (inBreak(minute, end)) {
                    continue;
                }
                LocalDateTime local = day.atStartOfDay().plusMinutes(minute);
                if (zone.getRules().getValidOffsets(local).isEmpty()) {
                    continue;
                }
                Instant start = local.atZone(zone).toInstant();
                planned.add(new Planned(start, start.plusSeconds(slotMinutes * 60L)));
            }
        }
        return planned;
    }

    private boolean inBreak(int start, int end) {
        for (var pause : breaks) {
            int from = pause.start().toSecondOfDay() / 60;
            int to = pause.end().toSecondOfDay() / 60;
            if (start < to && from < end) {
                return true;
            }
        }
        return false;
    }

    TemplateView view() {
        return new TemplateView(
                id,
                doctor,
                clinic,
                name,
                validFrom,
                validTo,
                List.copyOf(new TreeSet<>(weekdays)),
                firstStart,
                lastStart,
                slotMinutes,
                breaks.stream().map(Break::toString).toList(),
                services,
                active);
    }

    String weekdayColumn() {
        return new TreeSet<>(weekdays)
                .stream().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
    }

    String breakColumn() {
        return breaks.stream().map(Break::toString).collect(Collectors.joining(";"));
    }

    String serviceColumn() {
        return services.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    static Set<DayOfWeek> weekdaysOf(String column) {
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : column.split(",")) {
            if (!day.isBlank()) {
                days.add(DayOfWeek.of(Integer.parseInt(day.strip())));
            }
        }
        return days;
    }

    static List<Break> breaksOf(String column) {
        var breaks = new ArrayList<Break>();
        for (String text : column.split(";")) {
            if (!text.isBlank()) {
                breaks.add(Break.parse(text));
            }
        }
        return breaks;
    }

    static List<UUID> uuidsOf(String column) {
        var ids = new ArrayList<UUID>();
        for (String text : column.split(",")) {
            if (!text.isBlank()) {
                ids.add(UUID.fromString(text.strip()));
            }
        }
        return ids;
    }

    private static DayOfWeek weekday(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip().toUpperCase(Locale.ROOT);
        if (clean.matches("[1-7]")) {
            return DayOfWeek.of(Integer.parseInt(clean));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(clean) || day.name().substring(0, 3).equals(clean)) {
                return day;
            }
        }
        return null;
    }

    private static LocalDate date(String text, String field, FieldErrors errors) {
        return parsed(text, field, errors, LocalDate::parse, "scheduling.validation.date");
    }

    private static LocalTime time(String text, String field, FieldErrors errors) {
        return parsed(text, field, errors, LocalTime::parse, "scheduling.validation.time");
    }

    private static <T> T parsed(
            String text, String field, FieldErrors errors, java.util.function.Function<String, T> parse, String code) {
        if (text == null || text.isBlank()) {
            errors.reject(field, "validation.required");
            return null;
        }
        try {
            return parse.apply(text.strip());
        } catch (DateTimeParseException e) {
            errors.reject(field, code);
            return null;
        }
    }
}
