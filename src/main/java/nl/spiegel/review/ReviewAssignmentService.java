package nl.spiegel.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.audit.Actor;
import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEvent;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.dialogue.AssignedWorkSource;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.PastDialogue;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.learn.LearnService;
import nl.spiegel.review.internal.ReviewRepository;
import nl.spiegel.review.internal.ReviewRepository.AssignmentRow;
import nl.spiegel.review.internal.ReviewRepository.ShareRow;

/**
 * A therapist gives a person who shared a dialogue with them a dialogue or an exercise to do, with an optional due
 * date; the person sees it on the start page and the therapist sees when it is done. Only while the share lasts,
 * within the organisation, like reading the dialogue.
 */
@Service
public class ReviewAssignmentService implements AssignedWorkSource {

    /** An assignment given to a person, on the audit trail. */
    public static final String REVIEW_ASSIGNMENT = "REVIEW_ASSIGNMENT";

    private static final Logger log = LoggerFactory.getLogger(ReviewAssignmentService.class);

    private final ReviewService reviews;
    private final ReviewRepository repository;
    private final DialogueService dialogues;
    private final LearnService learn;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final Clock clock;

    ReviewAssignmentService(ReviewService reviews, ReviewRepository repository, DialogueService dialogues,
                            LearnService learn, StaffDirectory staff, AuditTrail audit, Clock clock) {
        this.reviews = reviews;
        this.repository = repository;
        this.dialogues = dialogues;
        this.learn = learn;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the therapist can assign to the person of this share: the person's dialogues, then the exercises. */
    @Transactional(readOnly = true)
    public List<Assignment> options(UserId therapist, ShareId share, Locale locale) {
        ShareRow row = reviews.readable(therapist, share);
        Visitor person = new Visitor(row.person(), row.organisationId());
        List<Assignment> scripts = dialogues.catalogueTitles(person, locale).entrySet().stream()
                .map(script -> option(Assignment.Kind.DIALOGUE, script.getKey(), script.getValue())).toList();
        List<Assignment> exercises = learn.topics().stream()
                .map(topic -> option(Assignment.Kind.EXERCISE, topic.id(), topic.title(locale))).toList();
        return java.util.stream.Stream.concat(scripts.stream(), exercises.stream()).toList();
    }

    /**
     * Gives the person of the share a dialogue or an exercise to do.
     *
     * @param due the date it is meant to be done by, today or later; null for none
     * @throws ShareAccessDeniedException when the share does not (or no longer) allow it
     * @throws IllegalArgumentException   for an unknown dialogue or exercise, or a due date in the past
     */
    @Transactional
    public Assignment assign(UserId therapist, ShareId share, Assignment.Kind kind, String target, LocalDate due,
                             Locale locale) {
        ShareRow row = reviews.readable(therapist, share);
        if (due != null && due.isBefore(LocalDate.now(clock))) {
            throw new IllegalArgumentException("the due date lies in the past");
        }
        if (title(kind, target, new Visitor(row.person(), row.organisationId()), locale).isEmpty()) {
            throw new IllegalArgumentException("unknown " + kind + " " + target);
        }
        AssignmentRow assignment = new AssignmentRow(UUID.randomUUID(), row.organisationId(), therapist,
                row.person(), share, kind.name(), target, due, clock.instant(), null);
        repository.insertAssignment(assignment);
        StaffMember member = staff.find(therapist).orElseThrow();
        audit.record(AuditEvent.of(Actor.staff(member), AuditAction.CREATE, REVIEW_ASSIGNMENT,
                assignment.id().toString(), row.person(), row.organisationId()));
        log.info("therapist {} assigned a {} on share {}", therapist, kind, share);
        return assignment(assignment, locale);
    }

    /** What this therapist assigned to the person of the share, newest first, with whether it is done. */
    @Transactional(readOnly = true)
    public List<Assignment> assignedBy(UserId therapist, ShareId share, Locale locale) {
        ShareRow row = reviews.readable(therapist, share);
        return repository.assignmentsOf(row.person(), therapist).stream().map(a -> assignment(a, locale)).toList();
    }

    /** Everything the person was asked to do, open work first (soonest due first), then done work. */
    @Transactional(readOnly = true)
    public List<Assignment> assignmentsOf(Visitor person, Locale locale) {
        return repository.assignmentsOf(person.userId(), null).stream().map(a -> assignment(a, locale))
                .sorted(Comparator.comparing(Assignment::done)
                        .thenComparing(Assignment::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /**
     * The person did the exercise (a dialogue counts as done by itself once finished).
     *
     * @throws ShareAccessDeniedException when it is not the person's open assignment
     */
    @Transactional
    public void markDone(Visitor person, UUID id) {
        if (!repository.markAssignmentDone(id, person.userId(), clock.instant())) {
            throw new ShareAccessDeniedException("not the person's open assignment");
        }
    }

    @Override
    public List<AssignedWork> assignedTo(Visitor person, Locale locale) {
        return assignmentsOf(person, locale).stream().map(a -> new AssignedWork(a.id().toString(), a.title(),
                a.therapistName(), a.due(), a.done(), a.kind() == Assignment.Kind.DIALOGUE ? a.target() : null,
                a.kind() == Assignment.Kind.EXERCISE ? "learn/" + a.target() : null)).toList();
    }

    @Override
    public void markDone(Visitor person, String id) {
        markDone(person, UUID.fromString(id));
    }

    private Assignment assignment(AssignmentRow row, Locale locale) {
        Assignment.Kind kind = Assignment.Kind.valueOf(row.kind());
        Visitor person = new Visitor(row.person(), row.organisationId());
        Instant done = row.doneAt();
        if (done == null && kind == Assignment.Kind.DIALOGUE) {
            done = finishedSince(person, row.target(), row.createdAt()).orElse(null);
        }
        return new Assignment(row.id(), kind, row.target(), title(kind, row.target(), person, locale)
                .orElse(row.target()), staff.find(row.therapist()).map(StaffMember::displayName).orElse(""),
                row.due(), row.createdAt(), done);
    }

    /** When the person finished that dialogue, started after it was assigned. */
    private Optional<Instant> finishedSince(Visitor person, String scriptId, Instant assigned) {
        return dialogues.history(person).stream()
                .filter(past -> past.finished() && past.scriptId().equals(scriptId)
                        && !past.startedAt().isBefore(assigned))
                .map(PastDialogue::updatedAt).min(Comparator.naturalOrder());
    }

    private Optional<String> title(Assignment.Kind kind, String target, Visitor person, Locale locale) {
        return switch (kind) {
            case DIALOGUE -> Optional.ofNullable(dialogues.catalogueTitles(person, locale).get(target));
            case EXERCISE -> learn.topic(target).map(topic -> topic.title(locale));
        };
    }

    private static Assignment option(Assignment.Kind kind, String target, String title) {
        return new Assignment(null, kind, target, title, null, null, null, null);
    }
}
