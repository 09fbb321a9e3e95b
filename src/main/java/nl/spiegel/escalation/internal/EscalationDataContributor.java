package nl.spiegel.escalation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.spiegel.escalation.Screening;
import nl.spiegel.escalation.screening.Answer;
import nl.spiegel.identity.UserId;
import nl.spiegel.privacy.PersonalDataContributor;
import nl.spiegel.privacy.PersonalDataSection;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * A person's screenings (every answer) and safety plan, for their data export and deletion. Read through the
 * repositories, which decrypt. Screenings point at dialogue sessions, so they go before the dialogues.
 */
@Component
@Order(200)
class EscalationDataContributor implements PersonalDataContributor {

    private final ScreeningRepository screenings;
    private final SafetyPlanRepository plans;
    private final SpiegelI18NProvider i18n;

    EscalationDataContributor(ScreeningRepository screenings, SafetyPlanRepository plans, SpiegelI18NProvider i18n) {
        this.screenings = screenings;
        this.plans = plans;
        this.i18n = i18n;
    }

    @Override
    public List<PersonalDataSection> export(UserId person, Locale locale) {
        List<Map<String, Object>> screeningList = screenings.findAll(person).stream()
                .map(EscalationDataContributor::screening).toList();
        List<Map<String, Object>> planSections = new ArrayList<>();
        plans.find(person).ifPresent(sections -> sections.forEach((section, text) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("section", section.code());
            item.put("title", i18n.getTranslation("safetyplan.section." + section.code(), locale));
            item.put("text", text);
            planSections.add(item);
        }));
        return List.of(new PersonalDataSection("screenings", screeningList),
                new PersonalDataSection("safetyPlan", planSections));
    }

    private static Map<String, Object> screening(Screening screening) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("screeningId", screening.id().toString());
        item.put("sessionId", screening.session() == null ? null : screening.session().toString());
        item.put("triggerLevel", screening.trigger().name());
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Answer answer : screening.screener().answers()) {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("question", answer.question().code());
            given.put("answer", answer.yes());
            answers.add(given);
        }
        item.put("answers", answers);
        item.put("grade", screening.finished() ? screening.grade().name() : null);
        item.put("dismissed", screening.dismissed());
        item.put("startedAt", screening.startedAt());
        item.put("finishedAt", screening.finishedAt());
        return item;
    }

    @Override
    public int delete(UserId person) {
        return screenings.deleteAll(person) + plans.delete(person);
    }
}
