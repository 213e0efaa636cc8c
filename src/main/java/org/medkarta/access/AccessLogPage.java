package org.medkarta.access;

import java.time.ZoneId;
import java.util.List;

/**
 * One page of the patient's access log, newest first, whether an older page follows, and the
 * patient's zone (a line told in a staff reader's clinic's other zone says so).
 */
public record AccessLogPage(List<AccessLogLine> lines, AccessLogQuery query, boolean hasNext, ZoneId zone) {

    /** The {@code before} of the next, older page, or null when this is the last. */
    public Long older() {
        return hasNext && !lines.isEmpty() ? lines.get(lines.size() - 1).seq() : null;
    }
}
