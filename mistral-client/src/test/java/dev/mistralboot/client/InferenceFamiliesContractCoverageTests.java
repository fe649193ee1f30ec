package dev.mistralboot.client;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.mistralboot.contract.ContractCoverage;
import dev.mistralboot.contract.OpenApiContract;
import dev.mistralboot.contract.Operation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails when an operation of the FIM, agents, embeddings, classifiers or OCR tags was not called by
 * any WireMock test of this module (coverage is recorded by {@code WireMockContract}). Runs after
 * every other test class (see {@code junit-platform.properties}).
 */
@Order(Integer.MAX_VALUE)
class InferenceFamiliesContractCoverageTests {

	/** The API description tags whose every operation this module's tests must call. */
	static final List<String> TAGS = List.of("fim", "agents", "embeddings", "classifiers", "ocr");

	@Test
	void everyOperationOfTheInferenceFamiliesIsExercised() {
		List<Operation> operations = new ArrayList<>();
		for (String tag : TAGS) {
			List<Operation> tagged = OpenApiContract.get().operations(tag);
			assertThat(tagged).as("operations tagged %s", tag).isNotEmpty();
			operations.addAll(tagged);
		}
		assertThat(operations).hasSize(8);
		ContractCoverage.assertCovered(operations, ContractCoverage.readAll(ContractCoverage.defaultDirectory()));
	}

}
