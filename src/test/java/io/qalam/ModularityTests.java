package io.qalam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The module boundaries, proven: every module uses only the modules (and named
 * interfaces) its {@code package-info.java} allows, none reaches into another's
 * internals, no cycles. Writes the module diagram that {@code docs/modules} keeps.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(QalamApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void anUndeclaredDependencyFailsTheBuild() {
		// The application's classes plus one test class in widgets that uses content
		ImportOption mainAndBreach = (location) -> !location.contains("/test-classes/")
				|| location.contains("io/qalam/widgets/UndeclaredDependency");
		ApplicationModules withBreach = ApplicationModules.of(QalamApplication.class, mainAndBreach);

		assertThatExceptionOfType(Violations.class).isThrownBy(withBreach::verify)
			.withMessageContaining("UndeclaredDependency")
			.withMessageContaining("io.qalam.content.Sections");
	}

	@Test
	void everyModuleDeclaresItsDependencies() {
		assertThat(this.modules.stream()).allSatisfy((module) -> assertThat(module.getBasePackage()
			.getAnnotation(ApplicationModule.class)
			.map(ApplicationModule::allowedDependencies))
			.as(module.getIdentifier() + " declares its allowed dependencies")
			.isPresent());
	}

	/**
	 * The diagrams in {@code docs/modules} are the Documenter's: when the modules change,
	 * copy {@code target/spring-modulith-docs/*.puml} there. Compared line by line,
	 * because the Documenter writes relations in no fixed order.
	 */
	@Test
	void docsKeepTheDiagramTheDocumenterWrites() throws IOException {
		Path written = Path.of("target", "spring-modulith-docs");
		new Documenter(this.modules, written.toString()).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		Path kept = Path.of("docs", "modules");
		try (Stream<Path> files = Files.list(written)) {
			assertThat(files.map(Path::getFileName).map(Path::toString).sorted()).as("docs/modules holds every diagram")
				.containsExactlyElementsOf(fileNames(kept));
		}
		for (String name : fileNames(kept)) {
			assertThat(sortedLines(kept.resolve(name)))
				.as("docs/modules/" + name + " is the Documenter's; copy " + written.resolve(name) + " there")
				.isEqualTo(sortedLines(written.resolve(name)));
		}
	}

	private static List<String> fileNames(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(Path::getFileName).map(Path::toString).sorted().toList();
		}
	}

	private static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().sorted().toList();
	}

}
