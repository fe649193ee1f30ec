package dev.mistralboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a library on the class path that is too old for the Mistral clients, and how
 * to pin the right version.
 */
class MistralDependencyVersionFailureAnalyzer extends AbstractFailureAnalyzer<MistralDependencyVersionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MistralDependencyVersionException cause) {
		String[] coordinates = cause.getLibrary().split(":", 2);
		return new FailureAnalysis(
				"The Mistral clients need " + cause.getLibrary() + " " + cause.getRequiredVersion()
						+ " or later, but version " + cause.getFoundVersion() + " is on the class path, loaded from "
						+ cause.getLocation() + ". Another dependency (Spring AI's modules depend on older "
						+ "versions of victools jsonschema-generator) brought it, and the build picked it.",
				"Declare the version the Mistral clients need in your build's dependency management. Maven:\n\n"
						+ "    <dependencyManagement><dependencies>\n" + "      <dependency>\n" + "        <groupId>"
						+ coordinates[0] + "</groupId>\n" + "        <artifactId>" + coordinates[1] + "</artifactId>\n"
						+ "        <version>" + cause.getRequiredVersion() + "</version>\n" + "      </dependency>\n"
						+ "    </dependencies></dependencyManagement>\n\n"
						+ "(with the same version for com.github.victools:jsonschema-module-jackson). Gradle: "
						+ "implementation(platform(...)) or a constraint: implementation(\"" + cause.getLibrary() + ":"
						+ cause.getRequiredVersion() + "\"). Check the result with "
						+ "'mvn dependency:tree -Dincludes=com.github.victools'.",
				cause);
	}

}
