package nl.spiegel.review.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.identity.DemoAccountDirectory;
import nl.spiegel.identity.DemoAccountProperties;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.review.internal.ExpertRepository.ProfileRow;

/**
 * Fictional experts for the directory, only together with the demo accounts: a few therapists who cannot log in
 * (nobody knows their password) with a profile and an initials picture, and a profile for the demo therapist.
 * Made once; a later start finds them and changes nothing.
 */
@Component
class DemoExperts {

    private record Demo(String email, String name, String line, String lineEn, List<String> specialisms,
                        List<String> forms, List<String> languages, String region, boolean online,
                        boolean accepting, Color colour) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("anouk.verbeek@demo.spiegel.local", "Anouk Verbeek",
                    "Ik help je rustiger om te gaan met piekeren en spanning.",
                    "I help you handle worry and tension more calmly.",
                    List.of("anxiety", "stress", "sleep"), List.of("cbt", "act"), List.of("nl", "en"), "Utrecht",
                    true, true, new Color(0x2F6B5E)),
            new Demo("sander.dewit@demo.spiegel.local", "Sander de Wit",
                    "Samen kijken we wat je nodig hebt na een nare ervaring.",
                    "Together we look at what you need after a distressing experience.",
                    List.of("trauma", "grief"), List.of("emdr", "cbt"), List.of("nl", "de"), "Arnhem", false, true,
                    new Color(0x4A5A8C)),
            new Demo("yasmina.elidrissi@demo.spiegel.local", "Yasmina El Idrissi",
                    "Over somberheid praten mag ook in je eigen taal.",
                    "You can talk about low mood in your own language too.",
                    List.of("depression", "self-esteem", "relationships"), List.of("cbt", "solution-focused"),
                    List.of("nl", "ar", "fr", "en"), "Rotterdam", true, true, new Color(0x8C4A5A)),
            new Demo("marieke.jansen@demo.spiegel.local", "Marieke Jansen",
                    "Milder worden voor jezelf, stap voor stap.", "Becoming kinder to yourself, step by step.",
                    List.of("self-esteem", "depression"), List.of("schema", "mindfulness"), List.of("nl"), null, true,
                    false, new Color(0x7A6A2F)));

    private static final Logger log = LoggerFactory.getLogger(DemoExperts.class);

    private final DemoAccountProperties demo;
    private final DemoAccountDirectory demoAccounts;
    private final StaffDirectory staff;
    private final ExpertRepository experts;
    private final Clock clock;

    DemoExperts(DemoAccountProperties demo, DemoAccountDirectory demoAccounts, StaffDirectory staff,
                ExpertRepository experts, Clock clock) {
        this.demo = demo;
        this.demoAccounts = demoAccounts;
        this.staff = staff;
        this.experts = experts;
        this.clock = clock;
    }

    /** After start-up, so the demo accounts (made by an application runner) exist. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void addDemoExperts() {
        if (!demo.enabled()) {
            return;
        }
        for (Demo expert : DEMOS) {
            if (staff.exists(expert.email())) {
                continue;
            }
            // a password nobody knows: these experts are shown, they do not log in
            StaffMember member = staff.create(expert.email(), UUID.randomUUID() + "-" + UUID.randomUUID(),
                    expert.name(), Role.THERAPIST, OrganisationId.DEFAULT);
            experts.save(new ProfileRow(member.userId(), OrganisationId.DEFAULT, expert.line(), expert.lineEn(),
                    expert.specialisms(), expert.forms(), expert.languages(), expert.region(), expert.online(),
                    expert.accepting(), true, false), clock.instant());
            experts.savePhoto(member.userId(), ProfilePhotos.normalise(initials(expert.name(), expert.colour())),
                    clock.instant());
        }
        for (UserId id : demoAccounts.inDatabase()) {
            staff.find(id).filter(StaffMember::isTherapist).filter(member -> experts.profile(id).isEmpty())
                    .ifPresent(member -> experts.save(new ProfileRow(id, member.organisationId(),
                            "Ik denk graag met je mee, in je eigen tempo.", "I like to think along, at your own pace.",
                            List.of("stress", "depression"), List.of("cbt", "act"), List.of("nl", "en"), "Amsterdam",
                            true, true, true, false), clock.instant()));
        }
        log.info("demo experts are in the directory");
    }

    /** A plain picture with the initials, so the demo shows photos without using anyone's face. */
    private static byte[] initials(String name, Color colour) {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setColor(colour);
            graphics.fillRect(0, 0, 400, 400);
            graphics.setColor(Color.WHITE);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 150));
            String letters = name.charAt(0) + name.substring(name.lastIndexOf(' ') + 1, name.lastIndexOf(' ') + 2);
            int width = graphics.getFontMetrics().stringWidth(letters);
            graphics.drawString(letters, (400 - width) / 2, 255);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
