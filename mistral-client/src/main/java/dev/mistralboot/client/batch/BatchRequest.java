package dev.mistralboot.client.batch;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One request of a batch job given inline ({@code BatchRequest}), instead of in an input
 * file.
 *
 * @param customId your id for the request, repeated in its result
 * @param body the request body for the job's endpoint (a chat request as a map, or any
 * object Jackson can write, such as a {@code ChatCompletionRequest})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BatchRequest(@Nullable String customId, Object body) {

	/**
	 * Validates the request.
	 */
	public BatchRequest {
		if (body == null) {
			throw new IllegalArgumentException(
					"A batch request needs a body" + ((customId != null) ? " (" + customId + ")" : ""));
		}
	}

	/**
	 * A request with an id.
	 * @param customId your id
	 * @param body the body
	 * @return the request
	 */
	public static BatchRequest of(String customId, Object body) {
		return new BatchRequest(customId, body);
	}

	/**
	 * A request without an id.
	 * @param body the body as a map
	 * @return the request
	 */
	public static BatchRequest of(Map<String, Object> body) {
		return new BatchRequest(null, body);
	}

}
