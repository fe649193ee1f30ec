package dev.mistralboot.test;

import dev.mistralboot.contract.OpenApiContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build packages the OpenAPI description into the jar, so that users' tests validate
 * requests without having the file. Skipped when the description is absent from the build
 * machine, failed under {@code CI=true}.
 */
class PackagedContractTests {

	@Test
	void descriptionIsPackagedAndUsedByDefault() {
		OpenApiContract source = OpenApiContract.get();

		assertThat(MockContract.fromClasspath(getClass().getClassLoader()))
			.hasValueSatisfying((packaged) -> assertThat(packaged.operations()).hasSameSizeAs(source.operations()));
		assertThat(MockContract.get()).isPresent();
		try (MockMistral mock = MockMistral.start()) {
			assertThat(mock.validatesRequests()).isTrue();
			assertThat(mock.toString()).contains("validatesRequests=true").contains(mock.baseUrl());
		}
	}

	@Test
	void absentDescriptionTurnsValidationOffButKeepsAnswering() {
		assertThat(MockContract.fromClasspath(new ClassLoader(null) {
		})).isEmpty();
		try (MockMistral mock = MockMistral.start(null)) {
			assertThat(mock.validatesRequests()).isFalse();
		}
	}

}
