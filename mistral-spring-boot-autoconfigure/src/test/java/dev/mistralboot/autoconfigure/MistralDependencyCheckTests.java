package dev.mistralboot.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link MistralDependencyCheck} and
 * {@link MistralDependencyVersionFailureAnalyzer}.
 */
class MistralDependencyCheckTests {

	@Test
	void theBuildsOwnVersionsPass() {
		assertThatNoException().isThrownBy(() -> MistralDependencyCheck.verify(getClass().getClassLoader()));
	}

	@Test
	void aClassLoaderThatPassedIsNotReadAgain() {
		AtomicInteger lookups = new AtomicInteger();
		ClassLoader counting = new ClassLoader(getClass().getClassLoader()) {

			@Override
			public URL getResource(String name) {
				lookups.incrementAndGet();
				return super.getResource(name);
			}

		};
		MistralDependencyCheck.verify(counting);
		assertThat(lookups).hasValue(MistralDependencyCheck.REQUIREMENTS.size());
		MistralDependencyCheck.verify(counting);
		assertThat(lookups).hasValue(MistralDependencyCheck.REQUIREMENTS.size());
	}

	@Test
	void versionsCompareByNumbers() {
		assertThat(MistralDependencyCheck.compare("4.38.0", "5.0.0")).isNegative();
		assertThat(MistralDependencyCheck.compare("5.0.0", "5.0.0")).isZero();
		assertThat(MistralDependencyCheck.compare("5.0.1-SNAPSHOT", "5.0.0")).isPositive();
		assertThat(MistralDependencyCheck.compare("5.1", "5.0.0")).isPositive();
		assertThat(MistralDependencyCheck.compare("10.0.0", "5.0.0")).isPositive();
	}

	@Test
	void anOldVictoolsOnTheClassPathFailsWithLibraryVersionsAndFix(@TempDir Path dir) throws IOException {
		Path properties = dir.resolve("META-INF/maven/com.github.victools/jsonschema-generator/pom.properties");
		Files.createDirectories(properties.getParent());
		Files.writeString(properties, "groupId=com.github.victools\nartifactId=jsonschema-generator\nversion=4.38.0\n");
		ClassLoader old = new ClassLoader(null) {

			@Override
			protected URL findResource(String name) {
				Path file = dir.resolve(name);
				try {
					return Files.exists(file) ? file.toUri().toURL() : null;
				}
				catch (IOException ex) {
					return null;
				}
			}

			@Override
			protected Enumeration<URL> findResources(String name) {
				URL url = findResource(name);
				return (url != null) ? Collections.enumeration(java.util.List.of(url)) : Collections.emptyEnumeration();
			}

		};
		assertThatThrownBy(() -> MistralDependencyCheck.verify(old)).as("a failure is not remembered as a pass")
			.isInstanceOf(MistralDependencyVersionException.class);
		assertThatThrownBy(() -> MistralDependencyCheck.verify(old))
			.isInstanceOfSatisfying(MistralDependencyVersionException.class, (ex) -> {
				assertThat(ex.getLibrary()).isEqualTo("com.github.victools:jsonschema-generator");
				assertThat(ex.getFoundVersion()).isEqualTo("4.38.0");
				assertThat(ex.getRequiredVersion()).isEqualTo("5.0.0");
				FailureAnalysis analysis = new MistralDependencyVersionFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription()).contains("com.github.victools:jsonschema-generator")
					.contains("4.38.0")
					.contains("5.0.0")
					.contains(dir.getFileName().toString());
				assertThat(analysis.getAction()).contains("<artifactId>jsonschema-generator</artifactId>")
					.contains("<version>5.0.0</version>")
					.contains("dependencyManagement");
			});
	}

}
