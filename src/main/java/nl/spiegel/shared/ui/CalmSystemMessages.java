package nl.spiegel.shared.ui;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import nl.spiegel.shared.LogSafe;
import nl.spiegel.shared.database.DatabaseAway;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * Vaadin's own messages for when the screen and the server lost track of each other, in the person's language and in
 * Spiegel's calm words instead of Vaadin's English defaults ("Synchronization Error", "Internal error", "Session
 * Expired"). A screen that is out of step with the server (a message lost or sent twice on the way, a stale tab after
 * a restart) reloads by itself without a message: everything sent was stored before it was shown, so the reload shows
 * it again. An unexpected error says that what was saved stays saved and names the crisis line, never a code.
 *
 * <p>A button whose action fails (most often because the database is away: starting a dialogue, a choice in the
 * safety panel, a mood, a settings form) used to change nothing on the screen, without a word: Vaadin's default
 * handler only logs. Now the person gets a calm notification in their language, that what was saved stays saved and
 * to try again in a moment; the screen stays as it was, so trying again is one tap.
 */
@Component
class CalmSystemMessages implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(CalmSystemMessages.class);

    private final SpiegelI18NProvider i18n;
    private final DefaultErrorHandler defaults = new DefaultErrorHandler();

    CalmSystemMessages(SpiegelI18NProvider i18n) {
        this.i18n = i18n;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> messages(info.getLocale()));
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::error));
    }

    /** A listener of the screen failed: logged as before, and the person is told calmly instead of nothing. */
    void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        boolean databaseAway = DatabaseAway.is(failure);
        if (databaseAway) {
            log.warn("action not completed, database away: {}", LogSafe.describe(failure));
        } else {
            defaults.error(event);
        }
        UI ui = UI.getCurrent();
        if (ui != null && ui.isAttached()) {
            Notification.show(ui.getTranslation(databaseAway ? "storage-away.text" : "system.action-failed.text"),
                    8000, Notification.Position.MIDDLE);
        }
    }

    CustomizedSystemMessages messages(Locale locale) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        // out of step or expired: reload quietly, the stored conversation comes back as it was
        messages.setSyncErrorNotificationEnabled(false);
        messages.setSessionExpiredNotificationEnabled(false);
        messages.setSyncErrorCaption(i18n.getTranslation("system.reload.title", locale));
        messages.setSyncErrorMessage(i18n.getTranslation("system.reload.text", locale));
        messages.setSessionExpiredCaption(i18n.getTranslation("system.reload.title", locale));
        messages.setSessionExpiredMessage(i18n.getTranslation("system.reload.text", locale));
        messages.setInternalErrorCaption(i18n.getTranslation("system.error.title", locale));
        messages.setInternalErrorMessage(i18n.getTranslation("system.error.text", locale));
        messages.setCookiesDisabledCaption(i18n.getTranslation("system.cookies.title", locale));
        messages.setCookiesDisabledMessage(i18n.getTranslation("system.cookies.text", locale));
        return messages;
    }
}
