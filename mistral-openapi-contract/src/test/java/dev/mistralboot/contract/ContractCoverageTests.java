package dev.mistralboot.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractCoverageTests {

	@Test
	void recordsInMemoryAndAppendsEachIdOnceToThisJvmsFile() throws Exception {
		ContractCoverage.record("coverage_test_operation");
		ContractCoverage.record("coverage_test_operation");
		assertThat(ContractCoverage.covered()).contains("coverage_test_operation");

		Path file = ContractCoverage.jvmFile();
		assertThat(file.getParent()).isEqualTo(ContractCoverage.defaultDirectory());
		assertThat(file.getFileName().toString()).startsWith("mistral-openapi-contract-").endsWith(".txt");
		assertThat(Files.readAllLines(file)).containsOnlyOnce("coverage_test_operation");
		assertThat(ContractCoverage.readAll(ContractCoverage.defaultDirectory())).contains("coverage_test_operation");
	}

	@Test
	void conformingRequestsAreRecordedAndNonConformingOnesAreNot() {
		OpenApiContract contract = OpenApiContract.get();
		assertThat(contract.validateRequest("GET", "/v1/models/mistral-small-latest")).isEmpty();
		assertThat(contract.validateRequest("DELETE", "/v1/models/ft:x?bogus=1")).isNotEmpty();
		assertThat(ContractCoverage.covered()).contains("retrieve_model_v1_models__model_id__get");
		assertThat(ContractCoverage.readAll(ContractCoverage.defaultDirectory()))
			.contains("retrieve_model_v1_models__model_id__get");
	}

	@Test
	void readAllUnionsEveryFileAndIgnoresBlankAndCommentLines(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("a-1-1.txt"), "op_a\nop_b\n\n");
		Files.writeString(dir.resolve("b-2-2.txt"), "# comment\nop_b\nop_c\n");
		Files.writeString(dir.resolve("ignored.log"), "op_z\n");
		assertThat(ContractCoverage.readAll(dir)).containsExactly("op_a", "op_b", "op_c");
		assertThat(ContractCoverage.readAll(dir.resolve("absent"))).isEmpty();
	}

	@Test
	void assertCoveredListsEveryMissingOperation() {
		List<Operation> wanted = List.of(new Operation("get", "/v1/files", "files_list", List.of("files"), false),
				new Operation("POST", "/v1/files", "files_upload", List.of("files"), false),
				new Operation("DELETE", "/v1/files/{file_id}", "files_delete", List.of("files"), false));
		ContractCoverage.assertCovered(wanted, Set.of("files_list", "files_upload", "files_delete", "other"));
		assertThat(ContractCoverage.uncovered(wanted, Set.of("files_list"))).extracting(Operation::operationId)
			.containsExactly("files_upload", "files_delete");
		assertThatThrownBy(() -> ContractCoverage.assertCovered(wanted, Set.of("files_list")))
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("2 of 3 operations were not exercised")
			.hasMessageContaining("  - POST /v1/files files_upload")
			.hasMessageContaining("  - DELETE /v1/files/{file_id} files_delete")
			.satisfies((e) -> assertThat(e.getMessage()).doesNotContain("GET /v1/files files_list"));
	}

}
