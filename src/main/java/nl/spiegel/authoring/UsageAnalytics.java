package nl.spiegel.authoring;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import nl.spiegel.escalation.EscalationUsage;
import nl.spiegel.progress.BandUsage;
import nl.spiegel.progress.MoodUsage;
import nl.spiegel.progress.ProgressUsage;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.dialogue.ScriptUsage;
import nl.spiegel.dialogue.content.ScriptCatalog;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

/**
 * How an organisation's people use Spiegel, for its admins: dialogues started and completed per version and where
 * people stop, mood before and after, requests to talk to a human by level with the median wait until a therapist
 * accepted, and questionnaire bands. Counts of people only, never who, no free text and no moments; every figure that counts or would
 * reveal fewer than {@value UsageReport#MIN_GROUP} people is hidden. Every look and download is on the audit trail.
 */
@Service
public class UsageAnalytics {

    /** Audit record type of a look at (or download of) the analytics. */
    public static final String RECORD_TYPE = "ORGANISATION_ANALYTICS";

    private static final Logger log = LoggerFactory.getLogger(UsageAnalytics.class);

    private final DialogueUsage usage;
    private final ProgressUsage progress;
    private final EscalationUsage escalationUsage;
    private final ScriptCatalog catalog;
    private final OrganisationAdmins admins;
    private final AuditTrail audit;
    private final Clock clock;

