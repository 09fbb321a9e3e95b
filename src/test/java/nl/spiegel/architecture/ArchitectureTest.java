package nl.spiegel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import nl.spiegel.SpiegelApplication;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.spiegel");

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        ApplicationModules.of(SpiegelApplication.class).verify();
    }

    @Test
    void theDialogueEngineIsPureJava() {
        // package-info only names the package as a module interface (for the authoring module); no code uses Spring
        noClasses().that().resideInAPackage("nl.spiegel.dialogue.engine..")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..",
                        "java.sql..", "javax.sql..", "jakarta..", "nl.spiegel.dialogue.internal..",
                        "nl.spiegel.dialogue.ui..", "nl.spiegel.dialogue.content..")
                .because("the engine must stay deterministic and testable without Spring, Vaadin or a database")
                .check(CLASSES);
    }

    @Test
    void theEngineDoesNotReadTheClock() {
        noClasses().that().resideInAPackage("nl.spiegel.dialogue.engine..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("time comes from an injected Clock in the services, never from inside the engine")
                .check(CLASSES);
    }

    @Test
    void viewsNeverTouchPersistence() {
        // the modules' internal packages, not Vaadin's own (com.vaadin.flow.component.internal, used by shared/ui)
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.spiegel..internal..",
                        "org.springframework.jdbc..", "java.sql..")
                .because("views talk to module services only")
                .check(CLASSES);
    }

    @Test
    void moduleApisReturnDataNotComponents() {
        // the boot class is also Vaadin's app shell (theme, stylesheets, push): that is its job
        noClasses().that().resideOutsideOfPackage("..ui..").and().doNotBelongToAnyOf(SpiegelApplication.class)
                .should().dependOnClassesThat().resideInAPackage("com.vaadin.flow.component..")
                .because("a module's API returns data; screens and components live in the ui packages, which may use"
                        + " other modules' APIs")
                .check(CLASSES);
    }

    @Test
    void noLocalDateTimeOutsideTheDatabaseBoundary() {
        noFields().should().haveRawType(java.time.LocalDateTime.class)
                .because("moments are Instants in UTC; only DbTime converts at the JDBC boundary")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("nl.spiegel.shared.database..")
                .should().dependOnClassesThat().areAssignableTo(java.time.LocalDateTime.class)
                .because("moments are Instants in UTC; only DbTime converts at the JDBC boundary")
                .check(CLASSES);
    }

    @Test
    void routesDeclareWhoMayOpenThem() {
        classes().that().areAnnotatedWith(com.vaadin.flow.router.Route.class)
                .should().beAnnotatedWith(com.vaadin.flow.server.auth.AnonymousAllowed.class)
                .orShould().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .orShould().beAnnotatedWith(jakarta.annotation.security.PermitAll.class)
                .because("access is declared where it is enforced")
                .check(CLASSES);
    }
}
