package nl.spiegel.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import nl.spiegel.progress.scoring.Band;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The keys the progress pages build at run time exist in Dutch and English. */
class ProgressTranslationsTest {

    private final SpiegelI18NProvider provider = new SpiegelI18NProvider();

    @Test
    void everyTitleExplanationAndMoodIsTranslated() {
        List<String> keys = new ArrayList<>();
        for (Instrument instrument : Instrument.values()) {
            keys.add("progress." + instrument.code() + ".title");
            keys.add("progress." + instrument.code() + ".means");
        }
        for (int mood = Mood.LOWEST; mood <= Mood.HIGHEST; mood++) {
            keys.add("mood.value." + mood);
        }
        for (var moment : nl.spiegel.progress.MoodMoment.values()) {
            keys.add("mood.question." + moment.name().toLowerCase(Locale.ROOT));
        }
        for (Locale locale : SpiegelI18NProvider.LOCALES) {
            for (String key : keys) {
                // a missing key comes back as the key itself
                assertThat(provider.getTranslation(key, locale)).as(locale + ": " + key).isNotEqualTo(key)
                        .isNotBlank();
            }
        }
        // items, answers and band words come from the shipped scripts, in both languages
        assertThat(Instrument.PHQ9.bandLabel(Band.MODERATELY_SEVERE, SpiegelI18NProvider.DUTCH))
                .isEqualTo("Vrij ernstige klachten");
        assertThat(Instrument.GAD7.answerLabel(3, Locale.ENGLISH)).isEqualTo("Nearly every day");
    }
}
