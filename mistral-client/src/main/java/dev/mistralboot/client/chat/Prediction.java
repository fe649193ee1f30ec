package dev.mistralboot.client.chat;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Predicted output: text the answer is expected to resemble (speeds up edits of known
 * text).
 *
 * @param content the expected text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Prediction(String content) {

	/**
	 * Validates the prediction.
	 */
	public Prediction {
		Objects.requireNonNull(content, "content");
	}

	/**
	 * The prediction type; always {@code content}.
	 * @return {@code content}
	 */
	@JsonProperty("type")
	public String type() {
		return "content";
	}

}
