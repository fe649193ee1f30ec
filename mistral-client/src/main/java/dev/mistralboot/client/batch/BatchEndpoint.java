package dev.mistralboot.client.batch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The API endpoint every request of a batch job goes to ({@code ApiEndpoint}). Values
 * this library does not know yet are read as {@link #UNKNOWN}.
 */
public enum BatchEndpoint {

	/** Chat completions. */
	CHAT_COMPLETIONS("/v1/chat/completions"),
	/** Embeddings. */
	EMBEDDINGS("/v1/embeddings"),
	/** Fill-in-the-middle completions. */
	FIM_COMPLETIONS("/v1/fim/completions"),
	/** Moderation of text. */
	MODERATIONS("/v1/moderations"),
	/** Moderation of conversations. */
	CHAT_MODERATIONS("/v1/chat/moderations"),
	/** Document OCR. */
	OCR("/v1/ocr"),
	/** Classification of text. */
	CLASSIFICATIONS("/v1/classifications"),
	/** Classification of conversations. */
	CHAT_CLASSIFICATIONS("/v1/chat/classifications"),
	/** Conversations (agents). */
	CONVERSATIONS("/v1/conversations"),
	/** Audio transcriptions. */
	AUDIO_TRANSCRIPTIONS("/v1/audio/transcriptions"),
	/** A value this library does not know yet (never send it). */
	UNKNOWN("unknown");

	private final String value;

	BatchEndpoint(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return the value
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Reads a wire value.
	 * @param value the value
	 * @return the constant, {@link #UNKNOWN} for values not known here
	 */
	@JsonCreator
	public static BatchEndpoint of(String value) {
		for (BatchEndpoint candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
