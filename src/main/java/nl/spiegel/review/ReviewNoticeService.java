package nl.spiegel.review;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.identity.Account;
import nl.spiegel.identity.AccountService;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.review.internal.ReviewRepository;
import nl.spiegel.review.internal.ReviewRepository.NoticeRow;
import nl.spiegel.review.internal.ReviewRepository.ShareRow;

/**
 * In-app notices next to the e-mails: a therapist sees that a dialogue was shared with them, a person that their
 * therapist responded. Each user only ever sees and clears their own.
 */
@Service
public class ReviewNoticeService {

    private static final int SHOWN = 50;

    private final ReviewRepository repository;
    private final DialogueService dialogues;
    private final StaffDirectory staff;
    private final AccountService accounts;
    private final Clock clock;

    ReviewNoticeService(ReviewRepository repository, DialogueService dialogues, StaffDirectory staff,
                        AccountService accounts, Clock clock) {
        this.repository = repository;
        this.dialogues = dialogues;
        this.staff = staff;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The person's notices, newest first (at most 50). */
    @Transactional(readOnly = true)
    public List<ReviewNotice> noticesOf(Visitor person, Locale locale) {
        return notices(person.userId(), locale);
    }

    /** Marks all of the person's notices as read. */
    @Transactional
    public void markRead(Visitor person) {
        repository.markNoticesRead(person.userId(), clock.instant());
    }

    /**
     * The therapist's notices, newest first (at most 50).
     *
     * @throws ShareAccessDeniedException when the caller is no therapist
     */
    @Transactional(readOnly = true)
    public List<ReviewNotice> noticesOfTherapist(UserId therapist, Locale locale) {
        return notices(therapist(therapist).userId(), locale);
    }

    /** Marks all of the therapist's notices as read, once they looked at their inbox. */
    @Transactional
    public void markReadByTherapist(UserId therapist) {
        repository.markNoticesRead(therapist(therapist).userId(), clock.instant());
    }

    /** How many notices the user has not seen yet; a count only. */
    @Transactional(readOnly = true)
    public int unread(UserId user) {
        return repository.unreadNotices(user);
    }

    void notify(ShareRow share, ReviewNotice.Kind kind) {
        UserId to = kind == ReviewNotice.Kind.SHARED ? share.therapist() : share.person();
        repository.insertNotice(UUID.randomUUID(), share.organisationId(), to, kind.name(), share.id(),
                clock.instant());
    }

    private List<ReviewNotice> notices(UserId user, Locale locale) {
        return repository.notices(user, SHOWN).stream().map(row -> notice(row, locale)).flatMap(Optional::stream)
                .toList();
    }

    private Optional<ReviewNotice> notice(NoticeRow row, Locale locale) {
        return repository.findShare(row.share()).map(share -> {
            ReviewNotice.Kind kind = ReviewNotice.Kind.valueOf(row.kind());
            String from = kind == ReviewNotice.Kind.FEEDBACK
                    ? staff.find(share.therapist()).map(StaffMember::displayName).orElse("")
                    : accounts.account(share.person()).map(Account::email).orElse("");
            return new ReviewNotice(kind, share.session(), dialogues.title(share.person(), share.session(), locale),
                    from, row.createdAt(), row.readAt() == null);
        });
    }

    private StaffMember therapist(UserId user) {
        return staff.find(user).filter(StaffMember::isTherapist)
                .orElseThrow(() -> new ShareAccessDeniedException("only therapists"));
    }
}
