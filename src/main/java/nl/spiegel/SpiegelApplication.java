package nl.spiegel;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import nl.spiegel.risk.RiskDetector;
import nl.spiegel.shared.HeadStarts;
import nl.spiegel.shared.database.EmbeddedMariaDb;

@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/spiegel.css")
@Meta(name = "referrer", content = "no-referrer")
public class SpiegelApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SpiegelApplication.class);
        // slow work that needs no other bean starts while the context is built, not when a bean first needs it
        application.addListeners(new HeadStarts()
                .add(EmbeddedMariaDb.class, EmbeddedMariaDb::headStart, EmbeddedMariaDb::close)
                .add(RiskDetector.class, environment -> RiskDetector::loadDefault, detector -> { }));
        application.run(args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Spiegel");
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
    }
}
