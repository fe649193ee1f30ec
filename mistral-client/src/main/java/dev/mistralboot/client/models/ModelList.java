package dev.mistralboot.client.models;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer of {@code GET /v1/models} ({@code ModelList}).
 *
 * @param object the object type, {@code list}
 * @param data the model cards
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelList(@Nullable String object, List<ModelCard> data) {

	/**
	 * Fills in defaults for what the API left out.
	 */
	public ModelList {
		data = (data != null) ? List.copyOf(data) : List.of();
	}

}
