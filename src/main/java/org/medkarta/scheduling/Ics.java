package org.medkarta.scheduling;

import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;

/**
 * iCalendar (RFC 5545) text for appointments (SPEC C7). Times are UTC instants: ical4j's bundled
 * Europe/Moscow zone predates 2014 and would move a 10:00 MSK appointment to 11:00.
 */
final class Ics {

    /** What one event shows. */
    record Event(
            String uid,
            Instant start,
            Instant end,
            String summary,
            String description,
            String location,
            boolean cancelled) {}

    private Ics() {}

    static String calendar(List<Event> events, Instant now) {
        var calendar = new Calendar().withProdId("-//Medkarta//Scheduling//RU").withDefaults();
        for (var event : events) {
            var component = new VEvent(event.start(), event.end(), event.summary());
            component.replace(new DtStamp(now));
            component.add(new Uid(event.uid()));
            if (event.description() != null) {
                component.add(new Description(event.description()));
            }
            if (event.location() != null) {
                component.add(new Location(event.location()));
            }
            component.add(new Status(event.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
            calendar = calendar.withComponent(component);
        }
        return calendar.getFluentTarget().toString();
    }
}
