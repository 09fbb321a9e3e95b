package nl.spiegel.authoring;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import nl.spiegel.audit.Actor;
import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEvent;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.authoring.internal.DraftChecker;
import nl.spiegel.authoring.internal.OrganisationAdmins;
import nl.spiegel.authoring.internal.ScriptRepository;
import nl.spiegel.authoring.internal.StoredScripts;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

/**
 * Writing, checking, publishing and rolling back an organisation's dialogue scripts. Only an ORG_ADMIN or a
 * CONTENT_EDITOR of the organisation (or a PLATFORM_ADMIN) may; the role and organisation are looked up in the database, never taken from
 * the screen. A refused attempt to publish into another organisation is put on the audit trail, and so is every
 * publish.
 *
 * <p>Every publish is a new version numbered by Spiegel (the {@code version:} line of the text is set to it); a
 * running session stays on the version it started with.
 */
@Service
public class AuthoringService {

    /** Audit record type of a published script version. */
    public static final String RECORD_TYPE = "DIALOGUE_SCRIPT";
    /** Longest script id, so "id:version" fits the audit trail's record id. */
    public static final int MAX_ID_LENGTH = 48;

    private static final Logger log = LoggerFactory.getLogger(AuthoringService.class);
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^version:[ \\t]*[^\\n#]*?[ \\t]*(#[^\\n]*)?$");

    private final DraftChecker checker;
    private final ScriptRepository repository;
    private final StoredScripts stored;
    private final OrganisationAdmins admins;
    private final AuditTrail audit;
    private final Clock clock;

    AuthoringService(DraftChecker checker, ScriptRepository repository, StoredScripts stored,
                     OrganisationAdmins admins, AuditTrail audit, Clock clock) {
        this.checker = checker;
        this.repository = repository;
        this.stored = stored;
        this.admins = admins;
        this.audit = audit;
        this.clock = clock;
    }

    /** A small complete script to start a new dialogue from. */
    public String template() {
        try (java.io.InputStream in = AuthoringService.class.getResourceAsStream("/authoring/template.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the authoring template is missing", e);
        }
    }

    /**
     * The text of an uploaded file for the editor, or the one problem that keeps it out (too large, not UTF-8):
     * a file is never put into the editor garbled or whole when it is far over the limit.
     */
    public UploadedScript readUpload(byte[] bytes, long size) {
        return checker.read(bytes, size);
    }

    /** Checks a draft exactly as publishing would, without storing anything. */
    public DraftCheck check(String text) {
        return checker.check(text);
    }

    /** The newest version of every script the organisation publishes itself, by title. */
    @Transactional(readOnly = true)
    public List<ScriptVersion> scripts(UserId requester, OrganisationId organisation) {
        author(requester, organisation, null);
        return repository.newest(List.of(organisation)).stream()
                .map(newest -> repository.find(organisation, newest.scriptId(), newest.version()).orElseThrow())
                .map(this::describe)
                .sorted(Comparator.comparing(ScriptVersion::scriptId))
                .toList();
    }

    /** Every version of one of the organisation's scripts, newest first. */
    @Transactional(readOnly = true)
    public List<ScriptVersion> history(UserId requester, OrganisationId organisation, String scriptId) {
        author(requester, organisation, scriptId);
        return repository.history(organisation, scriptId).stream().map(this::describe).toList();
    }

    /** The text of one published version, for the editor and the diff. */
    @Transactional(readOnly = true)
    public Optional<String> source(UserId requester, OrganisationId organisation, String scriptId, int version) {
        author(requester, organisation, scriptId);
        return repository.find(organisation, scriptId, version).map(ScriptRepository.Row::source);
    }

    /** What changed from one version to another, line by line. */
    @Transactional(readOnly = true)
    public List<DiffLine> diff(UserId requester, OrganisationId organisation, String scriptId, int from, int to) {
        List<String> older = lines(source(requester, organisation, scriptId, from).orElse(""));
        List<String> newer = lines(source(requester, organisation, scriptId, to).orElse(""));
        List<DiffLine> result = new ArrayList<>();
        int oldAt = 0;
        int newAt = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(older, newer).getDeltas()) {
            while (oldAt < delta.getSource().getPosition()) {
                result.add(new DiffLine(DiffLine.Kind.SAME, oldAt + 1, newAt + 1, older.get(oldAt)));
                oldAt++;
                newAt++;
            }
            for (String line : delta.getSource().getLines()) {
                result.add(new DiffLine(DiffLine.Kind.REMOVED, ++oldAt, 0, line));
            }
            for (String line : delta.getTarget().getLines()) {
                result.add(new DiffLine(DiffLine.Kind.ADDED, 0, ++newAt, line));
            }
        }
        while (oldAt < older.size()) {
            result.add(new DiffLine(DiffLine.Kind.SAME, oldAt + 1, newAt + 1, older.get(oldAt)));
            oldAt++;
            newAt++;
        }
        return result;
    }

