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
import nl.spiegel.progress.QuestionnaireResult;
import nl.spiegel.progress.scoring.Score;

/** A person's questionnaire results (every answer, the total and band) for their data export and deletion. */
@Component
@Order(150)
class ProgressDataContributor implements PersonalDataContributor {

    private final QuestionnaireRepository results;

    ProgressDataContributor(QuestionnaireRepository results) {
        this.results = results;
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
        return List.of(new PersonalDataSection("questionnaires", list));
    }

    @Override
    public int delete(UserId person) {
        return results.deleteAll(person);
    }
}
