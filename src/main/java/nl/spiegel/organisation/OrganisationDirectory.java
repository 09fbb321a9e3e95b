package nl.spiegel.organisation;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.organisation.internal.OrganisationRepository;

/**
 * Organisations and their settings. Reading is open to every module (a visitor's organisation decides the look and
 * the crisis contacts). The changing methods validate what is saved but do not know who asks: they are only called
 * by {@code portal.OrganisationAdmin}, which checks that the caller administers the organisation.
 */
@Service
public class OrganisationDirectory {

    private static final Logger log = LoggerFactory.getLogger(OrganisationDirectory.class);

    /** Lower-case letters, digits and inner hyphens: it appears in addresses (/embed/{slug}). */
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$");
    private static final Pattern ORIGIN = Pattern.compile("^https?://[a-z0-9.-]+(?::[0-9]{1,5})?$");
    private static final Pattern SCRIPT_ID = Pattern.compile("^[a-z0-9_-]{1,64}$");
    private static final int MAX_WELCOME = 1000;
    private static final int MAX_NAME = 200;

    private final OrganisationRepository repository;
    private final Clock clock;

    OrganisationDirectory(OrganisationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(OrganisationId id) {
        return repository.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> bySlug(String slug) {
        return slug == null || !SLUG.matcher(slug).matches() ? Optional.empty() : repository.findBySlug(slug);
    }

    @Transactional(readOnly = true)
    public List<Organisation> all() {
        return repository.findAll();
    }

    /** The organisation's logo, by slug, for the branding stylesheet and the header. */
    @Transactional(readOnly = true)
    public Optional<LogoImage> logo(String slug) {
        return bySlug(slug).flatMap(organisation -> repository.logo(organisation.slug()));
    }

    /**
     * The organisation's look as CSS custom properties over Spiegel's own stylesheet, loaded after it. Only values
     * that passed validation reach it (colours are {@code #rrggbb}), so nothing here can break out of the rule.
     */
    @Transactional(readOnly = true)
    public Optional<String> stylesheet(String slug) {
        return bySlug(slug).map(organisation -> {
            Branding branding = organisation.branding();
            // html:root outranks the plain html rule of Spiegel's own stylesheet, whatever the loading order
            StringBuilder css = new StringBuilder("/* ").append(organisation.slug()).append(" */\nhtml:root {\n");
            Colours.normalise(branding.primaryColour()).ifPresent(primary -> css
                    .append("  --lumo-primary-color: ").append(primary).append(";\n")
                    .append("  --lumo-primary-color-50pct: ").append(primary).append("80;\n")
                    .append("  --lumo-primary-color-10pct: ").append(primary).append("1a;\n")
                    .append("  --sp-user: ").append(primary).append(";\n")
                    .append("  --sp-org-primary: ").append(primary).append(";\n"));
            Colours.normalise(branding.accentColour()).ifPresent(accent -> css
                    .append("  --lumo-primary-text-color: ").append(accent).append(";\n")
                    .append("  --sp-org-accent: ").append(accent).append(";\n"));
            css.append("}\n");
            if (branding.hasLogo()) {
                css.append(".sp-org-logo { background-image: url(\"/branding/").append(organisation.slug())
                        .append("/logo\"); }\n");
            }
            return css.toString();
        });
    }

    // ---- changes (access is checked by the caller) ----

    /** Creates an organisation with Spiegel's look, offering every dialogue, not embeddable anywhere yet. */
    @Transactional
    public Organisation create(String name, String slug) {
        String cleanName = requireName(name);
        String cleanSlug = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(cleanSlug).matches()) {
            throw new OrganisationSettingsException("organisation.error.slug");
        }
        if (repository.slugExists(cleanSlug)) {
            throw new OrganisationSettingsException("organisation.error.slug-taken", cleanSlug);
        }
        OrganisationId id = new OrganisationId(UUID.randomUUID());
        repository.insert(id, cleanSlug, cleanName, clock.instant());
        log.info("organisation {} created", id);
        return repository.find(id).orElseThrow();
    }

    /**
     * Saves name, colours and welcome texts; each colour must reach {@link Colours#MINIMUM_CONTRAST} against white
     * (the primary carries white text, the accent is text on white). Empty colours mean Spiegel's own.
     */
    @Transactional
    public Organisation saveBranding(OrganisationId id, String name, String primaryColour, String accentColour,
                                     String welcomeNl, String welcomeEn) {
        String cleanName = requireName(name);
        String primary = checkedColour(primaryColour, "organisation.error.primary-contrast");
        String accent = checkedColour(accentColour, "organisation.error.accent-contrast");
        String nl = welcome(welcomeNl);
        String en = welcome(welcomeEn);
        repository.updateBranding(id, cleanName, primary, accent, nl, en);
        log.info("branding of organisation {} saved", id);
        return repository.find(id).orElseThrow();
    }

    /** Stores a logo after checking its type (by content) and size; on a problem nothing is stored. */
    @Transactional
    public void saveLogo(OrganisationId id, byte[] bytes) {
        Optional<LogoImage.Problem> problem = LogoImage.check(bytes);
        if (problem.isPresent()) {
            String key = "organisation.error.logo." + problem.get().name().toLowerCase(Locale.ROOT).replace('_', '-');
            if (problem.get() == LogoImage.Problem.TOO_MANY_PIXELS) {
                LogoImage.Size size = LogoImage.size(bytes).orElseThrow();
                // as plain numbers: "100000", not "100.000" or "100,000" depending on the language
                throw new OrganisationSettingsException(key, String.valueOf(LogoImage.MAX_SIDE),
                        String.valueOf(size.width()), String.valueOf(size.height()));
            }
            throw new OrganisationSettingsException(key, LogoImage.MAX_BYTES / 1024);
        }
        repository.updateLogo(id, new LogoImage(bytes, LogoImage.detectType(bytes).orElseThrow()));
        log.info("logo of organisation {} saved", id);
    }

    @Transactional
    public void removeLogo(OrganisationId id) {
        repository.updateLogo(id, null);
    }

    /** The dialogues offered (script ids); an empty list offers all. */
    @Transactional
    public void saveOfferedDialogues(OrganisationId id, List<String> scriptIds) {
        List<String> clean = new ArrayList<>(new LinkedHashSet<>(scriptIds.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
        for (String scriptId : clean) {
            if (!SCRIPT_ID.matcher(scriptId).matches()) {
                throw new OrganisationSettingsException("organisation.error.dialogue", scriptId);
            }
        }
        repository.updateOfferedDialogues(id, clean);
    }

    /**
     * The portal origins that may frame Spiegel: scheme, host and optional port, nothing else
     * ({@code https://portal.example.org}). Anything with a path, a wildcard or another scheme is refused.
     */
    @Transactional
    public List<String> saveEmbedOrigins(OrganisationId id, List<String> origins) {
        List<String> clean = new ArrayList<>();
        for (String origin : origins) {
            String value = origin.strip().toLowerCase(Locale.ROOT).replaceFirst("/$", "");
            if (value.isEmpty()) {
                continue;
            }
            if (!ORIGIN.matcher(value).matches() || URI.create(value).getHost() == null) {
                throw new OrganisationSettingsException("organisation.error.origin", origin.strip());
            }
            if (!clean.contains(value)) {
                clean.add(value);
            }
        }
        repository.updateEmbedOrigins(id, clean);
        log.info("organisation {} allows framing from {} origins", id, clean.size());
        return List.copyOf(clean);
    }

    @Transactional
    public void saveTimeZone(OrganisationId id, String zone) {
        try {
            repository.updateTimeZone(id, ZoneId.of(zone.strip()));
        } catch (RuntimeException e) {
            throw new OrganisationSettingsException("organisation.error.time-zone", zone);
        }
    }

    private static String requireName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new OrganisationSettingsException("organisation.error.name", MAX_NAME);
        }
        return clean;
    }

    private static String checkedColour(String colour, String contrastKey) {
        if (colour == null || colour.isBlank()) {
            return null;
        }
        String hex = Colours.normalise(colour)
                .orElseThrow(() -> new OrganisationSettingsException("organisation.error.colour", colour.strip()));
        double ratio = Colours.contrast(hex, "#ffffff");
        if (ratio < Colours.MINIMUM_CONTRAST) {
            throw new OrganisationSettingsException(contrastKey, hex,
                    String.format(Locale.ROOT, "%.1f", Math.floor(ratio * 10) / 10));
        }
        return hex;
    }

    private static String welcome(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.length() > MAX_WELCOME) {
            throw new OrganisationSettingsException("organisation.error.welcome", MAX_WELCOME);
        }
        return clean.isEmpty() ? null : clean;
    }
}
