package dev.mistralboot.client.embeddings;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingBatchesTests {

	@Test
	void splitsByCount() {
		assertThat(EmbeddingBatches.split(List.of("a", "b", "c", "d", "e"), 2, null)).containsExactly(List.of("a", "b"),
				List.of("c", "d"), List.of("e"));
	}

	@Test
	void splitsByCharactersAndKeepsALongInputAlone() {
		assertThat(EmbeddingBatches.split(List.of("aaaa", "bbbb", "cc", "dddddddddddd", "e"), 10, 8))
			.containsExactly(List.of("aaaa", "bbbb"), List.of("cc"), List.of("dddddddddddd"), List.of("e"));
	}

	@Test
	void oneBatchWhenEverythingFits() {
		assertThat(EmbeddingBatches.split(List.of("a", "b"), 128, 1000)).containsExactly(List.of("a", "b"));
	}

}
