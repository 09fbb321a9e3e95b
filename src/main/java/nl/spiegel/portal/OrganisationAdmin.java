package nl.spiegel.portal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.escalation.CrisisContacts;
import nl.spiegel.escalation.ScheduledContact;
import nl.spiegel.identity.AccountService;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationDirectory;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.organisation.OrganisationSettingsException;
import nl.spiegel.organisation.SingleSignOn;
import nl.spiegel.organisation.SsoChange;
import nl.spiegel.organisation.SsoSettings;

/**
 * Changing an organisation, with the access check: a platform admin creates organisations and may change any of
 * them; an organisation admin changes their own organisation only; nobody else anything. The caller is looked up by
 * user id in the staff directory, never taken from what a screen says.
 */
@Service
public class OrganisationAdmin {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffDirectory staff;
    private final OrganisationDirectory organisations;
    private final CrisisContacts crisisContacts;
    private final AccountService accounts;
    private final SingleSignOn singleSignOn;

    OrganisationAdmin(StaffDirectory staff, OrganisationDirectory organisations, CrisisContacts crisisContacts,
                      AccountService accounts, SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
        this.staff = staff;
        this.accounts = accounts;
        this.organisations = organisations;
        this.crisisContacts = crisisContacts;
    }

    /** The organisations the caller administers: all for a platform admin, their own for an organisation admin. */
    @Transactional(readOnly = true)
    public List<Organisation> administered(UserId actor) {
        StaffMember admin = admin(actor);
        return admin.role() == Role.PLATFORM_ADMIN ? organisations.all()
                : organisations.find(admin.organisationId()).stream().toList();
    }

    @Transactional(readOnly = true)
    public Organisation organisation(UserId actor, OrganisationId organisation) {
        check(actor, organisation);
        return organisations.find(organisation).orElseThrow(() -> new AccessDeniedException("no such organisation"));
    }

    @Transactional
    public Organisation create(UserId actor, String name, String slug) {
        if (admin(actor).role() != Role.PLATFORM_ADMIN) {
            throw new AccessDeniedException("only platform admins create organisations");
        }
        return organisations.create(name, slug);
    }

    @Transactional
    public Organisation saveBranding(UserId actor, OrganisationId organisation, String name, String primaryColour,
                                     String accentColour, String welcomeNl, String welcomeEn) {
        check(actor, organisation);
        return organisations.saveBranding(organisation, name, primaryColour, accentColour, welcomeNl, welcomeEn);
    }

    @Transactional
    public void saveLogo(UserId actor, OrganisationId organisation, byte[] bytes) {
        check(actor, organisation);
        organisations.saveLogo(organisation, bytes);
    }

    @Transactional
    public void saveOfferedDialogues(UserId actor, OrganisationId organisation, List<String> scriptIds) {
        check(actor, organisation);
        organisations.saveOfferedDialogues(organisation, scriptIds);
    }

    @Transactional
    public List<String> saveEmbedOrigins(UserId actor, OrganisationId organisation, List<String> origins) {
        check(actor, organisation);
        return organisations.saveEmbedOrigins(organisation, origins);
    }

    @Transactional(readOnly = true)
    public List<ScheduledContact> crisisContacts(UserId actor, OrganisationId organisation) {
        check(actor, organisation);
        return crisisContacts.schedule(organisation);
    }

    @Transactional
    public void saveCrisisContacts(UserId actor, OrganisationId organisation, Locale language,
                                   List<ScheduledContact> contacts) {
        check(actor, organisation);
        crisisContacts.replace(organisation, language, contacts);
    }

    /** The organisation's therapists, each with whether it is deactivated. */
    @Transactional(readOnly = true)
    public List<Map.Entry<StaffMember, Boolean>> therapists(UserId actor, OrganisationId organisation) {
        check(actor, organisation);
        return staff.therapists(organisation);
    }

    /**
     * Invites a therapist by e-mail: the account is made with a random password nobody knows, and the address gets a
     * link to choose one (the password reset mail); the authenticator app is set up at the first login.
     */
    @Transactional
    public StaffMember inviteTherapist(UserId actor, OrganisationId organisation, String email, String name,
                                       Locale locale) {
        return invite(actor, organisation, email, name, locale, Role.THERAPIST);
    }

    /**
     * Invites someone who writes the organisation's own dialogues (CONTENT_EDITOR), as a therapist is invited: they
     * can write, preview and publish dialogues, and see nothing about people.
     */
    @Transactional
    public StaffMember inviteContentEditor(UserId actor, OrganisationId organisation, String email, String name,
                                           Locale locale) {
        return invite(actor, organisation, email, name, locale, Role.CONTENT_EDITOR);
    }

    private StaffMember invite(UserId actor, OrganisationId organisation, String email, String name, Locale locale,
                               Role role) {
        check(actor, organisation);
        String address = email == null ? "" : email.strip();
        if (!address.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || address.length() > 254) {
            throw new OrganisationSettingsException("organisation.error.email");
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new OrganisationSettingsException("organisation.error.therapist-name");
        }
        StaffMember member;
        try {
            member = staff.create(address, randomPassword(), name, role, organisation);
        } catch (DuplicateKeyException taken) {
            throw new OrganisationSettingsException("organisation.error.email-taken");
        }
        accounts.requestPasswordReset(address, locale);
        return member;
    }

    /**
     * Deactivates one of the organisation's therapists or content editors; one of another organisation is refused.
     */
    @Transactional
    public void deactivateTherapist(UserId actor, OrganisationId organisation, UserId therapist) {
        check(actor, organisation);
        StaffMember member = staff.find(therapist).filter(found -> (found.role() == Role.THERAPIST
                        || found.role() == Role.CONTENT_EDITOR) && found.organisationId().equals(organisation))
                .orElseThrow(() -> new AccessDeniedException("not a therapist of this organisation"));
        staff.deactivate(member.userId());
    }

    /** The organisation's single sign-on settings (never the client secret); empty when not set up. */
    @Transactional(readOnly = true)
    public java.util.Optional<SsoSettings> singleSignOn(UserId actor, OrganisationId organisation) {
        check(actor, organisation);
        return singleSignOn.settings(organisation);
    }

    /**
     * Saves the single sign-on settings after the provider answered discovery; on any problem an
     * {@link OrganisationSettingsException} and nothing saved. Not one transaction: the discovery is a network call.
     */
    public SsoSettings saveSingleSignOn(UserId actor, OrganisationId organisation, SsoChange change) {
        check(actor, organisation);
        return singleSignOn.save(organisation, change);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private StaffMember admin(UserId actor) {
        StaffMember member = staff.find(actor).orElseThrow(() -> new AccessDeniedException("not staff"));
        if (member.role() != Role.ORG_ADMIN && member.role() != Role.PLATFORM_ADMIN) {
            throw new AccessDeniedException("not an administrator");
        }
        return member;
    }

    private void check(UserId actor, OrganisationId organisation) {
        if (!admin(actor).mayAccess(organisation)) {
            throw new AccessDeniedException("another organisation");
        }
    }
}
