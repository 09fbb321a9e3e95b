package nl.spiegel.review;

import java.util.List;
import java.util.Locale;

import nl.spiegel.identity.UserId;

/**
 * A therapist as the directory shows them: what they tell about themselves, never anything about clients.
 *
 * @param specialisms codes, translated under {@code expert.specialism.*}
 * @param forms       forms of therapy, codes translated under {@code expert.form.*}
 * @param languages   ISO language codes, translated under {@code language.*} or {@code expert.language.*}
 * @param region      where they see people in person; null for online only
 * @param listed      whether they chose to appear in the directory
 */
public record ExpertProfile(UserId therapist, String name, String shortLine, String shortLineEn,
                            List<String> specialisms, List<String> forms, List<String> languages, String region,
                            boolean online, boolean accepting, boolean listed, boolean hasPhoto) {

    /** The codes the profile form offers. */
    public static final List<String> SPECIALISMS = List.of("anxiety", "depression", "stress", "trauma", "grief",
            "self-esteem", "relationships", "sleep");
    public static final List<String> FORMS = List.of("cbt", "act", "emdr", "schema", "mindfulness",
            "solution-focused");
    public static final List<String> LANGUAGES = List.of("nl", "en", "de", "fr", "tr", "ar", "pl");

    public ExpertProfile {
        specialisms = List.copyOf(specialisms);
        forms = List.copyOf(forms);
        languages = List.copyOf(languages);
    }

    /** The short line in the reader's language when the therapist wrote one in English too. */
    public String shortLine(Locale locale) {
        boolean english = "en".equals(locale.getLanguage()) && shortLineEn != null && !shortLineEn.isBlank();
        return english ? shortLineEn : shortLine;
    }
}
