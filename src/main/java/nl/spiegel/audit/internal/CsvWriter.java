package nl.spiegel.audit.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import nl.spiegel.audit.AuditEntry;

/** The audit trail as CSV (RFC 4180), one entry per line, times in UTC (ISO 8601). */
public final class CsvWriter {

    static final List<String> HEADER = List.of("id", "occurred_at", "action", "record_type", "record_id",
            "actor_user_id", "actor_role", "actor_forgotten", "on_behalf_of_user_id", "subject_user_id",
            "subject_forgotten", "organisation_id", "client_address", "session_ref");

    private CsvWriter() {
    }

    public static void write(List<AuditEntry> entries, Writer out) throws IOException {
        line(out, HEADER);
        for (AuditEntry entry : entries) {
            line(out, List.of(String.valueOf(entry.id()), entry.occurredAt().toString(), entry.action().name(),
                    text(entry.recordType()), text(entry.recordId()), text(entry.actor()), text(entry.actorRole()),
                    String.valueOf(entry.actorForgotten()), text(entry.onBehalfOf()), text(entry.subject()),
                    String.valueOf(entry.subjectForgotten()), text(entry.organisation()),
                    text(entry.clientAddress()), text(entry.sessionRef())));
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        String safe = value;
        // a spreadsheet would run a cell starting with these as a formula (CSV injection)
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
