package nl.spiegel.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.server.CustomizedSystemMessages;

import nl.spiegel.shared.i18n.SpiegelI18NProvider;

class CalmSystemMessagesTest {

    private final CalmSystemMessages messages = new CalmSystemMessages(new SpiegelI18NProvider());

    @Test
    void aScreenOutOfStepReloadsQuietlyAndAnUnexpectedErrorSpeaksThePersonsLanguage() {
        CustomizedSystemMessages dutch = messages.messages(SpiegelI18NProvider.DUTCH);
        assertThat(dutch.isSyncErrorNotificationEnabled()).isFalse();
        assertThat(dutch.isSessionExpiredNotificationEnabled()).isFalse();
        assertThat(dutch.isInternalErrorNotificationEnabled()).isTrue();
        assertThat(dutch.getInternalErrorCaption()).isEqualTo("Er ging iets mis");
        assertThat(dutch.getInternalErrorMessage()).contains("blijft bewaard", "113", "112")
                .doesNotContain("Exception", "500", "error");

        CustomizedSystemMessages english = messages.messages(SpiegelI18NProvider.ENGLISH);
        assertThat(english.getInternalErrorCaption()).isEqualTo("Something went wrong");
        assertThat(english.getInternalErrorMessage()).contains("stays saved");
        // disabled: Vaadin then sends no caption and no message, which makes the browser reload without a word
        assertThat(english.getSyncErrorMessage()).isNull();
        assertThat(messages.messages(null).getCookiesDisabledCaption()).isEqualTo("Cookies staan uit");
    }
}
