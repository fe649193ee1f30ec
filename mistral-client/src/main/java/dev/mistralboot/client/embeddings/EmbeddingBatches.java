package dev.mistralboot.client.embeddings;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Splits inputs into consecutive batches under an input count and, optionally, a
 * character budget.
 */
final class EmbeddingBatches {

	private EmbeddingBatches() {
	}

	/**
	 * Splits the inputs in order.
	 * @param inputs the inputs
	 * @param batchSize the most inputs per batch
	 * @param maxCharacters the most characters per batch, or {@code null}; an input
	 * longer than this forms a batch of its own
	 * @return the batches, views of {@code inputs}
	 */
	static List<List<String>> split(List<String> inputs, int batchSize, @Nullable Integer maxCharacters) {
		List<List<String>> batches = new ArrayList<>();
		int start = 0;
		long characters = 0;
		for (int i = 0; i < inputs.size(); i++) {
			int length = inputs.get(i).length();
			int count = i - start;
			boolean full = count == batchSize
					|| (maxCharacters != null && count > 0 && characters + length > maxCharacters);
			if (full) {
				batches.add(inputs.subList(start, i));
				start = i;
				characters = 0;
			}
			characters += length;
		}
		if (start < inputs.size()) {
			batches.add(inputs.subList(start, inputs.size()));
		}
		return batches;
	}

}
