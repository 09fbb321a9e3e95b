package nl.spiegel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The directory of connected experts and share requests, on the real services and database. */
@SpiegelIntegrationTest
class ExpertDirectoryIT {

    private static final Locale NL = SpiegelI18NProvider.DUTCH;

    @Autowired
    ExpertDirectory directory;
    @Autowired
    ReviewService reviews;
    @Autowired
    VisitorService visitors;
    @Autowired
    StaffDirectory staff;
    @Autowired
    DialogueService dialogues;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    private ReviewFixtures fixtures;
    private StaffMember expert;
    private Visitor person;
    private SessionSnapshot dialogue;

    @BeforeEach
    void setUp() {
        fixtures = new ReviewFixtures(visitors, staff, dialogues, jdbc);
        expert = fixtures.member(Role.THERAPIST, OrganisationId.DEFAULT);
        person = fixtures.registeredPerson(OrganisationId.DEFAULT);
        dialogue = fixtures.finishedDialogue(person, "Tuinieren-" + UUID.randomUUID());
        directory.saveProfile(expert.userId(), profile(true, true, "Zwolle", List.of("emdr"), List.of("trauma"),
                List.of("nl", "tr")));
    }

    @Test
    void theDirectoryListsExpertsWhoChoseToAppearFilteredAndOnlyOfTheOwnOrganisation() {
        assertThat(names(ExpertFilter.ANY)).contains(expert.displayName(), "Anouk Verbeek", "Sander de Wit");
        assertThat(names(new ExpertFilter("emdr", "trauma", "tr", false, "zwol"))).contains(expert.displayName())
                .doesNotContain("Anouk Verbeek");
        assertThat(names(new ExpertFilter(null, null, null, true, null))).doesNotContain(expert.displayName())
                .contains("Anouk Verbeek");
        assertThat(names(new ExpertFilter("act", null, null, false, null))).doesNotContain(expert.displayName());

        StaffMember hidden = fixtures.member(Role.THERAPIST, OrganisationId.DEFAULT);
        directory.saveProfile(hidden.userId(), profile(false, true, null, List.of(), List.of(), List.of()));
        assertThat(names(ExpertFilter.ANY)).doesNotContain(hidden.displayName());
        assertThat(directory.expert(person, hidden.userId())).isEmpty();

        OrganisationId other = fixtures.newOrganisation();
        StaffMember elsewhere = fixtures.member(Role.THERAPIST, other);
        directory.saveProfile(elsewhere.userId(), profile(true, true, null, List.of(), List.of(), List.of()));
        assertThat(names(ExpertFilter.ANY)).doesNotContain(elsewhere.displayName());
        assertThat(directory.expert(person, elsewhere.userId())).isEmpty();
        assertThat(directory.directory(fixtures.registeredPerson(other), ExpertFilter.ANY))
                .extracting(ExpertProfile::name).containsExactly(elsewhere.displayName());

        staff.changeRole(expert.userId(), Role.ORG_ADMIN);
        assertThat(names(ExpertFilter.ANY)).as("left the role: gone from the list")
                .doesNotContain(expert.displayName());
    }

