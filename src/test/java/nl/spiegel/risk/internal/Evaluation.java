package nl.spiegel.risk.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import nl.spiegel.risk.RiskLevel;

/**
 * Scores a detector against a labelled corpus ({@code id, lang, level, tags, text}) and formats the report used by
 * the corpus test and {@code RiskReport}.
 */
public final class Evaluation {
    public static final List<String> HEADER = List.of("id", "lang", "level", "tags", "text");
    /** Tags whose messages must never score NONE, whatever else goes wrong. */
    public static final Set<String> NEVER_NONE_TAGS = Set.of("explicit", "plan", "attempt");

    public record Row(String id, String lang, RiskLevel gold, Set<String> tags, String text) {
    }

    public record Scored(Row row, RiskLevel got, List<String> ruleIds) {
        boolean escalated() {
            return got.isAtLeast(RiskLevel.CONCERN);
        }
    }

    /** Counts for one slice of the corpus (all, one language, one tag). */
    public record Slice(int crisis, int crisisHit, int risky, int riskyHit, int none, int falseAlarms,
                        int underTriage, int missed, int concernToCrisis, int noneToCrisis) {
        public double crisisRecall() {
            return ratio(crisisHit, crisis);
        }

        /** Gold crisis or concern scored at least concern. */
        public double escalationRecall() {
            return ratio(riskyHit, risky);
        }

        /** Gold none scored at least concern. */
        public double falseAlarmRate() {
            return ratio(falseAlarms, none);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? Double.NaN : (double) a / b;
        }
    }

    private final List<Scored> scored;

    private Evaluation(List<Scored> scored) {
        this.scored = List.copyOf(scored);
    }

    public static List<Row> readCorpus(Path file) throws TsvFile.BadInput, IOException {
        List<Row> rows = new ArrayList<>();
        for (String[] f : TsvFile.read(file, HEADER)) {
            Set<String> tags = f[3].isBlank() ? Set.of() : Set.copyOf(Arrays.asList(f[3].trim().split("\\s*,\\s*")));
            rows.add(new Row(f[0], f[1], RiskLevel.fromCode(f[2]), tags, f[4]));
        }
        return rows;
    }

    /** Scores every row with {@code detector(text, lang)}. */
    public static Evaluation run(List<Row> rows, BiFunction<String, String, Scored> detector) {
        return new Evaluation(rows.stream().map(r -> {
            Scored s = detector.apply(r.text(), r.lang());
            return new Scored(r, s.got(), s.ruleIds());
        }).toList());
    }

    /** An evaluation of rows that were scored elsewhere (e.g. out-of-fold in a cross-validation). */
    public static Evaluation of(List<Scored> scored) {
        return new Evaluation(scored);
    }

    public List<Scored> scored() {
        return scored;
    }

    public Slice overall() {
        return slice(scored);
    }

    /** Messages tagged explicit, plan or attempt (with a gold level above none) that scored NONE. */
    public List<Scored> criticalMisses() {
        return scored.stream()
                .filter(s -> s.row().gold() != RiskLevel.NONE && s.got() == RiskLevel.NONE
                        && s.row().tags().stream().anyMatch(NEVER_NONE_TAGS::contains))
                .toList();
    }

    public Map<String, Slice> byLanguage() {
        Map<String, List<Scored>> groups = new TreeMap<>();
        for (Scored s : scored) {
            groups.computeIfAbsent(s.row().lang(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Slice> out = new TreeMap<>();
        groups.forEach((k, v) -> out.put(k, slice(v)));
        return out;
    }

    public Map<String, Slice> byTag() {
        Map<String, List<Scored>> groups = new TreeMap<>();
        for (Scored s : scored) {
            for (String tag : s.row().tags()) {
                groups.computeIfAbsent(tag, k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, Slice> out = new TreeMap<>();
        groups.forEach((k, v) -> out.put(k, slice(v)));
        return out;
    }

    private static Slice slice(List<Scored> list) {
        int crisis = 0;
        int crisisHit = 0;
        int risky = 0;
        int riskyHit = 0;
        int none = 0;
        int falseAlarms = 0;
        int under = 0;
        int missed = 0;
        int concernToCrisis = 0;
        int noneToCrisis = 0;
        for (Scored s : list) {
            RiskLevel gold = s.row().gold();
            switch (gold) {
                case CRISIS -> {
                    crisis++;
                    risky++;
                    crisisHit += s.got() == RiskLevel.CRISIS ? 1 : 0;
                    riskyHit += s.escalated() ? 1 : 0;
                    under += s.got() == RiskLevel.CONCERN ? 1 : 0;
                    missed += s.got() == RiskLevel.NONE ? 1 : 0;
                }
                case CONCERN -> {
                    risky++;
                    riskyHit += s.escalated() ? 1 : 0;
                    concernToCrisis += s.got() == RiskLevel.CRISIS ? 1 : 0;
                    missed += s.got() == RiskLevel.NONE ? 1 : 0;
                }
                case NONE -> {
                    none++;
                    falseAlarms += s.escalated() ? 1 : 0;
                    noneToCrisis += s.got() == RiskLevel.CRISIS ? 1 : 0;
                }
            }
        }
        return new Slice(crisis, crisisHit, risky, riskyHit, none, falseAlarms, under, missed, concernToCrisis,
                noneToCrisis);
    }

    /** A plain-text report: totals, per language, per tag, then every disagreement. */
    public String report(String title) {
        StringBuilder sb = new StringBuilder();
        Slice all = overall();
        sb.append("Risk corpus report: ").append(title).append('\n');
        sb.append(String.format(Locale.ROOT, "messages %d (crisis %d, concern %d, none %d)%n", scored.size(),
                all.crisis(), all.risky() - all.crisis(), all.none()));
        sb.append(String.format(Locale.ROOT,
                "crisis recall %s   escalation recall %s   false alarms %s   critical misses %d%n",
                pct(all.crisisRecall()), pct(all.escalationRecall()), pct(all.falseAlarmRate()),
                criticalMisses().size()));
        sb.append(String.format(Locale.ROOT,
                "under-triage (crisis->concern) %d   missed (crisis/concern->none) %d   over-escalation (concern->crisis) %d, (none->crisis) %d%n",
                all.underTriage(), all.missed(), all.concernToCrisis(), all.noneToCrisis()));
        sb.append("\nper language\n");
        table(sb, byLanguage());
        sb.append("\nper tag\n");
        table(sb, byTag());
        sb.append("\ndisagreements (id, gold -> got, rules, text)\n");
        for (Scored s : scored) {
            if (s.got() != s.row().gold()) {
                sb.append(String.format(Locale.ROOT, "%-8s %-7s -> %-7s %s | %s%n", s.row().id(), s.row().gold().code(),
                        s.got().code(), s.ruleIds(), s.row().text()));
            }
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, Map<String, Slice> slices) {
        sb.append(String.format(Locale.ROOT, "%-12s %5s %9s %5s %11s %5s %9s %6s %7s %8s %8s%n", "", "crisis",
                "recall", "risky", "esc.recall", "none", "f.alarms", "under", "missed", "conc->cr", "none->cr"));
        slices.forEach((k, s) -> sb.append(String.format(Locale.ROOT, "%-12s %5d %9s %5d %11s %5d %9s %6d %7d %8d %8d%n",
                k, s.crisis(), pct(s.crisisRecall()), s.risky(), pct(s.escalationRecall()), s.none(),
                pct(s.falseAlarmRate()), s.underTriage(), s.missed(), s.concernToCrisis(), s.noneToCrisis())));
    }

    private static String pct(double d) {
        return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.1f%%", d * 100);
    }
}
