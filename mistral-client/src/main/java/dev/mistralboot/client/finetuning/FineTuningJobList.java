package dev.mistralboot.client.finetuning;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mistralboot.client.core.Page;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One page of {@code GET /v1/fine_tuning/jobs} ({@code JobsOut}).
 *
 * @param data the jobs of this page
 * @param object the object type, {@code list}
 * @param total the number of jobs across all pages
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FineTuningJobList(List<FineTuningJob> data, @Nullable String object,
		@Nullable Long total) implements Page<FineTuningJob> {

	/**
	 * Fills in defaults for what the API left out.
	 */
	public FineTuningJobList {
		data = (data != null) ? List.copyOf(data) : List.of();
	}

}
