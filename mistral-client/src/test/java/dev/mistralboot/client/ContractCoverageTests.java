package dev.mistralboot.client;

import java.util.ArrayList;
import java.util.List;

import dev.mistralboot.contract.ContractCoverage;
import dev.mistralboot.contract.OpenApiContract;
import dev.mistralboot.contract.Operation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class of the module ({@code junit-platform.properties}
 * orders classes by {@link Order}) and fails when an operation of the covered tags was
 * not exercised by a request that conforms to the API description, so that the claim
 * "every operation has a tested client method" cannot drift when the description gains
 * operations.
 */
@Order(Integer.MAX_VALUE)
class ContractCoverageTests {

	/** The tags whose every operation must have a client method exercised by a test. */
	static final List<String> TAGS = List.of("chat", "fim", "agents", "beta.agents", "embeddings", "classifiers", "ocr",
			"models", "files", "batch", "fine-tuning", "beta.libraries", "beta.libraries.documents",
			"beta.libraries.accesses",
			// conversations
			"beta.conversations",
			// audio
			"audio.transcriptions", "audio.speech", "audio.voices");

	@Test
	void everyOperationOfTheCoveredTagsIsExercised() {
		OpenApiContract contract = OpenApiContract.get();
		List<Operation> wanted = new ArrayList<>();
		for (String tag : TAGS) {
			List<Operation> operations = contract.operations(tag);
			assertThat(operations).as("operations tagged " + tag).isNotEmpty();
			wanted.addAll(operations);
		}
		ContractCoverage.assertCovered(wanted, ContractCoverage.covered());
		assertThat(wanted.stream().distinct()).as("the covered tags hold every operation of the contract")
			.containsExactlyInAnyOrderElementsOf(contract.operations());
		int all = contract.operations().size();
		long streamed = contract.operations().stream().filter(Operation::streaming).count();
		System.out.println("Contract coverage: " + all + "/" + all + " operations (" + streamed
				+ " of them streamed variants) exercised by a conforming request");
	}

}
