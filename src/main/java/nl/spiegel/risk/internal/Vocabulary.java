package nl.spiegel.risk.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every word, exact form and prefix used in any lexicon, numbered, with indexes from surface form, Dutch stem,
 * English stem and prefix to those numbers. Tagging a token costs three hash look-ups however many rules there are.
 *
 * <p>A plain lexicon word matches a token with the same surface form or the same stem in the lexicon's own language;
 * "=word" matches the surface form only; "word*" matches any surface form starting with it, "*word" any surface form
 * ending with it (Dutch compounds: "Erasmusbrug", "spoorbrug").
 */
final class Vocabulary {
    private static final int[] NONE = new int[0];
    private static final int PREFIX_HEAD = 3;

    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final Map<String, int[]> bySurface = new HashMap<>();
    private final Map<String, int[]> byDutchStem = new HashMap<>();
    private final Map<String, int[]> byEnglishStem = new HashMap<>();
    private final Map<String, List<Prefix>> byPrefixHead = new HashMap<>();
    private final Map<String, List<Prefix>> bySuffixTail = new HashMap<>();
    private final Set<String> knownSurfaces = new HashSet<>();

    private record Prefix(String prefix, int id) {
    }

    /** The id of a lexicon term as written in a pattern or group (already normalised, without "$" or brackets). */
    int intern(String language, String term) {
        if (term.isEmpty()) {
            throw new IllegalArgumentException("empty term");
        }
        String key;
        if (term.startsWith("=")) {
            key = "=" + Terms.normalise(term.substring(1));
        } else if (term.endsWith("*")) {
            key = Terms.normalise(term.substring(0, term.length() - 1)) + "*";
            if (key.length() <= PREFIX_HEAD) {
                throw new IllegalArgumentException("prefix too short to be safe: " + term);
            }
        } else if (term.startsWith("*")) {
            key = "*" + Terms.normalise(term.substring(1));
            if (key.length() <= PREFIX_HEAD) {
                throw new IllegalArgumentException("suffix too short to be safe: " + term);
            }
        } else {
            key = language + ":" + Terms.normalise(term);
        }
        Integer existing = ids.get(key);
        if (existing != null) {
            return existing;
        }
        int id = ids.size();
        ids.put(key, id);
        if (key.startsWith("=")) {
            String w = key.substring(1);
            add(bySurface, w, id);
            knownSurfaces.add(w);
        } else if (key.endsWith("*")) {
            String p = key.substring(0, key.length() - 1);
            byPrefixHead.computeIfAbsent(p.substring(0, PREFIX_HEAD), k -> new ArrayList<>()).add(new Prefix(p, id));
            knownSurfaces.add(p);
        } else if (key.startsWith("*")) {
            String p = key.substring(1);
            bySuffixTail.computeIfAbsent(p.substring(p.length() - PREFIX_HEAD), k -> new ArrayList<>()).add(new Prefix(p, id));
            knownSurfaces.add(p);
        } else {
            String w = key.substring(language.length() + 1);
            add(bySurface, w, id);
            knownSurfaces.add(w);
            String stem = stem(language, w);
            add(language.equals("nl") ? byDutchStem : byEnglishStem, stem, id);
        }
        return id;
    }

    int size() {
        return ids.size();
    }

    Set<String> knownSurfaces() {
        return knownSurfaces;
    }

    /**
     * Whether a word would match any lexicon term: as written, by its Dutch or English stem, or by a prefix or
     * suffix term. Used to choose between readings of a disguised word ("springeeeen", "p1ll3n").
     */
    boolean covers(String word) {
        if (bySurface.containsKey(word) || knownSurfaces.contains(word)) {
            return true;
        }
        if (word.length() >= 3 && Character.isLetter(word.charAt(0))
                && (byDutchStem.containsKey(TextAnalyser.dutchStem(word))
                || byEnglishStem.containsKey(TextAnalyser.englishStem(word)))) {
            return true;
        }
        if (word.length() > PREFIX_HEAD) {
            for (Prefix p : bySuffixTail.getOrDefault(word.substring(word.length() - PREFIX_HEAD), List.of())) {
                if (word.endsWith(p.prefix)) {
                    return true;
                }
            }
            for (Prefix p : byPrefixHead.getOrDefault(word.substring(0, PREFIX_HEAD), List.of())) {
                if (word.startsWith(p.prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Stems a lexicon word the way {@link TextAnalyser} stems text, so both sides meet. */
    static String stem(String language, String word) {
        if (word.length() < 3 || !Character.isLetter(word.charAt(0))) {
            return word;
        }
        return switch (language) {
            case "nl" -> TextAnalyser.dutchStem(word);
            case "en" -> TextAnalyser.englishStem(word);
            default -> throw new IllegalArgumentException("no stemmer for language " + language);
        };
    }

    void tag(Tokens tokens) {
        for (int i = 0; i < tokens.size; i++) {
            int[] ids = ids(tokens.term[i], tokens.nlStem[i], tokens.enStem[i]);
            tokens.termIds[i] = ids;
            String[] alternatives = tokens.alternatives[i];
            if (alternatives != null) {
                for (String alternative : alternatives) {
                    ids = union(ids, ids(alternative, stem("nl", alternative), stem("en", alternative)), NONE, NONE);
                }
            }
            tokens.wordIds[i] = ids;
        }
    }

    private int[] ids(String term, String nlStem, String enStem) {
        int[] a = bySurface.getOrDefault(term, NONE);
        int[] b = byDutchStem.getOrDefault(nlStem, NONE);
        int[] c = byEnglishStem.getOrDefault(enStem, NONE);
        int[] d = NONE;
        if (term.length() > PREFIX_HEAD) {
            List<Prefix> candidates = byPrefixHead.get(term.substring(0, PREFIX_HEAD));
            if (candidates != null) {
                for (Prefix p : candidates) {
                    if (term.startsWith(p.prefix)) {
                        d = Arrays.copyOf(d, d.length + 1);
                        d[d.length - 1] = p.id;
                    }
                }
            }
        }
        if (term.length() > PREFIX_HEAD) {
            List<Prefix> candidates = bySuffixTail.get(term.substring(term.length() - PREFIX_HEAD));
            if (candidates != null) {
                for (Prefix p : candidates) {
                    if (term.endsWith(p.prefix)) {
                        d = Arrays.copyOf(d, d.length + 1);
                        d[d.length - 1] = p.id;
                    }
                }
            }
        }
        return union(a, b, c, d);
    }

    private static int[] union(int[] a, int[] b, int[] c, int[] d) {
        int total = a.length + b.length + c.length + d.length;
        if (total == 0) {
            return NONE;
        }
        if (total == a.length) {
            return a;
        }
        int[] out = new int[total];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        System.arraycopy(d, 0, out, a.length + b.length + c.length, d.length);
        return out; // duplicates are harmless: ids are only tested for membership
    }

    private static void add(Map<String, int[]> index, String key, int id) {
        int[] old = index.get(key);
        if (old == null) {
            index.put(key, new int[] {id});
        } else if (Arrays.stream(old).noneMatch(x -> x == id)) {
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = id;
            index.put(key, grown);
        }
    }
}
