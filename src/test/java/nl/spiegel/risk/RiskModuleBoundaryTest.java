package nl.spiegel.risk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class RiskModuleBoundaryTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.spiegel.risk");

    @Test
    void riskDetectorIsPlainJava() {
        noClasses().that().resideInAPackage("nl.spiegel.risk..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..",
                        "java.sql..", "javax.sql..", "jakarta.persistence..", "org.slf4j..")
                .because("the detector runs inside transactions and tests without a container, and must never log user text")
                .check(classes);
    }
}
