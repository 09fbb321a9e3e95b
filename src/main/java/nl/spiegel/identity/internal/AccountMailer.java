package nl.spiegel.identity.internal;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import nl.spiegel.identity.AccountMailProperties;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * Account e-mails over SMTP ({@code spring.mail.*}). They only ever contain a link or a notice, never anything a
 * person wrote. Sending happens after the transaction committed and off the request thread, so a slow mail server
 * does not hold the screen, and whether a mail went out cannot be timed from outside.
 *
 * <p>Without a configured mail server (development) the link is written to the log instead; in the {@code prod}
 * profile it never is.
 */
@Component
public class AccountMailer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountMailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final AccountMailProperties properties;
    private final SpiegelI18NProvider i18n;
    private final boolean production;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("account-mail").daemon().factory());

    AccountMailer(ObjectProvider<JavaMailSender> mailSender, AccountMailProperties properties,
                  SpiegelI18NProvider i18n, Environment environment) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.i18n = i18n;
        this.production = environment.matchesProfiles("prod");
    }

    public void sendVerification(String to, String link, Locale locale) {
        send(to, locale, i18n.getTranslation("account.mail.verify.subject", locale),
                i18n.getTranslation("account.mail.verify.body", locale, link), link);
    }

    public void sendAlreadyRegistered(String to, String loginLink, String resetLink, Locale locale) {
        send(to, locale, i18n.getTranslation("account.mail.exists.subject", locale),
                i18n.getTranslation("account.mail.exists.body", locale, loginLink, resetLink), null);
    }

    public void sendPasswordReset(String to, String link, Locale locale) {
        send(to, locale, i18n.getTranslation("account.mail.reset.subject", locale),
                i18n.getTranslation("account.mail.reset.body", locale, link), link);
    }

    public void sendPasswordChanged(String to, String resetLink, Locale locale) {
        send(to, locale, i18n.getTranslation("account.mail.changed.subject", locale),
                i18n.getTranslation("account.mail.changed.body", locale, resetLink), null);
    }

    /** A notice from another module (never with anything a person wrote), with the usual footer. */
    public void sendNotice(String to, String subject, String body, Locale locale) {
        send(to, locale, subject, body, null);
    }

    private void send(String to, Locale locale, String subject, String body, String devLink) {
        Runnable job = () -> deliver(to, subject, body + "\n\n" + i18n.getTranslation("account.mail.footer", locale),
                devLink);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    executor.execute(job);
                }
            });
        } else {
            executor.execute(job);
        }
    }

    private void deliver(String to, String subject, String body, String devLink) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            if (!production && devLink != null) {
                log.warn("spring.mail.host is not set: in development the link of the account e-mail is logged "
                        + "instead: {}", devLink);
            } else {
                log.error("spring.mail.host is not set: an account e-mail was not sent");
            }
            return;
        }
        try {
            var message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(new InternetAddress(properties.from()));
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
            log.info("account e-mail sent");
        } catch (MailException | jakarta.mail.MessagingException e) {
            // no address in the log
            log.error("account e-mail could not be sent: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
