package dev.corner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of DESIGN.md hold, and the module documentation in docs/ is current. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CornerApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void everyModuleOfTheDesignExists() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains(
                        "accounts",
                        "stores",
                        "catalog",
                        "inventory",
                        "payments",
                        "pos",
                        "delivery",
                        "orders",
                        "devices",
                        "notifications",
                        "common");
    }

    @Test
    void domainModelsKnowNothingOfSpringOrSql() {
        var classes = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.corner");
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.corner.orders.model..",
                        "dev.corner.devices.model..",
                        "dev.corner.payments.model..",
                        "dev.corner.pos.model..")
                .and()
                .doNotHaveSimpleName("package-info") // the module's own metadata, not its model
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "tools.jackson..")
                .because("the rich modules keep their business rules free of frameworks and persistence")
                .check(classes);
    }

    @Test
    void writesModuleDocumentation() throws java.io.IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortDiagramStatements(java.nio.file.Path.of("../docs/modules"));
    }

    /**
     * The documenter lists components and relations in hash order, which differs from run to run;
     * sorting each run of such statements (their order means nothing to PlantUML) keeps the committed
     * diagrams stable, so a diff shows only real changes of the module structure.
     */
    static void sortDiagramStatements(java.nio.file.Path folder) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(folder)) {
            for (var file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                var sorted = new java.util.ArrayList<String>();
                var run = new java.util.ArrayList<String>();
                for (var line : java.nio.file.Files.readAllLines(file)) {
                    var statement = line.strip();
                    if (statement.startsWith("Rel(") || statement.startsWith("Component(")) {
                        run.add(line);
                        continue;
                    }
                    run.sort(null);
                    sorted.addAll(run);
                    run.clear();
                    sorted.add(line);
                }
                run.sort(null);
                sorted.addAll(run);
                java.nio.file.Files.write(file, sorted);
            }
        }
    }
}
