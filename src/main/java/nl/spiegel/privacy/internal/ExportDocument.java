package nl.spiegel.privacy.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.spiegel.identity.UserId;
import nl.spiegel.privacy.PersonalDataSection;

/** Everything gathered about one person, in the order it is shown. */
public record ExportDocument(UserId userId, Instant exportedAt, Locale locale, List<PersonalDataSection> sections) {

    /** Sections in this order first; any others after them, as they came. */
    static final List<String> ORDER = List.of("account", "loginAttempts", "singleSignOn", "dialogues", "exercises",
            "screenings", "safetyPlan", "handoffs", "auditTrail");

    public ExportDocument {
        List<PersonalDataSection> sorted = new ArrayList<>(sections);
        sorted.sort((a, b) -> Integer.compare(rank(a.name()), rank(b.name())));
        sections = List.copyOf(sorted);
    }

    private static int rank(String name) {
        int index = ORDER.indexOf(name);
        return index < 0 ? ORDER.size() : index;
    }

    /** The machine-readable form: plain JSON values only, moments as ISO-8601 UTC strings. */
    Map<String, Object> toJsonTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "spiegel-personal-data");
        root.put("version", 1);
        root.put("userId", userId.toString());
        root.put("exportedAt", exportedAt.toString());
        root.put("language", locale.getLanguage());
        Map<String, Object> content = new LinkedHashMap<>();
        for (PersonalDataSection section : sections) {
            content.put(section.name(), plain(section.content()));
        }
        root.put("sections", content);
        return root;
    }

    static Object plain(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, inner) -> copy.put(String.valueOf(key), plain(inner)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ExportDocument::plain).toList();
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }
}
