package nl.spiegel.risk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words that allow the learned model to raise a level (resource {@code risk/model-gate.txt}). Bag-of-n-gram
 * models also fire on harmless words that merely look like risk words; requiring one word from the broad field of
 * death, ending, harm, means, despair and farewell keeps those out while paraphrases the rules miss still pass.
 */
public final class ModelGate {

    private static final int HEAD = 2;
    private final Set<String> words;
    /** Prefixes by their first two letters, so a token is compared with a handful of prefixes instead of all. */
    private final java.util.Map<String, List<String>> prefixesByHead;
    /** Prefixes shorter than {@link #HEAD}, compared with every token. */
    private final List<String> shortPrefixes;

    private ModelGate(Set<String> words, List<String> prefixes) {
        this.words = Set.copyOf(words);
        java.util.Map<String, List<String>> byHead = new java.util.HashMap<>();
        List<String> shortOnes = new ArrayList<>();
        for (String p : prefixes) {
            if (p.length() < HEAD) {
                shortOnes.add(p);
            } else {
                byHead.computeIfAbsent(p.substring(0, HEAD), k -> new ArrayList<>()).add(p);
            }
        }
        byHead.replaceAll((k, v) -> List.copyOf(v));
        this.prefixesByHead = java.util.Map.copyOf(byHead);
        this.shortPrefixes = List.copyOf(shortOnes);
    }

    public static ModelGate load(String resource) {
        try (InputStream in = ModelGate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing risk resource " + resource);
            }
            Set<String> words = new HashSet<>();
            List<String> prefixes = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                for (String entry : trimmed.split("\\s+")) {
                    if (entry.endsWith("*") && entry.length() > 1) {
                        prefixes.add(entry.substring(0, entry.length() - 1));
                    } else {
                        words.add(entry);
                    }
                }
            }
            return new ModelGate(words, prefixes);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    public boolean admits(Tokens tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (matches(tokens.term(i)) || matches(tokens.nlStem(i)) || matches(tokens.enStem(i))) {
                return true;
            }
        }
        return false;
    }

    boolean matches(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        if (words.contains(token)) {
            return true;
        }
        for (String prefix : shortPrefixes) {
            if (token.startsWith(prefix)) {
                return true;
            }
        }
        if (token.length() >= HEAD) {
            List<String> candidates = prefixesByHead.get(token.substring(0, HEAD));
            if (candidates != null) {
                for (String prefix : candidates) {
                    if (token.startsWith(prefix)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
