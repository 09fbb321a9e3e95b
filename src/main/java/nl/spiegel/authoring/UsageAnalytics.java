package nl.spiegel.authoring;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.audit.Actor;
import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEvent;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.authoring.internal.OrganisationAdmins;
import nl.spiegel.authoring.internal.UsageFigures;
import nl.spiegel.dialogue.DialogueUsage;
import nl.spiegel.dialogue.ScriptUsage;
import nl.spiegel.dialogue.content.ScriptCatalog;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

/**
 * How an organisation's people use Spiegel, for its admins: dialogues started and completed per version and where
 * people stop. Counts of people only, never who, no free text and no moments; every figure that counts or would
 * reveal fewer than {@value UsageReport#MIN_GROUP} people is hidden. Every look and download is on the audit trail.
 */
@Service
public class UsageAnalytics {

    /** Audit record type of a look at (or download of) the analytics. */
    public static final String RECORD_TYPE = "ORGANISATION_ANALYTICS";

    private static final Logger log = LoggerFactory.getLogger(UsageAnalytics.class);

    private final DialogueUsage usage;
    private final ScriptCatalog catalog;
    private final OrganisationAdmins admins;
    private final AuditTrail audit;
    private final Clock clock;

    UsageAnalytics(DialogueUsage usage, ScriptCatalog catalog, OrganisationAdmins admins, AuditTrail audit,
                   Clock clock) {
        this.usage = usage;
        this.catalog = catalog;
        this.admins = admins;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UsageReport report(UserId requester, OrganisationId organisation, UsagePeriod period) {
        StaffMember admin = admin(requester, organisation);
        audit.record(AuditEvent.of(Actor.staff(admin), AuditAction.VIEW, RECORD_TYPE, period.name(), null,
                organisation));
        return build(organisation, period);
    }

    /**
     * Writes exactly the figures of {@link #report} as CSV: one row per figure, hidden ones as words, every cell
     * safe to open in a spreadsheet (no formulas).
     */
    @Transactional
    public void exportCsv(UserId requester, OrganisationId organisation, UsagePeriod period,
                          Function<Integer, String> stepName, Function<Figure, String> hiddenName, String language,
                          OutputStream out) throws IOException {
        StaffMember admin = admin(requester, organisation);
        audit.record(AuditEvent.of(Actor.staff(admin), AuditAction.EXPORT, RECORD_TYPE, period.name(), null,
                organisation));
        UsageReport report = build(organisation, period);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader("dialogue", "version", "step", "people").get())) {
            for (VersionUsage version : report.versions()) {
                for (int i = 0; i < version.funnel().size(); i++) {
                    Figure figure = version.funnel().get(i);
                    int step = i == version.funnel().size() - 1 ? Integer.MAX_VALUE : i;
                    csv.printRecord(safe(version.title().in(language)), version.version(),
                            safe(stepName.apply(step)),
                            figure.isShown() ? String.valueOf(figure.value()) : safe(hiddenName.apply(figure)));
                }
            }
        }
        log.info("analytics export for organisation {} by {}", organisation, admin.userId());
    }

    private UsageReport build(OrganisationId organisation, UsagePeriod period) {
        Instant now = clock.instant();
        Map<UsagePeriod, List<ScriptUsage>> all = new EnumMap<>(UsagePeriod.class);
        for (UsagePeriod each : UsagePeriod.values()) {
            all.put(each, usage.since(organisation, each.since(now)));
        }
        List<VersionUsage> versions = new ArrayList<>();
        for (ScriptUsage shown : all.get(period)) {
            List<List<Integer>> others = new ArrayList<>();
            all.forEach((other, rows) -> {
                if (other != period) {
                    others.add(rows.stream()
                            .filter(row -> row.scriptId().equals(shown.scriptId()) && row.version() == shown.version())
                            .findFirst().map(UsageAnalytics::chain).orElse(List.of()));
                }
            });
            LocalizedText title = catalog.version(organisation, shown.scriptId(), shown.version())
                    .map(Script::title).orElse(LocalizedText.verbatim(shown.scriptId()));
            versions.add(new VersionUsage(shown.scriptId(), shown.version(), title,
                    UsageFigures.funnel(chain(shown), others)));
        }
        return new UsageReport(period, versions);
    }

    /** Started, answered at least 1, 2, ... questions, completed. */
    private static List<Integer> chain(ScriptUsage row) {
        List<Integer> chain = new ArrayList<>();
        chain.add(row.started());
        chain.addAll(row.reached());
        chain.add(row.completed());
        return chain;
    }

    /** A cell starting with =, +, -, @, tab or return is read as a formula by spreadsheets: make it plain text. */
    static String safe(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private StaffMember admin(UserId requester, OrganisationId organisation) {
        return admins.require(requester, organisation, RECORD_TYPE, null);
    }
}
