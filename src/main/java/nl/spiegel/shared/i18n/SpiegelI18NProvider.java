package nl.spiegel.shared.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Every text a person sees comes from {@code i18n/messages_nl.properties} or {@code messages_en.properties}. Dutch is
 * the default; English is used when the browser or the person asks for it.
 */
@Component
public class SpiegelI18NProvider implements I18NProvider {

    public static final Locale DUTCH = Locale.of("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(DUTCH, ENGLISH);
    static final String BUNDLE = "i18n.messages";

    private static final Logger log = LoggerFactory.getLogger(SpiegelI18NProvider.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = supported(locale);
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, supported, NO_FALLBACK).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, supported).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation '{}' for {}", key, supported);
            return "!" + key;
        }
    }

    /** The supported locale closest to the one asked for: English for English, Dutch for everything else. */
    public static Locale supported(Locale locale) {
        if (locale != null && ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return ENGLISH;
        }
        return DUTCH;
    }
}
