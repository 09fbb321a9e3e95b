package nl.spiegel.progress.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.spiegel.identity.UserId;
import nl.spiegel.privacy.PersonalDataContributor;
import nl.spiegel.privacy.PersonalDataSection;
import nl.spiegel.progress.Mood;
import nl.spiegel.progress.QuestionnaireResult;
import nl.spiegel.progress.scoring.Score;

/** A person's questionnaire results (every answer, the total and band) and mood check-ins for their data export and deletion. */
@Component
@Order(150)
class ProgressDataContributor implements PersonalDataContributor {

    private final QuestionnaireRepository results;
    private final MoodRepository moods;
    private final ReminderRepository reminders;

    ProgressDataContributor(QuestionnaireRepository results, MoodRepository moods, ReminderRepository reminders) {
        this.results = results;
        this.moods = moods;
        this.reminders = reminders;
    }

    @Override
    public List<PersonalDataSection> export(UserId person, Locale locale) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (QuestionnaireResult result : results.findAll(person)) {
            Score score = result.score();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("resultId", result.id().toString());
            item.put("questionnaire", result.instrument().code());
            item.put("completedAt", result.completedAt());
            item.put("answers", new ArrayList<>(score.answers()));
            item.put("complete", score.complete());
            item.put("total", score.total().isPresent() ? score.total().getAsInt() : null);
            item.put("band", score.band() == null ? null : score.band().code());
            list.add(item);
        }
        List<Map<String, Object>> moodList = new ArrayList<>();
        for (Mood mood : moods.findAll(person)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sessionId", mood.session().toString());
            item.put("moment", mood.moment().name().toLowerCase(Locale.ROOT));
            item.put("mood", mood.value());
            item.put("recordedAt", mood.recordedAt());
            moodList.add(item);
        }
        return List.of(new PersonalDataSection("questionnaires", list),
                new PersonalDataSection("moodCheckIns", moodList));
    }

    @Override
    public int delete(UserId person) {
        // the check-ins point at dialogue sessions: this contributor runs before the dialogues' one
        return results.deleteAll(person) + moods.deleteAll(person) + reminders.delete(person);
    }
}
