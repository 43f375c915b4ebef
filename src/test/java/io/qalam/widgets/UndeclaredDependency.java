package io.qalam.widgets;

import io.qalam.content.Sections;

/**
 * A deliberate breach of the module boundaries, seen only by
 * {@code ModularityTests.anUndeclaredDependencyFailsTheBuild}: {@code widgets} does not
 * declare {@code content} among its allowed dependencies.
 */
final class UndeclaredDependency {

	private UndeclaredDependency() {
	}

	static Class<?> reachesInto() {
		return Sections.class;
	}

}
