package nl.spiegel.shared.ui;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * Vaadin's own messages for when the screen and the server lost track of each other, in the person's language and in
 * Spiegel's calm words instead of Vaadin's English defaults ("Synchronization Error", "Internal error", "Session
 * Expired"). A screen that is out of step with the server (a message lost or sent twice on the way, a stale tab after
 * a restart) reloads by itself without a message: everything sent was stored before it was shown, so the reload shows
 * it again. An unexpected error says that what was saved stays saved and names the crisis line, never a code.
 */
@Component
class CalmSystemMessages implements VaadinServiceInitListener {

    private final SpiegelI18NProvider i18n;

    CalmSystemMessages(SpiegelI18NProvider i18n) {
        this.i18n = i18n;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> messages(info.getLocale()));
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
