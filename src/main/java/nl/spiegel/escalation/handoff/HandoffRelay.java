package nl.spiegel.escalation.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.database.DbTime;
import nl.spiegel.shared.database.ScheduledRuns;

/**
 * Keeps the live handoff live across app nodes that share one database. Every {@link HandoffEvent} is also written
 * to {@code handoff_relay} in the transaction of the change (ids only); every node reads the rows of the other nodes
 * each {@code spiegel.handoff.relay.interval} and passes them to its own open screens through
 * {@link HandoffBroadcaster}, exactly as if they had happened here.
 *
 * <p>Why a short database poll and not a cluster protocol or a message broker: the database already is the one shared
 * truth every node needs, handoff events are rare (a few per crisis), and a one-second delay is fine for a queue a
 * therapist watches; a broker would be one more server to run and secure. The poll is one indexed query of a tiny
 * table per second. It runs also while no handoff screen is open here: skipping it would lose the changes committed
 * just before a screen opened.
 *
 * <p>Rows are read by time window, not only by sequence number: with concurrent transactions a lower sequence number
 * can commit after a higher one, and would be skipped by a plain "greater than the last one" read. Rows already passed
 * on are remembered for as long as they are in the window.
 */
@Component
class HandoffRelay implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HandoffRelay.class);
    private static final int TIDY_EVERY_TICKS = 300;

    private final JdbcClient jdbc;
    private final HandoffBroadcaster broadcaster;
    private final OnDutyRegistry onDuty;
    private final long windowMicros;
    private final long intervalMillis;
    // its own thread, not Spring's shared scheduler (one thread): a crisis must not wait behind a slow daily job
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("handoff-relay").daemon().factory());
    private Set<Long> passedOn = Set.of();
    // changes from before this node started are older than every screen here
    private Instant startedAt;
    private int ticks;

    HandoffRelay(JdbcClient jdbc, HandoffBroadcaster broadcaster, OnDutyRegistry onDuty,
                 HandoffRelayProperties properties) {
        this.jdbc = jdbc;
        this.broadcaster = broadcaster;
        this.onDuty = onDuty;
        this.windowMicros = properties.window().toNanos() / 1000;
        this.intervalMillis = properties.interval().toMillis();
    }

    @Override
    public void afterPropertiesSet() {
        startedAt = jdbc.sql("SELECT UTC_TIMESTAMP(6) AS now").query((rs, row) -> DbTime.read(rs, "now")).single();
        timer.scheduleWithFixedDelay(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    /** In the transaction of the change: the other nodes hear about it only if it committed. */
    @EventListener
    void record(HandoffEvent event) {
        Record row = Record.of(event);
        jdbc.sql("""
                INSERT INTO handoff_relay (node, kind, escalation_id, organisation_id, risk_level, rule_ids,
                    requested_at, message_id, author, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))""")
                .params(onDuty.node(), event.getClass().getSimpleName(), event.escalationId().toString(),
                        event.organisationId().toString(), row.level(), row.ruleIds(), row.requestedAt(),
                        row.messageId(), row.author())
                .update();
    }

    void tick() {
        try {
            // a database outage is one line per tick; screens still show what they last knew and reload on the next
            // action
            ScheduledRuns.untilNextRun(log, "handoff relay", () -> {
                onDuty.confirm(broadcaster.therapistsHere());
                relay();
                if (++ticks % TIDY_EVERY_TICKS == 0) {
                    tidy();
                }
            });
        } catch (RuntimeException e) {
            // try again at the next tick: an exception would stop the timer
            log.warn("handoff relay failed", e);
        }
    }

    /** Passes the other nodes' new events to the screens open here; the number passed on. */
    synchronized int relay() {
        List<Row> rows = jdbc.sql("""
                SELECT seq, kind, escalation_id, organisation_id, risk_level, rule_ids, requested_at, message_id,
                    author
                FROM handoff_relay
                WHERE created_at > UTC_TIMESTAMP(6) - INTERVAL ? MICROSECOND AND created_at >= ? AND node <> ?
                ORDER BY seq""")
                .params(windowMicros, DbTime.write(startedAt), onDuty.node())
                .query(HandoffRelay::row)
                .list();
        Set<Long> inWindow = new HashSet<>();
        int passed = 0;
        for (Row row : rows) {
            inWindow.add(row.seq());
            if (!passedOn.contains(row.seq())) {
                broadcaster.deliver(row.event());
                passed++;
            }
        }
        passedOn = inWindow;
        return passed;
    }

    private void tidy() {
        jdbc.sql("DELETE FROM handoff_relay WHERE created_at < UTC_TIMESTAMP(6) - INTERVAL ? MICROSECOND")
                .param(windowMicros * 10).update();
    }

    private static Row row(ResultSet rs, int number) throws SQLException {
        EscalationId escalation = EscalationId.parse(rs.getString("escalation_id"));
        OrganisationId organisation = OrganisationId.parse(rs.getString("organisation_id"));
        HandoffEvent event = switch (rs.getString("kind")) {
            case "Requested" -> new HandoffEvent.Requested(escalation, organisation,
                    RiskLevel.valueOf(rs.getString("risk_level")), ruleIds(rs.getString("rule_ids")),
                    DbTime.read(rs, "requested_at"));
            case "Accepted" -> new HandoffEvent.Accepted(escalation, organisation);
            case "TimedOut" -> new HandoffEvent.TimedOut(escalation, organisation);
            case "MessagePosted" -> new HandoffEvent.MessagePosted(escalation, organisation,
                    rs.getLong("message_id"), Author.valueOf(rs.getString("author")));
            case "ContactLeft" -> new HandoffEvent.ContactLeft(escalation, organisation);
            case "Closed" -> new HandoffEvent.Closed(escalation, organisation);
            case "DutyChanged" -> new HandoffEvent.DutyChanged(escalation, organisation);
            case "SharingChanged" -> new HandoffEvent.SharingChanged(escalation, organisation);
            default -> throw new IllegalStateException("unknown handoff event kind " + rs.getString("kind"));
        };
        return new Row(rs.getLong("seq"), event);
    }

    private static List<String> ruleIds(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private record Row(long seq, HandoffEvent event) {
    }

    /** The columns only some kinds of event fill. */
    private record Record(String level, String ruleIds, Object requestedAt, Long messageId, String author) {

        static Record of(HandoffEvent event) {
            return switch (event) {
                case HandoffEvent.Requested requested -> new Record(requested.level().name(),
                        String.join(",", requested.ruleIds()), DbTime.write(requested.requestedAt()), null, null);
                case HandoffEvent.MessagePosted posted -> new Record(null, null, null, posted.messageId(),
                        posted.author().name());
                default -> new Record(null, null, null, null, null);
            };
        }
    }
}
