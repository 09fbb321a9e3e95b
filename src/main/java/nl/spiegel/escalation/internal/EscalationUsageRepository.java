package nl.spiegel.escalation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.database.DbTime;

/** Requests to talk to a human, one per person (their latest), for counting; no ids or moments leave this class. */
@Repository
public class EscalationUsageRepository {

    /** The level of a person's latest request, and how long it waited until accepted (null: never accepted). */
    public record LatestRequest(RiskLevel level, Duration waited) {
    }

    private final JdbcClient jdbc;

    EscalationUsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<LatestRequest> latestPerPerson(OrganisationId organisation, Instant since) {
        record Row(String user, String id, RiskLevel level, Instant requestedAt, Instant acceptedAt) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT id, user_id, risk_level, requested_at, accepted_at FROM escalations
                WHERE organisation_id = ? AND requested_at >= ?""")
                .params(organisation.toString(), DbTime.write(since == null ? Instant.EPOCH : since))
                .query((rs, n) -> new Row(rs.getString("user_id"), rs.getString("id"),
                        RiskLevel.valueOf(rs.getString("risk_level")), DbTime.read(rs, "requested_at"),
                        DbTime.read(rs, "accepted_at")))
                .list();
        Comparator<Row> order = Comparator.comparing(Row::requestedAt).thenComparing(Row::id);
        Map<String, Row> latest = new HashMap<>();
        for (Row row : rows) {
            latest.merge(row.user(), row, (one, other) -> order.compare(one, other) >= 0 ? one : other);
        }
        return latest.values().stream()
                .map(row -> new LatestRequest(row.level(), row.acceptedAt() == null ? null
                        : Duration.between(row.requestedAt(), row.acceptedAt())))
                .toList();
    }
}
