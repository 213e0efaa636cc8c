package org.medkarta.access;

import java.util.List;

/** One page of the patient's access log, newest first, and whether an older page follows. */
public record AccessLogPage(List<AccessLogLine> lines, AccessLogQuery query, boolean hasNext) {}
