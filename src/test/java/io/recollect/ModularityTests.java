package io.recollect;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries true and writes the module diagram for docs/. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RecollectApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicFaces() {
        modules.verify();
    }

    @Test
    void writesModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
