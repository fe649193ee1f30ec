package dev.mistralboot.autoconfigure.embeddings;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Lazy;

/**
 * Embeddings client settings ({@code mistral.embeddings.*}): the default model, and how
 * {@code embedAll} splits many inputs into requests and runs them.
 */
@ConfigurationProperties("mistral.embeddings")
@Lazy
public class MistralEmbeddingsProperties {

	/**
	 * Whether to create the embeddings client beans.
	 */
	private boolean enabled = true;

	/**
	 * Model used when a request names none, such as mistral-embed or codestral-embed.
	 */
	private @Nullable String model = "mistral-embed";

	/**
	 * Most inputs embedAll sends in one request.
	 */
	private int batchSize = 128;

	/**
	 * Most requests embedAll has in flight at once.
	 */
	private int concurrency = 4;

	/**
	 * Most characters of input embedAll sends in one request, a rough guard against the
	 * per-request token limit (no limit when unset; a longer input goes alone).
	 */
	private @Nullable Integer maxBatchCharacters;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getModel() {
		return this.model;
	}

	public void setModel(@Nullable String model) {
		this.model = model;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	public @Nullable Integer getMaxBatchCharacters() {
		return this.maxBatchCharacters;
	}

	public void setMaxBatchCharacters(@Nullable Integer maxBatchCharacters) {
		this.maxBatchCharacters = maxBatchCharacters;
	}

}