    UsageAnalytics(DialogueUsage usage, ProgressUsage progress, EscalationUsage escalationUsage,
                   ScriptCatalog catalog, OrganisationAdmins admins, AuditTrail audit, Clock clock) {
        this.usage = usage;
        this.progress = progress;
        this.escalationUsage = escalationUsage;
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
     * Writes exactly the figures of {@link #report} as CSV, in the rows the page shows them (the view turns the
     * report into rows, the same way it fills its tables), every cell safe to open in a spreadsheet (no formulas).
     */
    @Transactional
    public void exportCsv(UserId requester, OrganisationId organisation, UsagePeriod period, List<String> header,
                          Function<UsageReport, List<List<String>>> rows, OutputStream out) throws IOException {
        StaffMember admin = admin(requester, organisation);
        audit.record(AuditEvent.of(Actor.staff(admin), AuditAction.EXPORT, RECORD_TYPE, period.name(), null,
                organisation));
        UsageReport report = build(organisation, period);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(header.stream().map(UsageAnalytics::safe).toArray(String[]::new)).get())) {
            for (List<String> row : rows.apply(report)) {
                csv.printRecord(row.stream().map(UsageAnalytics::safe).toList());
            }
        }
        log.info("analytics export for organisation {} by {}", organisation, admin.userId());
    }

    private UsageReport build(OrganisationId organisation, UsagePeriod period) {
        Instant now = clock.instant();
        Map<UsagePeriod, List<ScriptUsage>> all = new EnumMap<>(UsagePeriod.class);
        Map<UsagePeriod, List<MoodUsage>> moods = new EnumMap<>(UsagePeriod.class);
        Map<UsagePeriod, List<BandUsage>> bands = new EnumMap<>(UsagePeriod.class);
        Map<UsagePeriod, EscalationUsage.Figures> escalations = new EnumMap<>(UsagePeriod.class);
        for (UsagePeriod each : UsagePeriod.values()) {
            Instant since = each.since(now);
            all.put(each, usage.since(organisation, since));
            moods.put(each, progress.moods(organisation, since));
            bands.put(each, progress.bands(organisation, since));
            escalations.put(each, escalationUsage.since(organisation, since));
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
            versions.add(new VersionUsage(shown.scriptId(), shown.version(),
                    title(organisation, shown.scriptId(), shown.version()),
                    UsageFigures.funnel(chain(shown), others)));
        }
        return new UsageReport(period, versions, moodFigures(organisation, period, moods, all.get(period)),
                escalationFigures(period, escalations), bandFigures(period, bands));
    }

    private List<MoodFigures> moodFigures(OrganisationId organisation, UsagePeriod period,
                                          Map<UsagePeriod, List<MoodUsage>> all, List<ScriptUsage> funnels) {
        List<MoodFigures> figures = new ArrayList<>();
        for (MoodUsage shown : all.get(period)) {
            List<List<Integer>> others = new ArrayList<>();
            all.forEach((other, rows) -> {
                if (other != period) {
                    others.add(rows.stream()
                            .filter(row -> row.scriptId().equals(shown.scriptId()) && row.version() == shown.version())
                            .findFirst().map(UsageAnalytics::moodCells).orElse(List.of()));
                }
            });
            // the people with both check-ins are a subset of those who started and of those who completed
            List<Integer> related = funnels.stream()
                    .filter(row -> row.scriptId().equals(shown.scriptId()) && row.version() == shown.version())
                    .flatMap(row -> java.util.stream.Stream.of(row.started(), row.completed())).toList();
            List<Integer> cells = moodCells(shown);
            List<Figure> shownFigures = UsageFigures.distribution(shown.people(), cells.subList(1, cells.size()),
                    others, related);
            Figure people = shownFigures.getFirst();
            figures.add(new MoodFigures(shown.scriptId(), shown.version(),
                    title(organisation, shown.scriptId(), shown.version()), people,
                    shares(List.of("better", "same", "worse"), shownFigures),
                    people.isShown() ? mean(shown.sumBefore(), shown.people()) : null,
                    people.isShown() ? mean(shown.sumAfter(), shown.people()) : null));
        }
        return figures;
    }

    private static EscalationFigures escalationFigures(UsagePeriod period,
                                                       Map<UsagePeriod, EscalationUsage.Figures> all) {
        EscalationUsage.Figures shown = all.get(period);
        List<List<Integer>> others = new ArrayList<>();
        List<Integer> otherAccepted = new ArrayList<>();
        all.forEach((other, figures) -> {
            if (other != period) {
                others.add(escalationCells(figures));
                otherAccepted.add(figures.accepted());
            }
        });
        List<Integer> cells = escalationCells(shown);
        List<Figure> figures = UsageFigures.distribution(shown.people(), cells.subList(1, cells.size()), others,
                List.of());
        // accepted is a subset of the people who asked: compare it with them too
        List<Integer> acceptedComparedWith = new ArrayList<>(otherAccepted);
        acceptedComparedWith.add(shown.people());
        Figure accepted = UsageFigures.single(shown.accepted(), acceptedComparedWith);
        Integer median = accepted.isShown() && shown.medianWait() != null
                ? (int) Math.max(1, (shown.medianWait().toSeconds() + 59) / 60) : null;
        return new EscalationFigures(figures.getFirst(),
                shares(EscalationUsage.LEVELS.stream().map(RiskLevel::code).toList(), figures), accepted, median);
    }

    private static List<BandFigures> bandFigures(UsagePeriod period, Map<UsagePeriod, List<BandUsage>> all) {
        List<BandFigures> figures = new ArrayList<>();
        for (BandUsage shown : all.get(period)) {
            List<List<Integer>> others = new ArrayList<>();
            all.forEach((other, rows) -> {
                if (other != period) {
                    others.add(rows.stream().filter(row -> row.instrument().equals(shown.instrument()))
                            .findFirst().map(UsageAnalytics::bandCells).orElse(List.of()));
                }
            });
            List<Integer> cells = bandCells(shown);
            List<Figure> shownFigures = UsageFigures.distribution(shown.people(), cells.subList(1, cells.size()),
                    others, List.of());
            figures.add(new BandFigures(shown.instrument(), shownFigures.getFirst(),
                    shares(List.copyOf(shown.byBand().keySet()), shownFigures)));
        }
        return figures;
    }

    /** Figures of a distribution (total first) as named shares. */
    private static List<Share> shares(List<String> codes, List<Figure> figures) {
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            shares.add(new Share(codes.get(i), figures.get(i + 1)));
        }
        return shares;
    }

    private static List<Integer> moodCells(MoodUsage row) {
        return List.of(row.people(), row.better(), row.same(), row.worse());
    }

    private static List<Integer> escalationCells(EscalationUsage.Figures figures) {
        List<Integer> cells = new ArrayList<>();
        cells.add(figures.people());
        EscalationUsage.LEVELS.forEach(level -> cells.add(figures.byLevel().getOrDefault(level, 0)));
        return cells;
    }

    private static List<Integer> bandCells(BandUsage row) {
        List<Integer> cells = new ArrayList<>();
        cells.add(row.people());
        cells.addAll(row.byBand().values());
        return cells;
    }

    private static BigDecimal mean(int sum, int people) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(people), 1, RoundingMode.HALF_UP);
    }

    private LocalizedText title(OrganisationId organisation, String scriptId, int version) {
        return catalog.version(organisation, scriptId, version).map(Script::title)
                .orElse(LocalizedText.verbatim(scriptId));
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
