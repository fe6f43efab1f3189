package io.recollect.audit.internal;

import java.util.List;

/** A page of the access log, newest first. */
public record AccessLogPage(List<AccessLogEntry> entries, int page, int size, long total) {
}
