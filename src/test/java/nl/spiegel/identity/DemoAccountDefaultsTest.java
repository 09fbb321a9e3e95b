package nl.spiegel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** Demo accounts are opt-in and the development server only listens on this computer. */
class DemoAccountDefaultsTest {

    @Test
    void demoAccountsAreOffUnlessSwitchedOnAndTheDevProfileSwitchesThemOn() throws IOException {
        assertThat(bind(Map.of()).enabled()).as("plain ./mvnw spring-boot:run").isFalse();
        assertThat(bind(load("application.properties")).enabled()).isFalse();
        assertThat(bind(load("application-dev.properties")).enabled()).isTrue();
        assertThat(bind(load("application-prod.properties")).enabled()).isFalse();
    }

    @Test
    void theServerListensOnlyOnThisComputerUnlessConfigured() throws IOException {
        assertThat(load("application.properties")).containsEntry("server.address", "127.0.0.1");
    }

    private static DemoAccountProperties bind(Map<?, ?> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("spiegel.demo-accounts", DemoAccountProperties.class);
    }

    private static Properties load(String file) throws IOException {
        return PropertiesLoaderUtils.loadProperties(new ClassPathResource(file));
    }
}
