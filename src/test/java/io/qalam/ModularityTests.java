package io.qalam;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of DESIGN.md, proven: no module reaches into another's internals,
 * no cycles. Writes the module diagram under {@code target/spring-modulith-docs}; a copy
 * lives in {@code docs/}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(QalamApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesTheModuleDiagram() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
