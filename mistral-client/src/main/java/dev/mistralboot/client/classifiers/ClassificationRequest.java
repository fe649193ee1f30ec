package dev.mistralboot.client.classifiers;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Texts to moderate or classify ({@code ClassificationRequest} of the API, used by both
 * {@code /v1/moderations} and {@code /v1/classifications}). The input is always sent as
 * an array of strings (the API also accepts a single string); the answer holds one result
 * per text.
 *
 * <pre>{@code
 * ModerationResponse moderation = classifiers.moderate(ClassificationRequest.of("text to check"));
 * }</pre>
 *
 * @param model the model ({@code mistral-moderation-latest}, or a fine-tuned classifier);
 * for moderations, {@code null} means the client's default
 * ({@code mistral.classifiers.moderation-model})
 * @param metadata free metadata attached to the request
 * @param input the texts (required, at least one)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClassificationRequest(@Nullable String model, @Nullable Map<String, Object> metadata,
		List<String> input) {

	/**
	 * Validates the request and copies the input.
	 */
	public ClassificationRequest {
		if (input == null || input.isEmpty()) {
			throw new IllegalArgumentException("A classification request needs at least one input text: use "
					+ "ClassificationRequest.of(\"...\") or new ClassificationRequest(model, null, List.of(\"...\"))");
		}
		for (int i = 0; i < input.size(); i++) {
			if (input.get(i) == null) {
				throw new IllegalArgumentException("input[" + i + "] is null");
			}
		}
		input = List.copyOf(input);
		if (model != null && model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank");
		}
	}

	/**
	 * A request for the client's default model.
	 * @param input the texts
	 * @return the request
	 */
	public static ClassificationRequest of(String... input) {
		return new ClassificationRequest(null, null, Arrays.asList(input));
	}

	/**
	 * A request for a model.
	 * @param model the model
	 * @param input the texts
	 * @return the request
	 */
	public static ClassificationRequest of(String model, List<String> input) {
		return new ClassificationRequest(model, null, input);
	}

	/**
	 * This request with another model.
	 * @param model the model
	 * @return the request
	 */
	public ClassificationRequest withModel(String model) {
		return new ClassificationRequest(model, this.metadata, this.input);
	}

}
