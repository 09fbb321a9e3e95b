package nl.spiegel.escalation;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A person's safety plan (after Stanley and Brown), in their own words. Not a promise or a contract: a tool they can
 * open at any time. Sections left empty are empty strings.
 */
public record SafetyPlan(Map<Section, String> sections) {

    /** Longest text per section, in characters; far more than a plan needs, small enough to keep rows modest. */
    public static final int MAX_SECTION_LENGTH = 2000;

    public enum Section {
        WARNING_SIGNS("warning-signs"),
        OWN_COPING("own-coping"),
        DISTRACTION("distraction"),
        PEOPLE_TO_ASK("people-to-ask"),
        PROFESSIONALS("professionals"),
        SAFE_SURROUNDINGS("safe-surroundings"),
        REASONS_TO_LIVE("reasons-to-live");

        private final String code;

        Section(String code) {
            this.code = code;
        }

        /** Stable name used in the stored JSON and in translation keys; never changes once released. */
        public String code() {
            return code;
        }

        public static Section fromCode(String code) {
            return Arrays.stream(values()).filter(section -> section.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown safety plan section " + code));
        }
    }

    public SafetyPlan {
        EnumMap<Section, String> all = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            String text = sections == null ? null : sections.get(section);
            all.put(section, text == null ? "" : text);
        }
        sections = Collections.unmodifiableMap(all);
    }

    public static SafetyPlan empty() {
        return new SafetyPlan(Map.of());
    }

    public String text(Section section) {
        return sections.get(section);
    }

    public SafetyPlan with(Section section, String text) {
        EnumMap<Section, String> changed = new EnumMap<>(sections);
        changed.put(section, text);
        return new SafetyPlan(changed);
    }

    public boolean isEmpty() {
        return sections.values().stream().allMatch(String::isBlank);
    }
}
