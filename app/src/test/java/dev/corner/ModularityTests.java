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
    void writesModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
