package nl.spiegel.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.audit.Actor;
import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEvent;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.progress.internal.MoodRepository;
import nl.spiegel.progress.internal.QuestionnaireRepository;
import nl.spiegel.review.ReviewService;
import nl.spiegel.review.Share;
import nl.spiegel.review.ShareId;

/**
 * A person's progress for the therapist they shared a dialogue with, behind the same consent: only while that share
 * names the therapist, in their organisation, and is neither revoked nor ended ({@link ReviewService#consentedShare}).
 * Every read is on the audit trail, and so is every refusal.
 */
@Service
public class SharedProgressService {

    /** The person's questionnaire results and moods, read by a therapist they shared with. */
    public static final String SHARED_PROGRESS = "SHARED_PROGRESS";

    private static final Logger log = LoggerFactory.getLogger(SharedProgressService.class);

    private final ReviewService reviews;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final QuestionnaireRepository results;
    private final MoodRepository moods;

    SharedProgressService(ReviewService reviews, StaffDirectory staff, AuditTrail audit,
                          QuestionnaireRepository results, MoodRepository moods) {
        this.reviews = reviews;
        this.staff = staff;
        this.audit = audit;
        this.results = results;
        this.moods = moods;
    }

    /**
     * @throws nl.spiegel.review.ShareAccessDeniedException when the share does not (or no longer) allow it
     */
    @Transactional
    public SharedProgress read(UserId therapist, ShareId id) {
        Share share = reviews.consentedShare(therapist, id);
        StaffMember member = staff.find(therapist).orElseThrow();
        audit.record(AuditEvent.of(Actor.staff(member), AuditAction.VIEW, SHARED_PROGRESS, id.toString(),
                share.person(), member.organisationId()));
        log.info("therapist {} read the progress shared through {}", therapist, id);
        return new SharedProgress(results.findAll(share.person()), moods.findAll(share.person()));
    }
}
