package nl.spiegel.review;

import java.time.Clock;
import java.time.Instant;
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
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.Account;
import nl.spiegel.identity.AccountService;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.review.internal.ExpertRepository;
import nl.spiegel.review.internal.ExpertRepository.ProfileRow;
import nl.spiegel.review.internal.ExpertRepository.RequestRow;
import nl.spiegel.review.internal.ProfilePhotos;

/**
 * The directory of connected experts: therapists of the person's organisation who chose to appear, their profile and
 * photo, and share requests a person sends them with a short message. Accepting a request creates exactly the share
 * the person asked for; a therapist who left the organisation can not be asked (nor accept).
 */
@Service
public class ExpertDirectory {

    /** A share request with the person's message, read by the expert. */
    public static final String SHARE_REQUEST = "SHARE_REQUEST";
    public static final int MAX_MESSAGE = 500;
    /** Longest short line (in each language) and region a profile keeps: the sizes of their columns. */
    public static final int MAX_LINE = 200;
    public static final int MAX_REGION = 100;
    /** Largest photo file an expert may upload; it is scaled down and written anew before it is stored. */
    public static final int MAX_PHOTO_BYTES = 8 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ExpertDirectory.class);

    private final ExpertRepository repository;
    private final StaffDirectory staff;
    private final AccountService accounts;
    private final DialogueService dialogues;
    private final ReviewService reviews;
    private final AuditTrail audit;
    private final Clock clock;

    ExpertDirectory(ExpertRepository repository, StaffDirectory staff, AccountService accounts,
                    DialogueService dialogues, ReviewService reviews, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.staff = staff;
        this.accounts = accounts;
        this.dialogues = dialogues;
        this.reviews = reviews;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- the directory, for anyone of the organisation ----

    /** The listed experts of the visitor's organisation that match, by name. */
    @Transactional(readOnly = true)
    public List<ExpertProfile> directory(Visitor visitor, ExpertFilter filter) {
        String region = filter.region() == null ? "" : filter.region().strip().toLowerCase(Locale.ROOT);
        return repository.listed(visitor.organisationId()).stream().map(this::withName).flatMap(Optional::stream)
                .filter(expert -> isBlank(filter.form()) || expert.forms().contains(filter.form()))
                .filter(expert -> isBlank(filter.specialism()) || expert.specialisms().contains(filter.specialism()))
                .filter(expert -> isBlank(filter.language()) || expert.languages().contains(filter.language()))
                .filter(expert -> !filter.online() || expert.online())
                .filter(expert -> region.isEmpty() || (expert.region() != null
                        && expert.region().toLowerCase(Locale.ROOT).contains(region)))
                .sorted(Comparator.comparing(ExpertProfile::name))
                .toList();
    }

    /** One listed expert of the visitor's organisation. */
    @Transactional(readOnly = true)
    public Optional<ExpertProfile> expert(Visitor visitor, UserId therapist) {
        return repository.profile(therapist)
                .filter(row -> row.listed() && row.organisationId().equals(visitor.organisationId()))
                .flatMap(this::withName);
    }

    /** The photo of a listed expert of the visitor's organisation, as a JPEG without metadata. */
    @Transactional(readOnly = true)
    public Optional<byte[]> photo(Visitor visitor, UserId therapist) {
        return expert(visitor, therapist).filter(ExpertProfile::hasPhoto).flatMap(e -> repository.photo(therapist));
    }

    // ---- the therapist's own profile ----

    /** The therapist's own profile, empty and unlisted until they fill it in. */
    @Transactional(readOnly = true)
    public ExpertProfile ownProfile(UserId therapist) {
        StaffMember member = therapist(therapist);
        return repository.profile(therapist).flatMap(this::withName)
                .orElse(new ExpertProfile(therapist, member.displayName(), null, null, List.of(), List.of(),
                        List.of(), null, false, false, false, false));
    }

    /**
     * Saves what the therapist tells about themselves; codes outside the offered lists are dropped.
     *
     * @throws CommentTooLongException when a short line is longer than {@value #MAX_LINE} characters or the region
     *                                 longer than {@value #MAX_REGION}; nothing is saved
     */
    @Transactional
    public ExpertProfile saveProfile(UserId therapist, ExpertProfile change) {
        StaffMember member = therapist(therapist);
        repository.save(new ProfileRow(therapist, member.organisationId(), limited(change.shortLine(), MAX_LINE),
                limited(change.shortLineEn(), MAX_LINE), known(change.specialisms(), ExpertProfile.SPECIALISMS),
                known(change.forms(), ExpertProfile.FORMS), known(change.languages(), ExpertProfile.LANGUAGES),
                limited(change.region(), MAX_REGION), change.online(), change.accepting(), change.listed(), false),
                clock.instant());
        log.info("therapist {} saved their directory profile (listed: {})", therapist, change.listed());
        return ownProfile(therapist);
    }

    /**
     * Stores a new photo, scaled to at most 400 pixels and re-encoded, so none of the file's metadata is kept.
     *
     * @throws InvalidPhotoException when it is no readable image or larger than 8 MB
     */
    @Transactional
    public void savePhoto(UserId therapist, byte[] upload) {
        ExpertProfile current = ownProfile(therapist);
        if (repository.profile(therapist).isEmpty()) {
            saveProfile(therapist, current);
        }
        repository.savePhoto(therapist, ProfilePhotos.normalise(upload), clock.instant());
        log.info("therapist {} uploaded a directory photo", therapist);
    }

    // ---- share requests ----

    /**
     * Asks an expert to read one of the person's dialogues (or everything from now on), with a short message.
     *
     * @throws ExpertUnavailableException    when the expert left the organisation or takes no new people
     * @throws RegistrationRequiredException for anonymous visitors
     * @throws CommentTooLongException       when the message is longer than {@value #MAX_MESSAGE} characters
     */
    @Transactional
    public ShareRequest request(Visitor person, UserId therapist, SessionId session, ShareScope scope,
                                String message, Locale locale) {
        reviews.requireRegistered(person);
        String text = message == null ? "" : message.strip();
        if (text.length() > MAX_MESSAGE) {
            throw new CommentTooLongException(MAX_MESSAGE);
        }
        ExpertProfile expert = available(therapist, person);
        if (!expert.accepting()) {
            throw new ExpertUnavailableException(ExpertUnavailableException.Reason.NOT_ACCEPTING);
        }
        String title = dialogues.title(person.userId(), session, locale);
        RequestRow row = new RequestRow(UUID.randomUUID(), person.organisationId(), person.userId(), therapist,
                session, scope.name(), text, clock.instant(), null, null, null);
        repository.insertRequest(row);
        audit.record(AuditEvent.of(Actor.person(person), AuditAction.CREATE, SHARE_REQUEST, row.id().toString(),
                person.userId(), person.organisationId()));
        log.info("person {} asked therapist {} to read session {} (request {})", person.userId(), therapist,
                session, row.id());
        return new ShareRequest(row.id(), expert.name(), "", session, title, scope, text, row.createdAt(), null);
    }

    /** The person's own requests, newest first, with the answer when there is one. */
    @Transactional(readOnly = true)
    public List<ShareRequest> requestsOf(Visitor person, Locale locale) {
        return repository.requestsOf(person.userId()).stream().map(row -> view(row, "", locale)).toList();
    }

    /** The requests to this therapist that wait for an answer, oldest first; each read of a message is audited. */
    @Transactional
    public List<ShareRequest> openRequests(UserId therapist, Locale locale) {
        StaffMember member = therapist(therapist);
        return repository.openRequestsFor(therapist).stream()
                .filter(row -> row.organisationId().equals(member.organisationId()))
                .map(row -> {
                    audit.record(AuditEvent.of(Actor.staff(member), AuditAction.VIEW, SHARE_REQUEST,
                            row.id().toString(), row.person(), row.organisationId()));
                    return view(row, accounts.account(row.person()).map(Account::email).orElse(""), locale);
                })
                .toList();
    }

    /**
     * The expert accepts (the share the person asked for starts now) or declines (nothing is shared).
     *
     * @throws ShareAccessDeniedException when it is not a waiting request to this therapist in their organisation
     */
    @Transactional
    public void answer(UserId therapist, UUID request, boolean accept) {
        StaffMember member = therapist(therapist);
        RequestRow row = repository.request(request)
                .filter(r -> r.therapist().equals(therapist) && r.organisationId().equals(member.organisationId())
                        && r.answeredAt() == null)
                .orElseThrow(() -> new ShareAccessDeniedException("not a waiting request to this therapist"));
        Instant now = clock.instant();
        ShareId share = null;
        if (accept) {
            Visitor person = new Visitor(row.person(), row.organisationId());
            share = reviews.createShare(person, row.session(), therapist, now, null, ShareScope.valueOf(row.scope()))
                    .id();
        }
        if (!repository.answer(request, accept, share, now)) {
            throw new ShareAccessDeniedException("answered before");
        }
        audit.record(AuditEvent.of(Actor.staff(member), AuditAction.UPDATE, SHARE_REQUEST, request.toString(),
                row.person(), row.organisationId()));
        log.info("therapist {} {} request {}", therapist, accept ? "accepted" : "declined", request);
    }

    private ShareRequest view(RequestRow row, String from, Locale locale) {
        return new ShareRequest(row.id(), staff.find(row.therapist()).map(StaffMember::displayName).orElse(""),
                from, row.session(), dialogues.title(row.person(), row.session(), locale),
                ShareScope.valueOf(row.scope()), row.message(), row.createdAt(), row.accepted());
    }

    /** The listed profile while the expert is still a therapist of the person's organisation. */
    private ExpertProfile available(UserId therapist, Visitor person) {
        return repository.profile(therapist)
                .filter(row -> row.listed() && row.organisationId().equals(person.organisationId()))
                .flatMap(this::withName)
                .orElseThrow(() -> new ExpertUnavailableException(ExpertUnavailableException.Reason.LEFT));
    }

    /** The profile with the therapist's name, while they are a therapist of the profile's organisation. */
    private Optional<ExpertProfile> withName(ProfileRow row) {
        return staff.find(row.therapist())
                .filter(member -> member.isTherapist() && member.organisationId().equals(row.organisationId()))
                .map(member -> new ExpertProfile(row.therapist(), member.displayName(), row.shortLine(),
                        row.shortLineEn(), row.specialisms(), row.forms(), row.languages(), row.region(),
                        row.online(), row.accepting(), row.listed(), row.hasPhoto()));
    }

    private StaffMember therapist(UserId user) {
        return staff.find(user).filter(StaffMember::isTherapist)
                .orElseThrow(() -> new ShareAccessDeniedException("only therapists"));
    }

    private static List<String> known(List<String> codes, List<String> offered) {
        return codes.stream().filter(offered::contains).distinct().toList();
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Refused before the database would refuse it, which the person could only see as an error. */
    private static String limited(String value, int limit) {
        String trimmed = trim(value);
        if (trimmed != null && trimmed.length() > limit) {
            throw new CommentTooLongException(limit);
        }
        return trimmed;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
