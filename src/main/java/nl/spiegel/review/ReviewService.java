package nl.spiegel.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
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
import nl.spiegel.escalation.ScreeningService;
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
import nl.spiegel.review.internal.ReviewRepository.StandingRow;
import nl.spiegel.risk.RiskDetector;
import nl.spiegel.risk.RiskKind;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.risk.RiskMatch;

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

    /** "Everything from now on" with a therapist, shared or revoked by the person. */
    public static final String STANDING_SHARE = "STANDING_SHARE";

    static final String FEEDBACK = "FEEDBACK";
    static final String NOTE = "NOTE";

    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    private final ReviewRepository repository;
    private final StaffDirectory staff;
    private final AccountService accounts;
    private final DialogueService dialogues;
    private final AuditTrail audit;
    private final ReviewMailer mailer;
    private final RiskDetector riskDetector;
    private final ScreeningService screenings;
    private final ReviewNoticeService notices;
    private final ReviewProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewService(ReviewRepository repository, StaffDirectory staff, AccountService accounts,
                  DialogueService dialogues, AuditTrail audit, ReviewMailer mailer, ReviewProperties properties,
                  ApplicationEventPublisher events, Clock clock, RiskDetector riskDetector,
                  ScreeningService screenings, ReviewNoticeService notices) {
        this.notices = notices;
        this.riskDetector = riskDetector;
        this.screenings = screenings;
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
    @Transactional
    public List<InboxItem> inbox(UserId therapist, Locale locale) {
        return inbox(therapist, locale, InboxFilter.ALL);
    }

    /**
     * The dialogues shared with the therapist right now that match the filter, newest first. Dialogues a person
     * started under "everything from now on" join the inbox here. The search looks in titles and summaries only.
     */
    @Transactional
    public List<InboxItem> inbox(UserId therapist, Locale locale, InboxFilter filter) {
        StaffMember member = therapist(therapist);
        Instant now = clock.instant();
        coverNewDialogues(member, now);
        String search = filter.search() == null ? "" : filter.search().strip().toLowerCase(locale);
        return repository.activeSharesFor(member.userId(), member.organisationId(), now).stream()
                .filter(row -> !filter.unreadOnly() || row.readAt() == null)
                .filter(row -> filter.from() == null || !row.createdAt().isBefore(filter.from()))
                .filter(row -> filter.until() == null || row.createdAt().isBefore(filter.until()))
                .map(row -> new InboxItem(row.id(), dialogues.title(row.person(), row.session(), locale),
                        personName(row.person()), row.createdAt(), row.endsAt(), row.readAt() == null,
                        dialogues.highestRisk(row.person(), row.session()), row.standing() != null))
                .filter(item -> isBlank(filter.person()) || item.person().equals(filter.person()))
                .filter(item -> isBlank(filter.dialogue()) || item.dialogueTitle().equals(filter.dialogue()))
                .filter(item -> filter.minRisk() == null || item.risk().isAtLeast(filter.minRisk()))
                .filter(item -> search.isEmpty() || item.dialogueTitle().toLowerCase(locale).contains(search)
                        || summaryMentions(repository.findShare(item.share()).orElseThrow(), search, locale))
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
        // sharing the dialogue is the person's consent to show the follow-up answers given in it too
        return new SharedReading(share(row), personName(row.person()), transcript,
                comments(List.of(id), FEEDBACK), comments(List.of(id), NOTE), riskSpans(transcript, locale),
                screenings.latestShared(row.person(), row.session()).orElse(null));
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
        notices.notify(row, ReviewNotice.Kind.FEEDBACK);
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
        return share(person, session, code, endsAt, ShareScope.THIS_DIALOGUE);
    }

    /**
     * Shares one of the person's dialogues, or (for {@link ShareScope#FROM_NOW_ON}) that dialogue and every one
     * they start later, with the therapist of the code, which is used up.
     *
     * @param endsAt when the share ends by itself, in the future; null for no end date
     * @return the share of this dialogue
     * @throws InvalidInviteException        for any code that would not work, without saying why
     * @throws RegistrationRequiredException for anonymous visitors
     */
    @Transactional
    public Share share(Visitor person, SessionId session, String code, Instant endsAt, ShareScope scope) {
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
        return createShare(person, session, invite.therapist(), now, endsAt, scope);
    }

    /**
     * The share the person consented to, with the therapist they chose (by invite code, or by a request from the
     * directory that the therapist accepted): on the audit trail as the person's act, and announced to the therapist.
     */
    Share createShare(Visitor person, SessionId session, UserId therapist, Instant now, Instant endsAt,
                      ShareScope scope) {
        UUID standing = null;
        if (scope == ShareScope.FROM_NOW_ON) {
            standing = UUID.randomUUID();
            repository.insertStanding(new StandingRow(standing, person.organisationId(), person.userId(),
                    therapist, now, endsAt, null));
            audit.record(AuditEvent.of(Actor.person(person), AuditAction.CREATE, STANDING_SHARE, standing.toString(),
                    person.userId(), person.organisationId()));
        }
        ShareRow row = new ShareRow(ShareId.random(), person.organisationId(), person.userId(), session,
                therapist, now, endsAt, null, null, standing);
        repository.insertShare(row);
        audit.record(AuditEvent.of(Actor.person(person), AuditAction.CREATE, SHARED_DIALOGUE, row.id().toString(),
                person.userId(), person.organisationId()));
        mailer.sendSharedWithYou(therapist);
        notices.notify(row, ReviewNotice.Kind.SHARED);
        events.publishEvent(new ShareChanged(row.id(), therapist, ShareChanged.Kind.SHARED));
        log.info("person {} shared session {} with therapist {} (share {})", person.userId(), session, therapist,
                row.id());
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

    /** The person's "everything from now on" shares, newest first, active or not. */
    @Transactional(readOnly = true)
    public List<StandingShare> standingSharesOf(Visitor person) {
        return repository.standingOfPerson(person.userId()).stream().map(this::standing).toList();
    }

    /**
     * Stops "everything from now on" at once, and with it the share of every dialogue it covered.
     *
     * @throws ShareAccessDeniedException when it is not the person's
     */
    @Transactional
    public void revokeStanding(Visitor person, StandingShare.Id id) {
        Optional<StandingRow> row = repository.findStanding(id.value())
                .filter(standing -> standing.person().equals(person.userId()));
        if (row.isEmpty()) {
            throw new ShareAccessDeniedException("not the person's share");
        }
        Instant now = clock.instant();
        List<ShareId> covered = repository.revokeStanding(id.value(), person.userId(), now);
        if (row.get().revokedAt() == null) {
            audit.record(AuditEvent.of(Actor.person(person), AuditAction.UPDATE, STANDING_SHARE, id.toString(),
                    person.userId(), row.get().organisationId()));
        }
        for (ShareId share : covered) {
            audit.record(AuditEvent.of(Actor.person(person), AuditAction.UPDATE, SHARED_DIALOGUE, share.toString(),
                    person.userId(), row.get().organisationId()));
            events.publishEvent(new ShareChanged(share, row.get().therapist(), ShareChanged.Kind.REVOKED));
        }
        log.info("standing share {} revoked by the person ({} dialogues)", id, covered.size());
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

    /** Gives every dialogue a person started under an active "everything from now on" its own share. */
    private void coverNewDialogues(StaffMember member, Instant now) {
        for (StandingRow standing : repository.activeStandingFor(member.userId(), member.organisationId(), now)) {
            for (SessionId session : dialogues.startedSince(standing.person(), standing.createdAt())) {
                ShareRow row = new ShareRow(ShareId.random(), standing.organisationId(), standing.person(), session,
                        standing.therapist(), now, standing.endsAt(), null, null, standing.id());
                if (repository.insertShare(row)) {
                    notices.notify(row, ReviewNotice.Kind.SHARED);
                    log.info("standing share {} now covers session {} (share {})", standing.id(), session, row.id());
                }
            }
        }
    }

    /**
     * Where the detector's signals sit in the person's flagged messages. The offsets are not stored, so the public
     * detector finds them again at read time; only offsets leave this method, and nothing of the text is logged.
     */
    private Map<Integer, List<RiskSpan>> riskSpans(SharedTranscript transcript, Locale locale) {
        Map<Integer, List<RiskSpan>> spans = new TreeMap<>();
        for (SharedTranscript.Line line : transcript.lines()) {
            if (!line.fromPerson() || !transcript.risksBySeq().containsKey(line.seq()) || line.text() == null) {
                continue;
            }
            List<RiskSpan> found = new ArrayList<>();
            riskDetector.assess(line.text(), locale.getLanguage()).matches().stream()
                    .filter(match -> match.level() != RiskLevel.NONE && !RiskKind.isModifier(match.ruleId()))
                    .filter(match -> match.end() > match.start() && match.end() <= line.text().length())
                    .sorted(Comparator.comparingInt(RiskMatch::start))
                    .forEach(match -> {
                        RiskSpan last = found.isEmpty() ? null : found.getLast();
                        if (last != null && match.start() <= last.end()) {
                            found.set(found.size() - 1, new RiskSpan(last.start(), Math.max(last.end(), match.end())));
                        } else {
                            found.add(new RiskSpan(match.start(), match.end()));
                        }
                    });
            if (!found.isEmpty()) {
                spans.put(line.seq(), List.copyOf(found));
            }
        }
        return spans;
    }

    private boolean summaryMentions(ShareRow row, String search, Locale locale) {
        return dialogues.transcript(row.person(), row.session(), locale).lines().stream()
                .filter(line -> line.kind().equals("summary"))
                .anyMatch(line -> line.text().toLowerCase(locale).contains(search)
                        || (line.title() != null && line.title().toLowerCase(locale).contains(search)));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

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
    ShareRow readable(UserId therapist, ShareId id) {
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

    void requireRegistered(Visitor person) {
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

    private StandingShare standing(StandingRow row) {
        return new StandingShare(new StandingShare.Id(row.id()), staffName(row.therapist()), row.createdAt(),
                row.endsAt(), row.revokedAt());
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
