package nl.spiegel.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.audit.Actor;
import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEvent;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.dialogue.DialogueFeedback;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.SharedTranscript;
import nl.spiegel.identity.Account;
import nl.spiegel.identity.AccountService;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.review.internal.InviteCodes;
import nl.spiegel.review.internal.ReviewMailer;
import nl.spiegel.review.internal.ReviewRepository;
import nl.spiegel.review.internal.ReviewRepository.CommentRow;
import nl.spiegel.review.internal.ReviewRepository.InviteRow;
import nl.spiegel.review.internal.ReviewRepository.ShareRow;

/**
 * Sharing a dialogue with a therapist, owned by the person: the therapist hands out an invite code, the person uses
 * it to share one dialogue, can set an end date and revoke at any moment. A therapist reads a dialogue only while a
 * share names them, within their own organisation, and every read (and refusal) is on the audit trail. Feedback to
 * the person and the therapist's private notes are stored encrypted.
 */
@Service
public class ReviewService {

    /** A dialogue shared with a therapist: read by the therapist, shared or revoked by the person. */
    public static final String SHARED_DIALOGUE = "SHARED_DIALOGUE";
    /** Feedback a therapist wrote to the person on a shared dialogue. */
    public static final String REVIEW_FEEDBACK = "REVIEW_FEEDBACK";
    /** A therapist's private note on a shared dialogue. */
    public static final String REVIEW_NOTE = "REVIEW_NOTE";

