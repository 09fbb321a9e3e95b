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
        // the Documenter lists relations in no fixed order; sorted, an unchanged structure gives unchanged files
        try (var files = Files.list(Path.of("docs/modules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(file, sortedRelations(Files.readAllLines(file)));
            }
        }
        Path overview = Path.of("docs/modules/components.puml");
        assertThat(overview).exists();
        String diagram = Files.readString(overview);
        // the overview draws the top-level modules; a nested module (a feature's ui) gets its own diagram
        modules.forEach(module -> {
            if (modules.getParentOf(module).isEmpty()) {
                assertThat(diagram).contains(module.getDisplayName());
            } else {
                assertThat(Path.of("docs/modules/module-" + module.getIdentifier() + ".puml")).exists();
            }
        });
    }

    /** The lines with every run of consecutive {@code Rel(...)} lines sorted. */
    static java.util.List<String> sortedRelations(java.util.List<String> lines) {
        java.util.List<String> out = new java.util.ArrayList<>(lines.size());
        java.util.List<String> run = new java.util.ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                run.add(line);
                continue;
            }
            run.sort(null);
            out.addAll(run);
            run.clear();
            out.add(line);
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }
}
