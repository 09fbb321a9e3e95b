package nl.spiegel.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Password rules after NIST SP 800-63B: a minimum length (12 by default) and a maximum of 128, any characters, no
 * composition rules ("one capital, one digit"), but no common passwords, no repeated characters or sequences, and
 * not built from the person's own e-mail address or the name of the app. A long sentence is the easiest good password.
 */
public final class PasswordPolicy {

    public static final int MAX_LENGTH = 128;
    static final String COMMON_LIST = "/identity/common-passwords.txt";
    private static final List<String> APP_NAMES = List.of("spiegel", "mirror");

    private static final String[] KEYBOARD_ROWS = {"1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./"};
    private static final double[] ROW_OFFSETS = {0, 0.5, 0.75, 1.25};
    private static final Map<Integer, double[]> KEY_POSITIONS = keyPositions();

    private final int minLength;
    private final Set<String> common;

    public PasswordPolicy(int minLength, Set<String> common) {
        if (minLength < 8 || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("minimum password length must be between 8 and " + MAX_LENGTH);
        }
        this.minLength = minLength;
        Set<String> normalised = new HashSet<>();
        for (String word : common) {
            String lower = word.toLowerCase(Locale.ROOT);
            normalised.add(lower);
            normalised.add(unleet(lower));
        }
        this.common = Set.copyOf(normalised);
    }

    /** The policy with Spiegel's own list of common passwords. */
    public static PasswordPolicy withBundledList(int minLength) {
        return new PasswordPolicy(minLength, bundledList());
    }

    public int minLength() {
        return minLength;
    }

    /** Passwords are compared in Unicode NFKC, so the same typed text always gives the same password. */
    public static String normalise(String password) {
        return password == null ? null : Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Every problem with this password, in the order a person should fix them; empty when it is fine. */
    public List<PasswordProblem> check(String rawPassword, String email) {
        String password = normalise(rawPassword == null ? "" : rawPassword);
        Set<PasswordProblem> problems = new LinkedHashSet<>();
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            problems.add(PasswordProblem.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            problems.add(PasswordProblem.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (isCommon(lower)) {
            problems.add(PasswordProblem.COMMON);
        }
        if (isRepetitive(lower)) {
            problems.add(PasswordProblem.REPETITIVE);
        }
        if (isSequence(lower)) {
            problems.add(PasswordProblem.SEQUENCE);
        }
        if (length >= minLength && leftAfterRemoving(lower, emailParts(email)) < minLength) {
            problems.add(PasswordProblem.CONTAINS_EMAIL);
        }
        if (length >= minLength && leftAfterRemoving(lower, APP_NAMES) < minLength) {
            problems.add(PasswordProblem.CONTAINS_APP_NAME);
        }
        return List.copyOf(problems);
    }

    private boolean isCommon(String lower) {
        if (common.contains(lower) || common.contains(unleet(lower))) {
            return true;
        }
        // "Wachtwoord2024!" and "!!welkom01": a common word dressed up with digits and symbols around it
        String core = lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
        if (!core.isEmpty() && (common.contains(core) || common.contains(unleet(core)))) {
            return true;
        }
        String unleeted = unleet(lower);
        String unleetedCore = unleeted.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
        return !unleetedCore.isEmpty() && common.contains(unleetedCore);
    }

    /** Few different characters, or one short piece repeated: "aaaaaaaaaaaa", "abcabcabcabc", "welkomwelkom". */
    static boolean isRepetitive(String lower) {
        int[] codePoints = lower.codePoints().toArray();
        if (codePoints.length == 0) {
            return false;
        }
        if (lower.codePoints().distinct().count() < 4) {
            return true;
        }
        for (int unit = 1; unit <= codePoints.length / 2; unit++) {
            if (codePoints.length % unit != 0) {
                continue;
            }
            boolean repeats = true;
            for (int i = unit; i < codePoints.length && repeats; i++) {
                repeats = codePoints[i] == codePoints[i - unit];
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /**
     * Made (almost) entirely of runs of at least four steps along the alphabet, the digits or the keyboard:
     * "123456789012", "abcdefghijkl", "qwertyuiop12", "1q2w3e4r5t6y".
     */
    static boolean isSequence(String lower) {
        int[] cps = lower.codePoints().toArray();
        if (cps.length < 4) {
            return false;
        }
        int covered = 0;
        int runStart = 0;
        for (int i = 1; i <= cps.length; i++) {
            boolean continues = i < cps.length && isStep(cps[i - 1], cps[i]);
            if (!continues) {
                int runLength = i - runStart;
                if (runLength >= 4) {
                    covered += runLength;
                }
                runStart = i;
            }
        }
        return covered >= cps.length - 2;
    }

    private static boolean isStep(int previous, int next) {
        int difference = next - previous;
        if (difference == 1 || difference == -1) {
            return true;
        }
        // digits wrap around on the keyboard: ...8, 9, 0, 1, 2
        if ((previous == '9' && next == '0') || (previous == '0' && next == '9')
                || (previous == '0' && next == '1') || (previous == '1' && next == '0')) {
            return true;
        }
        double[] a = KEY_POSITIONS.get(previous);
        double[] b = KEY_POSITIONS.get(next);
        if (a == null || b == null || (a[0] == b[0] && a[1] == b[1])) {
            return false;
        }
        double rows = Math.abs(a[0] - b[0]);
        double columns = Math.abs(a[1] - b[1]);
        return (rows == 0 && columns == 1) || (rows == 1 && columns <= 1.0);
    }

    private static Map<Integer, double[]> keyPositions() {
        Map<Integer, double[]> positions = new HashMap<>();
        for (int row = 0; row < KEYBOARD_ROWS.length; row++) {
            String keys = KEYBOARD_ROWS[row];
            for (int column = 0; column < keys.length(); column++) {
                positions.put((int) keys.charAt(column), new double[] {row, column + ROW_OFFSETS[row]});
            }
        }
        return Map.copyOf(positions);
    }

    private static List<String> emailParts(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        String lower = email.strip().toLowerCase(Locale.ROOT);
        int at = lower.indexOf('@');
        String local = at < 0 ? lower : lower.substring(0, at);
        List<String> parts = new ArrayList<>();
        parts.add(lower);
        if (local.length() >= 3) {
            parts.add(local);
        }
        for (String piece : local.split("[._+\\-]")) {
            if (piece.length() >= 3) {
                parts.add(piece);
            }
        }
        if (at >= 0) {
            String domain = lower.substring(at + 1);
            String label = domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain;
            if (label.length() >= 4) {
                parts.add(label);
            }
        }
        // longest first, so the whole address goes before its pieces
        parts.sort((x, y) -> Integer.compare(y.length(), x.length()));
        return parts;
    }

    /** How many characters are left once the given words are taken out. */
    private static int leftAfterRemoving(String lower, List<String> words) {
        String rest = lower;
        for (String word : words) {
            rest = rest.replace(word, "");
        }
        return rest.codePointCount(0, rest.length());
    }

    private static String unleet(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            out.append(switch (c) {
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }

    static Set<String> bundledList() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing " + COMMON_LIST);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