    static final String FEEDBACK = "FEEDBACK";
    static final String NOTE = "NOTE";

    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    private final ReviewRepository repository;
    private final StaffDirectory staff;
    private final AccountService accounts;
    private final DialogueService dialogues;
    private final AuditTrail audit;
    private final ReviewMailer mailer;
    private final ReviewProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewService(ReviewRepository repository, StaffDirectory staff, AccountService accounts,
                  DialogueService dialogues, AuditTrail audit, ReviewMailer mailer, ReviewProperties properties,
                  ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.repository = repository;
        this.staff = staff;
        this.accounts = accounts;
        this.dialogues = dialogues;
        this.audit = audit;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- the therapist's side ----

    /**
     * A new invite code for a client; it works once, within {@link ReviewProperties#inviteValidity()}, for a person
     * of the therapist's organisation.
     *
     * @throws ShareAccessDeniedException when the caller is no therapist
     */
    @Transactional
    public InviteCode createInvite(UserId therapist) {
        StaffMember member = therapist(therapist);
        String code = InviteCodes.generate();
        Instant now = clock.instant();
        Instant expires = now.plus(properties.inviteValidity());
        repository.insertInvite(UUID.randomUUID(), member.organisationId(), member.userId(), InviteCodes.hash(code),
                now, expires);
        log.info("therapist {} made an invite code", therapist);
        return new InviteCode(code, expires);
    }

    /** The dialogues shared with the therapist right now, newest first, with an unread marker. */
    @Transactional(readOnly = true)
    public List<InboxItem> inbox(UserId therapist, Locale locale) {
        StaffMember member = therapist(therapist);
        return repository.activeSharesFor(member.userId(), member.organisationId(), clock.instant()).stream()
                .map(row -> new InboxItem(row.id(), dialogues.title(row.person(), row.session(), locale),
                        personName(row.person()), row.createdAt(), row.endsAt(), row.readAt() == null))
                .toList();
    }

    /**
     * The shared dialogue with the feedback and the therapist's notes. On the audit trail as a read of the person's
     * data; refused (and recorded) once the share is revoked or ended, or for anyone it does not name.
     */
    @Transactional
    public SharedReading read(UserId therapist, ShareId id, Locale locale) {
        ShareRow row = readable(therapist, id);
        StaffMember member = staff.find(therapist).orElseThrow();
        audit.record(AuditEvent.of(Actor.staff(member), AuditAction.VIEW, SHARED_DIALOGUE, id.toString(),
                row.person(), row.organisationId()));
        repository.markRead(id, clock.instant());
        SharedTranscript transcript = dialogues.transcript(row.person(), row.session(), locale);
        return new SharedReading(share(row), personName(row.person()), transcript,
                comments(List.of(id), FEEDBACK), comments(List.of(id), NOTE));
    }

    /**
     * The share, when it lets this therapist see the person's data right now: it names them, in their organisation,
     * neither revoked nor ended. Other modules use it as the consent check for what the person shared (their
     * progress); a refusal is on the audit trail like any refused read.
     *
     * @throws ShareAccessDeniedException otherwise
     */
    @Transactional
    public Share consentedShare(UserId therapist, ShareId id) {
        return share(readable(therapist, id));
    }

    /**
     * Feedback to the person, shown in their dialogue; they get an e-mail that says only that there is feedback.
     *
     * @throws CommentTooLongException when longer than the limit (nothing stored)
     */
    @Transactional
    public Comment addFeedback(UserId therapist, ShareId id, String text) {
        ShareRow row = writeComment(therapist, id, text, FEEDBACK, REVIEW_FEEDBACK);
        mailer.sendFeedbackLeft(row.person());
        return new Comment(staffName(therapist), text.strip(), clock.instant());
    }

    /** A note only the therapist sees; never shown to the person. */
    @Transactional
    public Comment addNote(UserId therapist, ShareId id, String text) {
        writeComment(therapist, id, text, NOTE, REVIEW_NOTE);
        return new Comment(staffName(therapist), text.strip(), clock.instant());
    }

    // ---- the person's side ----

    /** Whether this person may share: only registered people (sharing needs an address for notices). */
    @Transactional(readOnly = true)
    public boolean mayShare(Visitor person) {
        return accounts.account(person.userId()).isPresent();
    }

    /**
     * Who the code would share with, before the person confirms. Uses nothing up.
     *
     * @throws InvalidInviteException         for any code that would not work, without saying why
     * @throws RegistrationRequiredException  for anonymous visitors
     */
    @Transactional(readOnly = true)
    public InvitePreview checkInvite(Visitor person, String code) {
        requireRegistered(person);
        InviteRow invite = usableInvite(person, code);
        return new InvitePreview(staffName(invite.therapist()));
    }

    /**
     * Shares one of the person's dialogues with the therapist of the code, which is used up.
     *
     * @param endsAt when the share ends by itself, in the future; null for no end date
     * @throws InvalidInviteException        for any code that would not work, without saying why
     * @throws RegistrationRequiredException for anonymous visitors
     */
    @Transactional
    public Share share(Visitor person, SessionId session, String code, Instant endsAt) {
        requireRegistered(person);
        Instant now = clock.instant();
        if (endsAt != null && !endsAt.isAfter(now)) {
            throw new IllegalArgumentException("the end date must lie in the future");
        }
        // the dialogue must be the person's own (SessionNotFoundException otherwise)
        dialogues.title(person.userId(), session, Locale.ROOT);
        InviteRow invite = usableInvite(person, code);
        if (!repository.useInvite(invite.id(), now)) {
            throw new InvalidInviteException();
        }
        ShareRow row = new ShareRow(ShareId.random(), person.organisationId(), person.userId(), session,
                invite.therapist(), now, endsAt, null, null);
        repository.insertShare(row);
        audit.record(AuditEvent.of(Actor.person(person), AuditAction.CREATE, SHARED_DIALOGUE, row.id().toString(),
                person.userId(), person.organisationId()));
        mailer.sendSharedWithYou(invite.therapist());
        events.publishEvent(new ShareChanged(row.id(), invite.therapist(), ShareChanged.Kind.SHARED));
        log.info("person {} shared session {} with therapist {} (share {})", person.userId(), session,
                invite.therapist(), row.id());
        return share(row);
    }

    /** The person's shares of one dialogue (or all, for a null session), newest first, active or not. */
    @Transactional(readOnly = true)
    public List<Share> sharesOf(Visitor person, SessionId session) {
        return repository.sharesOfPerson(person.userId(), session).stream().map(this::share).toList();
    }

    /**
     * Takes a share back at once: the therapist's next read is refused.
     *
     * @throws ShareAccessDeniedException when it is not the person's share
     */
    @Transactional
    public void revoke(Visitor person, ShareId id) {
        Optional<ShareRow> row = repository.findShare(id).filter(share -> share.person().equals(person.userId()));
        if (row.isEmpty()) {
            throw new ShareAccessDeniedException("not the person's share");
        }
        if (repository.revoke(id, person.userId(), clock.instant())) {
            audit.record(AuditEvent.of(Actor.person(person), AuditAction.UPDATE, SHARED_DIALOGUE, id.toString(),
                    person.userId(), row.get().organisationId()));
            events.publishEvent(new ShareChanged(id, row.get().therapist(), ShareChanged.Kind.REVOKED));
            log.info("share {} revoked by the person", id);
        }
    }

    /** Feedback therapists gave on this dialogue of the person, oldest first; also after a share ended. */
    @Transactional(readOnly = true)
    public List<DialogueFeedback> feedbackFor(Visitor person, SessionId session) {
        List<ShareId> shares = repository.sharesOfPerson(person.userId(), session).stream().map(ShareRow::id)
                .toList();
        return comments(shares, FEEDBACK).stream()
                .map(comment -> new DialogueFeedback(comment.authorName(), comment.text(), comment.at())).toList();
    }

    // ---- checks ----

    private ShareRow writeComment(UserId therapist, ShareId id, String text, String kind, String recordType) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("empty comment");
        }
        if (stripped.length() > properties.maxCommentLength()) {
            throw new CommentTooLongException(properties.maxCommentLength());
        }
        ShareRow row = readable(therapist, id);
        StaffMember member = staff.find(therapist).orElseThrow();
        UUID comment = UUID.randomUUID();
        repository.insertComment(comment, id, row.organisationId(), therapist, kind, stripped, clock.instant());
        audit.record(AuditEvent.of(Actor.staff(member), AuditAction.CREATE, recordType, comment.toString(),
                row.person(), row.organisationId()));
        log.info("therapist {} wrote a {} on share {}", therapist, kind.toLowerCase(Locale.ROOT), id);
        return row;
    }

    /** The share, when it names this therapist, in their organisation, and is neither revoked nor ended. */
    private ShareRow readable(UserId therapist, ShareId id) {
        Optional<ShareRow> row = repository.findShare(id);
        Optional<StaffMember> member = staff.find(therapist);
        boolean allowed = row.isPresent() && member.isPresent() && member.get().isTherapist()
                && row.get().therapist().equals(therapist)
                && member.get().organisationId().equals(row.get().organisationId())
                && share(row.get()).activeAt(clock.instant());
        if (!allowed) {
            audit.recordDenied(therapist, SHARED_DIALOGUE, id.toString(), row.map(ShareRow::person).orElse(null),
                    row.map(ShareRow::organisationId).orElse(null));
            log.warn("user {} was refused share {}", therapist, id);
            throw new ShareAccessDeniedException("the share does not (or no longer) allow this");
        }
        return row.get();
    }

    private StaffMember therapist(UserId user) {
        return staff.find(user).filter(StaffMember::isTherapist)
                .orElseThrow(() -> new ShareAccessDeniedException("only therapists"));
    }

    private void requireRegistered(Visitor person) {
        if (!mayShare(person)) {
            throw new RegistrationRequiredException();
        }
    }

    private InviteRow usableInvite(Visitor person, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInviteException();
        }
        InviteRow invite = repository.findUsableInvite(InviteCodes.hash(code), person.organisationId(),
                clock.instant()).orElseThrow(InvalidInviteException::new);
        // a therapist who left the organisation (or lost the role) can no longer be shared with
        boolean stillThere = staff.find(invite.therapist())
                .filter(member -> member.isTherapist() && member.organisationId().equals(invite.organisationId()))
                .isPresent();
        if (!stillThere) {
            throw new InvalidInviteException();
        }
        return invite;
    }

    private Share share(ShareRow row) {
        return new Share(row.id(), row.person(), row.session(), row.therapist(), staffName(row.therapist()),
                row.createdAt(), row.endsAt(), row.revokedAt());
    }

    private List<Comment> comments(List<ShareId> shares, String kind) {
        List<CommentRow> rows = repository.comments(shares, kind);
        return rows.stream().map(row -> new Comment(staffName(row.author()), row.text(), row.at())).toList();
    }

    private String staffName(UserId user) {
        return staff.find(user).map(StaffMember::displayName).orElse("");
    }

    private String personName(UserId person) {
        return accounts.account(person).map(Account::email).orElse("");
    }
}
