package org.medkarta.scheduling.web;

import java.nio.charset.StandardCharsets;
import org.medkarta.scheduling.CalendarFiles;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The private calendar feed a calendar app subscribes to (SPEC C7): the secret in the URL is the
 * only key, so calendar apps that cannot sign in can read it; a revoked secret answers 404.
 */
@RestController
class CalendarFeed {

    private final CalendarFiles calendarFiles;

    CalendarFeed(CalendarFiles calendarFiles) {
        this.calendarFiles = calendarFiles;
    }

    @GetMapping("/calendar/{secret}.ics")
    ResponseEntity<String> feed(@PathVariable String secret) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("X-Robots-Tag", "noindex")
                .body(calendarFiles.feed(secret));
    }
}
