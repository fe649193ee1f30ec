package dev.mistralboot.client.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer of {@code DELETE /v1/batch/jobs/{job_id}} ({@code DeleteBatchJobResponse}).
 *
 * @param id the job id
 * @param object the object type, {@code batch}
 * @param deleted whether the job was deleted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeleteBatchJobResponse(String id, @Nullable String object, @Nullable Boolean deleted) {
}