    @Test
    void anUploadedPhotoIsScaledAndReEncodedWithoutItsMetadata() throws Exception {
        String secret = "Verborgen-locatie-" + UUID.randomUUID();
        byte[] upload = pngWithText(1200, 800, secret);
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains(secret);

        directory.savePhoto(expert.userId(), upload);

        byte[] stored = directory.photo(person, expert.userId()).orElseThrow();
        assertThat(stored[0] & 0xFF).isEqualTo(0xFF);
        assertThat(stored[1] & 0xFF).as("a JPEG").isEqualTo(0xD8);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(267);
        assertThat(directory.expert(person, expert.userId()).orElseThrow().hasPhoto()).isTrue();

        assertThatThrownBy(() -> directory.savePhoto(expert.userId(), "geen foto".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidPhotoException.class);
        assertThatThrownBy(() -> directory.savePhoto(person.userId(), upload))
                .isInstanceOf(ShareAccessDeniedException.class);
    }

    @Test
    void aRequestSharesOnlyOnceTheExpertAcceptsAndTheMessageIsStoredEncrypted() {
        String message = "Ik wil graag hulp bij mijn slaap " + UUID.randomUUID();
        ShareRequest request = directory.request(person, expert.userId(), dialogue.id(), ShareScope.THIS_DIALOGUE,
                message, NL);
        assertThat(fixtures.columnsContaining(message)).as("no plaintext message in any column").isEmpty();
        assertThat(reviews.inbox(expert.userId(), NL)).as("nothing shared before the answer").isEmpty();
        assertThat(directory.requestsOf(person, NL)).singleElement()
                .satisfies(own -> assertThat(own.accepted()).isNull());

        List<ShareRequest> open = directory.openRequests(expert.userId(), NL);
        assertThat(open).singleElement().satisfies(seen -> {
            assertThat(seen.message()).isEqualTo(message);
            assertThat(seen.from()).contains("@example.org");
        });
        StaffMember colleague = fixtures.member(Role.THERAPIST, OrganisationId.DEFAULT);
        assertThat(directory.openRequests(colleague.userId(), NL)).isEmpty();
        assertThatThrownBy(() -> directory.answer(colleague.userId(), request.id(), true))
                .isInstanceOf(ShareAccessDeniedException.class);

        directory.answer(expert.userId(), request.id(), true);
        assertThat(reviews.inbox(expert.userId(), NL)).singleElement()
                .satisfies(item -> assertThat(item.dialogueTitle()).isEqualTo(request.dialogueTitle()));
        assertThat(directory.requestsOf(person, NL).getFirst().accepted()).isTrue();
        assertThatThrownBy(() -> directory.answer(expert.userId(), request.id(), false))
                .as("answered once").isInstanceOf(ShareAccessDeniedException.class);
        assertThat(audit.aboutMe(person)).anyMatch(entry -> entry.recordType().equals(ExpertDirectory.SHARE_REQUEST)
                && expert.displayName().equals(entry.actorName()));

        ShareRequest declined = directory.request(person, expert.userId(), dialogue.id(), ShareScope.FROM_NOW_ON,
                "", NL);
        directory.answer(expert.userId(), declined.id(), false);
        assertThat(reviews.standingSharesOf(person)).as("declined: nothing shared").isEmpty();
        assertThat(reviews.sharesOf(person, null)).hasSize(1);
    }

    @Test
    void badRequestsAreRefusedWithAReasonIncludingAnExpertWhoLeft() {
        assertThatThrownBy(() -> directory.request(person, expert.userId(), dialogue.id(), ShareScope.THIS_DIALOGUE,
                "x".repeat(ExpertDirectory.MAX_MESSAGE + 1), NL)).isInstanceOf(CommentTooLongException.class);
        Visitor anonymous = fixtures.anonymousPerson();
        assertThatThrownBy(() -> directory.request(anonymous, expert.userId(), dialogue.id(),
                ShareScope.THIS_DIALOGUE, "", NL)).isInstanceOf(RegistrationRequiredException.class);

        StaffMember full = fixtures.member(Role.THERAPIST, OrganisationId.DEFAULT);
        directory.saveProfile(full.userId(), profile(true, false, null, List.of(), List.of(), List.of()));
        assertThatThrownBy(() -> directory.request(person, full.userId(), dialogue.id(), ShareScope.THIS_DIALOGUE,
                "", NL)).isInstanceOf(ExpertUnavailableException.class)
                .extracting(e -> ((ExpertUnavailableException) e).reason())
                .isEqualTo(ExpertUnavailableException.Reason.NOT_ACCEPTING);

        ShareRequest waiting = directory.request(person, expert.userId(), dialogue.id(), ShareScope.THIS_DIALOGUE,
                "", NL);
        staff.changeRole(expert.userId(), Role.ORG_ADMIN);
        assertThatThrownBy(() -> directory.request(person, expert.userId(), dialogue.id(), ShareScope.THIS_DIALOGUE,
                "", NL)).isInstanceOf(ExpertUnavailableException.class)
                .extracting(e -> ((ExpertUnavailableException) e).reason())
                .isEqualTo(ExpertUnavailableException.Reason.LEFT);
        assertThatThrownBy(() -> directory.answer(expert.userId(), waiting.id(), true))
                .as("who left can not accept").isInstanceOf(ShareAccessDeniedException.class);
        assertThat(reviews.sharesOf(person, null)).isEmpty();
    }

    private List<String> names(ExpertFilter filter) {
        return directory.directory(person, filter).stream().map(ExpertProfile::name).toList();
    }

    private ExpertProfile profile(boolean listed, boolean accepting, String region, List<String> forms,
                                  List<String> specialisms, List<String> languages) {
        return new ExpertProfile(expert.userId(), "", "Ik luister eerst.", null, specialisms, forms, languages,
                region, false, accepting, listed, false);
    }

    /** A PNG carrying a text chunk, like a camera or editor leaves behind. */
    private static byte[] pngWithText(int width, int height, String text) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(
                ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", "Location");
        entry.setAttribute("value", text);
        IIOMetadataNode textNode = new IIOMetadataNode("tEXt");
        textNode.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(textNode);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
