package nl.spiegel.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.spiegel.shared.crypto.EncryptedColumn;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.crypto.KeyRing;

/**
 * Compares what the load client's people saw (its ledger, {@code LoadClient --ledger}) with the written answers in
 * the database after a crash and restart ({@code scripts/crash-test.sh}). Every answer a person saw stored must be
 * stored exactly once; an answer whose response was lost in the crash may be stored at most once; an answer that
 * never reached a running application, or a marker nobody sent, must not be stored at all. The stored answers are
 * decrypted with the application's own {@link FieldCipher}, so it runs with {@code target/classes} on the class path:
 *
 * <pre>
 * java -cp target/classes src/test/java/nl/spiegel/load/CrashCheck.java LEDGER ROWS KEYS [--saving-stored]
 * </pre>
 *
 * ROWS holds one stored written answer per line as the database's client prints it with {@code -N -B}:
 * {@code session_id TAB key_id TAB HEX(body)}; KEYS is the application's {@code spiegel.crypto.keys}. Prints the
 * figures; exit code 1 when anything acknowledged is missing or doubled, or anything is stored that must not be.
 * An answer the person saw stored after the chat's retry ({@code retried}) counts as acknowledged. With
 * {@code --saving-stored} (the database outage test, where the application keeps running) an answer still shown as
 * "saving" when the run ended must be stored exactly once as well: its retry had the whole time after the database
 * came back.
 */
public final class CrashCheck {

    private static final EncryptedColumn BODY =
            EncryptedColumn.of("dialogue_messages", "id", "body", "key_id", "session_id");
    private static final Pattern MARKER = Pattern.compile("m:[0-9a-z]+-\\d+-\\d+");

    /** The outcome of the comparison; {@code failures} lists what broke the promise. */
    public record Outcome(Map<String, Integer> sent, Map<String, Integer> storedOnce, Map<String, Integer> storedTwice,
                          Map<String, Integer> notStored, int storedNeverSent, int rows, List<String> failures,
                          List<String> notStoredSamples) {

        String report() {
            StringBuilder text = new StringBuilder();
            text.append("written answers stored in the database: ").append(rows).append('\n');
            for (String outcome : sent.keySet()) {
                text.append(String.format("%-12s sent %6d  stored once %6d  stored twice or more %4d  not stored %6d%n",
                        outcome, sent.get(outcome), storedOnce.getOrDefault(outcome, 0),
                        storedTwice.getOrDefault(outcome, 0), notStored.getOrDefault(outcome, 0)));
            }
            text.append("stored but never sent by any person: ").append(storedNeverSent).append('\n');
            // when the answers that were not (yet) seen stored were sent: before the kill, or after the restart
            notStoredSamples.stream().limit(40).forEach(line -> text.append("not stored: ").append(line).append('\n'));
            failures.stream().limit(20).forEach(failure -> text.append("FAIL ").append(failure).append('\n'));
            text.append(failures.isEmpty() ? "OK: nothing acknowledged is missing or doubled\n"
                    : "FAILED: " + failures.size() + " problem(s)\n");
            return text.toString();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 && !(args.length == 4 && args[3].equals("--saving-stored"))) {
            System.err.println("usage: CrashCheck LEDGER ROWS KEYS [--saving-stored]");
            System.exit(2);
        }
        Outcome outcome = check(Files.readAllLines(Path.of(args[0])), Files.readAllLines(Path.of(args[1])), args[2],
                args.length == 4 ? java.util.Set.of("ack", "retried", "saving") : java.util.Set.of("ack", "retried"));
        System.out.print(outcome.report());
        System.exit(outcome.failures().isEmpty() ? 0 : 1);
    }

    static Outcome check(List<String> ledgerLines, List<String> rowLines, String keys) {
        return check(ledgerLines, rowLines, keys, java.util.Set.of("ack", "retried"));
    }

    /** @param mustBeStored the outcomes that must be stored exactly once; any other at most once */
    static Outcome check(List<String> ledgerLines, List<String> rowLines, String keys, java.util.Set<String> mustBeStored) {
        // marker -> what the person saw
        Map<String, String> ledger = new LinkedHashMap<>();
        Map<String, String> sentAt = new HashMap<>();
        for (String line : ledgerLines) {
            String[] fields = line.strip().split(" ");
            if (fields.length == 3) {
                ledger.put(fields[2], fields[1]);
                sentAt.put(fields[2], fields[0]);
            }
        }
        List<String> notStoredSamples = new java.util.ArrayList<>();
        FieldCipher cipher = new FieldCipher(KeyRing.parse(keys, null));
        Map<String, Integer> storedTimes = new HashMap<>();
        List<String> failures = new java.util.ArrayList<>();
        int rows = 0;
        for (String line : rowLines) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            rows++;
            String text;
            try {
                text = cipher.decryptToString(BODY, fields[0], HexFormat.of().parseHex(fields[2]), fields[1]);
            } catch (RuntimeException e) {
                failures.add("a stored answer of session " + fields[0] + " does not decrypt: " + e.getMessage());
                continue;
            }
            Matcher marker = MARKER.matcher(text);
            while (marker.find()) {
                storedTimes.merge(marker.group(), 1, Integer::sum);
            }
        }
        Map<String, Integer> sent = new TreeMap<>();
        Map<String, Integer> once = new TreeMap<>();
        Map<String, Integer> twice = new TreeMap<>();
        Map<String, Integer> missing = new TreeMap<>();
        ledger.forEach((marker, outcome) -> {
            int times = storedTimes.getOrDefault(marker, 0);
            sent.merge(outcome, 1, Integer::sum);
            (times == 0 ? missing : times == 1 ? once : twice).merge(outcome, 1, Integer::sum);
            if (times == 0) {
                notStoredSamples.add(outcome + " " + marker + " answered at epoch-ms " + sentAt.get(marker));
            }
            if (times > 1) {
                failures.add(outcome + " answer " + marker + " stored " + times + " times");
            } else if (times == 0 && mustBeStored.contains(outcome)) {
                failures.add(outcome + " answer " + marker + " is not stored");
            } else if (times == 1 && outcome.equals("refused")) {
                failures.add("answer " + marker + " never reached a running application but is stored");
            }
        });
        int neverSent = 0;
        for (String marker : storedTimes.keySet()) {
            if (!ledger.containsKey(marker)) {
                neverSent++;
                failures.add("stored answer " + marker + " was never sent by any person");
            }
        }
        return new Outcome(sent, once, twice, missing, neverSent, rows, failures, notStoredSamples);
    }
}
