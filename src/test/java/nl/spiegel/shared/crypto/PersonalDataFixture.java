package nl.spiegel.shared.crypto;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import nl.spiegel.dialogue.ChatMessage;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.ExerciseItem;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.escalation.SafetyPlan;
import nl.spiegel.escalation.SafetyPlanService;
import nl.spiegel.escalation.Screening;
import nl.spiegel.escalation.ScreeningId;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.escalation.handoff.CallbackRequest;
import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.HandoffMessage;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.escalation.screening.Question;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;

/**
 * Writes one of every kind of personal text through the real services, each carrying a marker, and reads it all back
 * the way the application does.
 */
final class PersonalDataFixture {

    /** The tables with encrypted columns this fixture writes to (other modules may register more). */
    static final java.util.Set<String> TABLES = java.util.Set.of("dialogue_sessions", "dialogue_messages", "exercises",
            "screenings", "safety_plans", "escalations", "escalation_messages");

    /** Everything the services return for the written data; equal before and after encryption changes. */
    record ReadBack(List<ChatMessage> finishedDialogue, List<ChatMessage> pausedDialogue,
                    List<ExerciseItem> exercises, SafetyPlan plan, Screening screening,
                    List<HandoffMessage> conversation, String contact, String outcomeNote) {
    }

    record Written(Visitor person, StaffMember therapist, SessionId finished, SessionId paused,
                   ScreeningId screening, Escalation chat, Escalation callback) {
    }

    private final DialogueService dialogues;
    private final SafetyPlanService plans;
    private final ScreeningService screenings;
    private final HandoffService handoffs;
    private final VisitorService visitors;
    private final StaffDirectory staff;

    PersonalDataFixture(ApplicationContext context) {
        this.dialogues = context.getBean(DialogueService.class);
        this.plans = context.getBean(SafetyPlanService.class);
        this.screenings = context.getBean(ScreeningService.class);
        this.handoffs = context.getBean(HandoffService.class);
        this.visitors = context.getBean(VisitorService.class);
        this.staff = context.getBean(StaffDirectory.class);
    }

    Written write(String marker) {
        Visitor person = visitors.resolve(VisitorToken.generate());

        // a whole dialogue: the person's answers, the bot's reflections and the summary mirror them; ends with an
        // exercise
        SessionSnapshot finished = dialogues.startNew(person, "kennismaking");
        int answers = 0;
        while (!finished.finished()) {
            if (finished.safetyPause().isPresent()) {
                // the risk detector may read concern into an ordinary answer; the person then goes on with the script
                finished = dialogues.continueAfterSafetyPause(person, finished.id(), finished.revision());
                continue;
            }
            UserInput input = switch (finished.prompt()) {
                case Prompt.FreeText text -> new UserInput.Text("Ik schrijf " + marker + " antwoord " + answers);
                case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
                case Prompt.Form form -> new UserInput.Answers(
                        java.util.Map.of(form.questionnaire().items().getFirst().id(), 0));
                case Prompt.None none -> throw new IllegalStateException("finished");
            };
            finished = dialogues.answer(person, finished.id(), finished.revision(), input);
            if (++answers > 40) {
                throw new IllegalStateException("the dialogue does not end");
            }
        }

        // a crisis answer pauses the script and keeps the answer as pending input
        SessionSnapshot paused = dialogues.startNew(person, "zelfbeeld");
        while (!(paused.prompt() instanceof Prompt.FreeText)) {
            Prompt.Choices choices = (Prompt.Choices) paused.prompt();
            paused = dialogues.answer(person, paused.id(), paused.revision(),
                    new UserInput.Choice(choices.options().getFirst().value()));
        }
        paused = dialogues.answer(person, paused.id(), paused.revision(), new UserInput.Text(
                "Ik wil niet meer leven, ik heb de pillen al klaarliggen voor vanavond. " + marker));
        if (paused.safetyPause().isEmpty()) {
            throw new IllegalStateException("the crisis answer did not pause the dialogue");
        }

        plans.save(person, SafetyPlan.empty()
                .with(SafetyPlan.Section.WARNING_SIGNS, "Ik slaap slecht " + marker)
                .with(SafetyPlan.Section.REASONS_TO_LIVE, "Mijn zus en " + marker));

        Screening screening = screenings.start(person, finished.id(), RiskLevel.CRISIS);
        screening = screenings.answer(person, screening.id(), Question.WISH_TO_BE_DEAD, true);
        screening = screenings.answer(person, screening.id(), Question.SUICIDAL_THOUGHTS, false);

        StaffMember therapist = therapist();
        handoffs.setOnDuty(therapist.userId(), true);

        // a request nobody accepts in time, where the person leaves a way to be called back
        Escalation callback = handoffs.request(person, paused.id(), RiskLevel.CRISIS, List.of("crisis.plan"));
        handoffs.leaveContact(person, callback.id(), "Bel 06-12345678 " + marker);
        handoffs.expireUnanswered(Instant.now().plus(Duration.ofDays(1)));

        // a live conversation, with the therapist mirroring the person's words, closed with a note
        Escalation chat = handoffs.request(person, paused.id(), RiskLevel.CRISIS, List.of("crisis.plan"));
        handoffs.accept(therapist.userId(), chat.id());
        handoffs.sendFromPerson(person, chat.id(), "Het gaat niet " + marker);
        handoffs.sendFromTherapist(therapist.userId(), chat.id(), "Je zegt: " + marker + ". Ik ben er.");
        handoffs.close(therapist.userId(), chat.id(), "Afspraak gemaakt na " + marker);

        return new Written(person, therapist, finished.id(), paused.id(), screening.id(), chat, callback);
    }

    ReadBack read(Written written) {
        Visitor person = written.person();
        return new ReadBack(dialogues.open(person, written.finished()).messages(),
                dialogues.open(person, written.paused()).messages(),
                dialogues.exercises(person), plans.load(person),
                screenings.find(person, written.screening()).orElseThrow(),
                handoffs.conversation(person, written.chat().id()),
                // the contact request as the therapists see it while it waits for a call back
                handoffs.callbacks(written.therapist().userId()).stream()
                        .filter(callback -> callback.escalation().id().equals(written.callback().id()))
                        .map(CallbackRequest::contact).findFirst().orElseThrow(),
                handoffs.outcomeNote(written.therapist().userId(), written.chat().id()).orElseThrow());
    }

    private StaffMember therapist() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return staff.create("therapeut-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Therapeut " + unique, Role.THERAPIST, OrganisationId.DEFAULT);
    }
}
