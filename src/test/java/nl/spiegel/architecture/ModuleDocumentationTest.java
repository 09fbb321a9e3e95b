package nl.spiegel.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import nl.spiegel.SpiegelApplication;

/**
 * Draws the module diagram from the code (Spring Modulith's Documenter) into docs/modules, so the picture of the
 * modules and their dependencies cannot drift from what the code does.
 */
class ModuleDocumentationTest {

    @Test
    void writesTheModuleDiagrams() throws Exception {
        ApplicationModules modules = ApplicationModules.of(SpiegelApplication.class);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Path overview = Path.of("docs/modules/components.puml");
        assertThat(overview).exists();
        String diagram = Files.readString(overview);
        modules.forEach(module -> assertThat(diagram).contains(module.getDisplayName()));
    }
}
