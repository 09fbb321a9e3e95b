package nl.spiegel.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import nl.spiegel.risk.internal.Evaluation;
import org.junit.jupiter.api.Test;

/**
 * A disguised risky message must never score lower than its plain form: digits and symbols for letters, zero-width
 * characters, look-alike letters from other scripts, letters spelled out one by one, stretched letters. Every crisis
 * and concern message of every labelled set is disguised in each way (seeded, so a failure can be reproduced).
 */
class ObfuscationTest {
    private static final RiskDetector DETECTOR = RiskDetector.loadDefault();
    private static final Map<Character, Character> LEET = Map.of('o', '0', 'e', '3', 'a', '4', 'i', '1', 's', '5',
            't', '7', 'l', '1');
    private static final Map<Character, Character> CYRILLIC = Map.of('a', '\u0430', 'e', '\u0435', 'o', '\u043e',
            'p', '\u0440', 'c', '\u0441', 'x', '\u0445', 'i', '\u0456', 'y', '\u0443', 's', '\u0455');
    private static final String[] INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"};

    private static final java.util.regex.Pattern SPELLED_OUT =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L} ){4,}\\p{L}(?![\\p{L}\\p{N}])");

    static final List<BiFunction<String, Random, String>> DISGUISES = List.of(
            ObfuscationTest::leet, ObfuscationTest::invisible, ObfuscationTest::lookAlike,
            ObfuscationTest::spaced, ObfuscationTest::dotted, ObfuscationTest::stretched, ObfuscationTest::mixed);

    @Test
    void aDisguisedRiskyMessageNeverScoresLowerThanItsPlainForm() throws IOException {
        List<String> lower = new ArrayList<>();
        List<String> crisisToNone = new ArrayList<>();
        int checked = 0;
        for (Evaluation.Row row : riskyRows()) {
            RiskLevel plain = DETECTOR.assess(row.text(), row.lang()).level();
            // "o v e r d o s e d": a message that is spelled out already has no plain form to compare with
            if (plain == RiskLevel.NONE || SPELLED_OUT.matcher(row.text()).find()) {
                continue;
            }
            // seeded per message: a new set, or a message the lexicon learns to find, leaves the disguises of every
            // other message as they were, so a change in the figure is a change of the detector
            Random random = new Random(20261207L ^ row.id().hashCode());
            for (int d = 0; d < DISGUISES.size(); d++) {
                String disguised = DISGUISES.get(d).apply(row.text(), random);
                RiskLevel got = DETECTOR.assess(disguised, row.lang()).level();
                checked++;
                if (got.compareTo(plain) < 0) {
                    lower.add(row.id() + " disguise " + d + ": " + plain + " -> " + got);
                    if (plain == RiskLevel.CRISIS && got == RiskLevel.NONE) {
                        crisisToNone.add(row.id() + " disguise " + d + ": " + disguised);
                    }
                }
            }
        }
        System.out.printf("disguised risky messages: %d checked, %d scored lower than plain (%.2f %%), %d crisis to none%n",
                checked, lower.size(), 100.0 * lower.size() / checked, crisisToNone.size());
        assertThat(checked).isGreaterThan(3000);
        assertThat(crisisToNone).as("a disguised crisis message is never missed").isEmpty();
        // the bar is 2 %; a few stretched or digit-heavy words still have two readings the lexicon knows
        assertThat(lower.size()).as("disguised forms scoring lower: %s", lower).isLessThanOrEqualTo(checked / 200);
    }

    @Test
    void disguisesChangeTheText() {
        Random random = new Random(1);
        for (BiFunction<String, Random, String> d : DISGUISES) {
            String text = "ik wil nooit meer wakker worden, echt niet";
            assertThat(d.apply(text, random)).isNotEqualTo(text);
        }
    }

    static List<Evaluation.Row> riskyRows() throws IOException {
        List<Evaluation.Row> rows = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("src/test/resources/risk"), "*.tsv")) {
            for (Path f : files) {
                try {
                    for (Evaluation.Row r : Evaluation.readCorpus(f)) {
                        // rows written disguised by their author have no plain form to compare with
                        if (r.gold() != RiskLevel.NONE && !r.tags().contains("obfuscated")) {
                            rows.add(r);
                        }
                    }
                } catch (nl.spiegel.risk.internal.TsvFile.BadInput e) {
                    throw new IllegalStateException(f + ": " + e.getMessage(), e);
                }
            }
        }
        return rows;
    }

    /** Applies {@code change} to a random share of the letters (at least one). */
    private static String perLetter(String s, Random r, double share, java.util.function.Function<Character, String> change) {
        StringBuilder sb = new StringBuilder();
        boolean changed = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String to = Character.isLetter(c) && r.nextDouble() < share ? change.apply(Character.toLowerCase(c)) : null;
            if (to != null) {
                sb.append(to);
                changed = true;
            } else {
                sb.append(c);
            }
        }
        return changed || share >= 1 ? sb.toString() : perLetter(s, r, Math.min(1, share * 2), change);
    }

    static String leet(String s, Random r) {
        return perLetter(s, r, 0.5, c -> LEET.containsKey(c) ? String.valueOf(LEET.get(c)) : null);
    }

    static String invisible(String s, Random r) {
        return perLetter(s, r, 0.4, c -> c + INVISIBLE[r.nextInt(INVISIBLE.length)]);
    }

    static String lookAlike(String s, Random r) {
        return perLetter(s, r, 0.6, c -> CYRILLIC.containsKey(c) ? String.valueOf(CYRILLIC.get(c)) : null);
    }

    /** Every word's letters spaced out, words apart by two spaces: "i k  w i l". */
    static String spaced(String s, Random r) {
        StringBuilder sb = new StringBuilder();
        for (String word : s.split(" ")) {
            if (!sb.isEmpty()) {
                sb.append("  ");
            }
            sb.append(String.join(" ", word.codePoints().mapToObj(Character::toString).toList()));
        }
        return sb.toString();
    }

    /** The longest words spelled with dots or dashes: "z.e.l.f.m.o.o.r.d". */
    static String dotted(String s, Random r) {
        String sep = r.nextBoolean() ? "." : "-";
        StringBuilder sb = new StringBuilder();
        for (String word : s.split(" ")) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(word.length() >= 5 && word.chars().allMatch(Character::isLetter)
                    ? String.join(sep, word.codePoints().mapToObj(Character::toString).toList()) : word);
        }
        return sb.toString();
    }

    static String stretched(String s, Random r) {
        return perLetter(s, r, 0.3, c -> "aeiou".indexOf(c) >= 0 ? String.valueOf(c).repeat(3 + r.nextInt(4)) : null);
    }

    static String mixed(String s, Random r) {
        return invisible(lookAlike(leet(s, r), r), r);
    }
}
