package dev.mistralboot.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiContractLoadingTests {

	@Test
	void loadOfAMissingPathIsEmpty(@TempDir Path dir) {
		assertThat(OpenApiContract.load(dir.resolve("nothing.yaml"))).isEmpty();
		assertThat(OpenApiContract.load(dir)).isEmpty();
	}

	@Test
	void missingFileSkipsOutsideCiAndFailsInCi() {
		String where = "no file at /x/mistral-api.yaml";
		assertThat(OpenApiContract.whenMissing(null, where)).isInstanceOf(TestAbortedException.class)
			.hasMessageContaining("/x/mistral-api.yaml")
			.hasMessageContaining("mistral.openapi.path")
			.hasMessageContaining("Skipping");
		assertThat(OpenApiContract.whenMissing("false", where)).isInstanceOf(TestAbortedException.class);
		assertThat(OpenApiContract.whenMissing("", where)).isInstanceOf(TestAbortedException.class);
		for (String ci : List.of("true", "TRUE", " true ")) {
			assertThat(OpenApiContract.whenMissing(ci, where)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("/x/mistral-api.yaml")
				.hasMessageContaining("mistral.openapi.path")
				.hasMessageContaining("CI=true");
		}
	}

	@Test
	void availableSkipsOnlyTheCheckOutsideCiAndFailsInCi() {
		String where = "no file at /x/mistral-api.yaml";
		assertThat(OpenApiContract.available(() -> {
			throw OpenApiContract.whenMissing(null, where);
		})).isEmpty();
		List<String> ran = new ArrayList<>();
		OpenApiContract.available(() -> {
			throw OpenApiContract.whenMissing(null, where);
		}).ifPresent((contract) -> ran.add("check"));
		assertThat(ran).isEmpty();
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> OpenApiContract.available(() -> {
				throw OpenApiContract.whenMissing("true", where);
			}))
			.withMessageContaining("CI=true");
		assertThat(OpenApiContract.available(OpenApiContract::get)).contains(OpenApiContract.get());
	}

	@Test
	void locateUsesThePropertyElseSearchesUpward(@TempDir Path dir) throws Exception {
		Path explicit = dir.resolve("somewhere/spec.yaml");
		assertThat(OpenApiContract.locate(explicit.toString(), dir)).isEqualTo(explicit);

		Path repo = Files.createDirectories(dir.resolve("repo/module/sub"));
		Path spec = Files.createDirectories(dir.resolve("shared/openapi")).resolve("mistral-api.yaml");
		Files.writeString(spec, "openapi: 3.1.0\n");
		assertThat(OpenApiContract.locate(null, repo)).isEqualTo(spec);
		assertThat(OpenApiContract.locate("  ", repo)).isEqualTo(spec);
		assertThat(
				OpenApiContract.locate("${maven.multiModuleProjectDirectory}/../shared/openapi/mistral-api.yaml", repo))
			.as("an unresolved Maven placeholder counts as unset")
			.isEqualTo(spec);

		Path elsewhere = Files.createDirectories(dir.resolve("other"));
		Files.delete(spec);
		// nothing left inside the temporary folder: the (missing) candidate next to the
		// start, unless a folder above the temporary one holds a description (a checkout
		// in /tmp with its ../shared beside it)
		Path located = OpenApiContract.locate(null, elsewhere);
		assertThat(located).satisfiesAnyOf(
				(path) -> assertThat(path).isEqualTo(dir.resolve("shared/openapi/mistral-api.yaml")),
				(path) -> assertThat(path).isRegularFile().matches((found) -> !found.startsWith(dir)));
	}

	@Test
	void notAnOpenApiFileIsRejected(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("x.yaml"), "hello: world\n");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenApiContract.load(file))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not an OpenAPI description");
	}

	@Test
	void theSharedInstanceIsLoadedOnceEvenUnderConcurrency() throws Exception {
		OpenApiContract shared = OpenApiContract.get(); // skips here, not inside the
														// pool, when the file is absent
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<OpenApiContract>> futures = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				futures.add(pool.submit((Callable<OpenApiContract>) OpenApiContract::get));
			}
			for (Future<OpenApiContract> future : futures) {
				assertThat(future.get()).isSameAs(shared);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void operationsMirrorTheFile() {
		OpenApiContract contract = OpenApiContract.get();
		assertThat(contract.operations()).hasSize(83);
		assertThat(contract.operations()).extracting(Operation::operationId).doesNotHaveDuplicates();
		assertThat(contract.operations()).filteredOn(Operation::streaming)
			.extracting(Operation::path)
			.containsExactlyInAnyOrder("/v1/conversations#stream", "/v1/conversations/{conversation_id}#stream",
					"/v1/conversations/{conversation_id}/restart#stream", "/v1/audio/transcriptions#stream");
		assertThat(contract.operations("files")).hasSize(6);
		assertThat(contract.operations("beta.libraries.documents")).hasSize(11);
		assertThat(contract.operations("no-such-tag")).isEmpty();
		Operation stream = contract.operation("agents_api_v1_conversations_start_stream").orElseThrow();
		assertThat(stream.method()).isEqualTo("POST");
		assertThat(stream.httpPath()).isEqualTo("/v1/conversations");
		assertThat(stream.tags()).containsExactly("beta.conversations");
		assertThat(stream).hasToString("POST /v1/conversations#stream agents_api_v1_conversations_start_stream");
	}

	@Test
	void sharedFileOperationsMatchOperationsTxt() throws Exception {
		OpenApiContract contract = OpenApiContract.get();
		Path listing = contract.source().resolveSibling("operations.txt");
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(listing),
				"no operations.txt next to the file");
		List<String> expected = Files.readAllLines(listing)
			.stream()
			.filter((line) -> !line.startsWith("##"))
			.map((line) -> line.trim().replaceAll("\\s+", " "))
			.filter((line) -> !line.isEmpty())
			.toList();
		assertThat(contract.operations()).extracting(Operation::toString).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void validationOf200RequestsEndsWellWithinAMinute() {
		OpenApiContract contract = OpenApiContract.get();
		String body = "{\"model\":\"mistral-small-latest\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
				+ "\"temperature\":0.2}";
		long start = System.nanoTime();
		for (int i = 0; i < 200; i++) {
			assertThat(contract.validateRequest("POST", "/v1/chat/completions", "application/json", body)).isEmpty();
		}
		// A generous bound only, never a speed margin (200 validations take well under a
		// second): it catches a validator gone pathologically slow, not a few
		// milliseconds more.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
	}

}