    /**
     * Checks and publishes a draft as the newest version of its script in the organisation.
     *
     * @throws PublishRefusedException with every problem when the check fails; nothing is stored
     * @throws AccessDeniedException   when the requester may not publish there (the attempt is audited)
     */
    @Transactional
    public ScriptVersion publish(UserId requester, OrganisationId organisation, String text) {
        StaffMember author = author(requester, organisation, null);
        return store(author, organisation, text, "PUBLISHED", null);
    }

    /**
     * Publishes the text of an earlier version again, as the newest version; it is checked again, as every publish.
     *
     * @throws PublishRefusedException when that text no longer passes the check
     */
    @Transactional
    public ScriptVersion rollback(UserId requester, OrganisationId organisation, String scriptId, int version) {
        StaffMember author = author(requester, organisation, scriptId);
        String text = repository.find(organisation, scriptId, version)
                .orElseThrow(() -> new IllegalArgumentException("no version " + version + " of " + scriptId))
                .source();
        return store(author, organisation, text, "ROLLBACK", version);
    }

    private ScriptVersion store(StaffMember author, OrganisationId organisation, String text, String origin,
                                Integer basedOn) {
        DraftCheck check = checker.check(text);
        if (!check.publishable()) {
            throw new PublishRefusedException(check.issues());
        }
        Script script = check.script().orElseThrow();
        if (script.id().length() > MAX_ID_LENGTH) {
            throw refused("id-too-long", script.id(), String.valueOf(MAX_ID_LENGTH));
        }
        if (repository.owners(script.id()).stream().anyMatch(owner -> !owner.equals(organisation))) {
            // one id, one owner: sessions find their script by id within their organisation or the shared catalogue
            throw refused("id-taken", script.id());
        }
        int version = repository.lockNewestVersion(organisation, script.id()) + 1;
        Matcher line = VERSION_LINE.matcher(text);
        if (!line.find()) {
            throw refused("version-line");
        }
        String numbered = line.replaceFirst("version: " + version);
        DraftCheck renumbered = checker.check(numbered);
        if (!renumbered.publishable() || renumbered.script().orElseThrow().version() != version) {
            throw refused("version-line");
        }
        ScriptRepository.Row row = new ScriptRepository.Row(organisation, script.id(), version, numbered, origin,
                basedOn, clock.instant());
        repository.insert(row, author.userId());
        audit.record(AuditEvent.of(Actor.staff(author), AuditAction.CREATE, RECORD_TYPE,
                script.id() + ":" + version, null, organisation));
        log.info("script {} v{} published for organisation {} by {} ({} bytes)", script.id(), version, organisation,
                author.userId(), numbered.getBytes(StandardCharsets.UTF_8).length);
        return describe(row);
    }

    private static PublishRefusedException refused(String code, String... args) {
        return new PublishRefusedException(List.of(new ScriptIssue(1, 1, null, code, List.of(args), false)));
    }

    /**
     * ORG_ADMIN or CONTENT_EDITOR of this organisation, or PLATFORM_ADMIN; anyone else is refused and the attempt is
     * audited.
     */
    private StaffMember author(UserId requester, OrganisationId organisation, String scriptId) {
        return admins.requireAuthor(requester, organisation, RECORD_TYPE, scriptId != null
                && scriptId.length() <= MAX_ID_LENGTH && scriptId.matches("[a-z0-9-]+") ? scriptId : null);
    }

    private ScriptVersion describe(ScriptRepository.Row row) {
        LocalizedText title = stored.version(row.organisation(), row.scriptId(), row.version())
                .map(Script::title).orElse(LocalizedText.verbatim(row.scriptId()));
        return new ScriptVersion(row.scriptId(), row.version(), title, row.origin(), row.basedOn(), row.publishedAt());
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\\R", -1));
    }
}
