package org.medkarta.consultation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.medkarta.consultation.Channel;
import org.medkarta.consultation.ConsultationState;
import org.medkarta.consultation.DeskFilter;
import org.medkarta.shared.InvalidInput;

/** Reads the desk's state and filters from request parameters, naming a wrong one. */
final class DeskRequests {

    private DeskRequests() {}

    static ConsultationState state(String state) {
        try {
            var parsed = ConsultationState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            if (parsed == ConsultationState.CANCELLED) {
                throw new IllegalArgumentException();
            }
            return parsed;
        } catch (IllegalArgumentException wrong) {
            throw new InvalidInput("state", "consultation.validation.state");
        }
    }

    static DeskFilter filter(String date, String channel, String patient) {
        LocalDate day = null;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException wrong) {
                throw new InvalidInput("date", "consultation.validation.date");
            }
        }
        Channel how = null;
        if (channel != null && !channel.isBlank()) {
            try {
                how = Channel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException wrong) {
                throw new InvalidInput("channel", "consultation.validation.channel");
            }
        }
        if (patient != null && patient.length() > 100) {
            throw new InvalidInput("patient", "consultation.validation.too-long", 100);
        }
        return new DeskFilter(day, how, patient == null || patient.isBlank() ? null : patient.strip());
    }
}
