package nl.spiegel.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class TranslationsTest {

    private final SpiegelI18NProvider provider = new SpiegelI18NProvider();

    @Test
    void dutchAndEnglishHaveExactlyTheSameKeys() throws IOException {
        assertThat(keys("nl")).isEqualTo(keys("en"));
    }

    @Test
    void everyKeyUsedInTheCodeExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("getTranslation\\(\\s*\"([a-z0-9.\\-_]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).endsWith(".")) {
                        // keys built at run time are checked in keysBuiltAtRunTimeExist
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(40);
        assertThat(keys("nl")).containsAll(used);
        assertThat(keys("en")).containsAll(used);
    }

    @Test
    void keysBuiltAtRunTimeExist() throws IOException {
        Set<String> needed = new TreeSet<>();
        for (var reason : nl.spiegel.dialogue.engine.InvalidInputException.Reason.values()) {
            needed.add("chat.error." + reason.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (var status : nl.spiegel.dialogue.DialogueCard.Status.values()) {
            needed.add("status." + status.name().toLowerCase(java.util.Locale.ROOT));
        }
        SpiegelI18NProvider.LOCALES.forEach(locale -> needed.add("language." + locale.getLanguage()));
        assertThat(keys("nl")).containsAll(needed);
        assertThat(keys("en")).containsAll(needed);
    }

    @Test
    void noTranslationIsBlank() throws IOException {
        for (String language : new String[] {"nl", "en"}) {
            Properties properties = load(language);
            for (String key : properties.stringPropertyNames()) {
                assertThat(properties.getProperty(key)).as(language + ": " + key).isNotBlank();
            }
        }
    }

    @Test
    void dutchIsTheDefaultAndEnglishIsUsedWhenAskedFor() {
        assertThat(provider.getTranslation("chat.send", java.util.Locale.of("nl", "NL"))).isEqualTo("Versturen");
        assertThat(provider.getTranslation("chat.send", java.util.Locale.of("de"))).isEqualTo("Versturen");
        assertThat(provider.getTranslation("chat.send", java.util.Locale.UK)).isEqualTo("Send");
        assertThat(provider.getTranslation("chat.answer.count", java.util.Locale.ENGLISH, 12, 500))
                .isEqualTo("12 of 500 characters");
    }

    @Test
    void aMissingKeyIsVisibleInsteadOfCrashing() {
        assertThat(provider.getTranslation("no.such.key", SpiegelI18NProvider.DUTCH)).isEqualTo("!no.such.key");
    }

    private static Set<String> keys(String language) throws IOException {
        return new TreeSet<>(load(language).stringPropertyNames());
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
