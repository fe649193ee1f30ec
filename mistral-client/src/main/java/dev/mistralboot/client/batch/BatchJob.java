package dev.mistralboot.client.batch;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A batch job ({@code BatchJob}).
 *
 * @param id the job id
 * @param object the object type, {@code batch}
 * @param inputFiles the ids of the input files
 * @param metadata the metadata given at creation
 * @param endpoint the endpoint the requests go to, such as {@code /v1/chat/completions}
 * @param model the model used
 * @param agentId the agent used
 * @param outputFile the id of the file holding the results, once there is one
 * @param errorFile the id of the file holding the failed requests, once there is one
 * @param errors errors of the job, with counts
 * @param outputs the results inline (asked for with {@code inline=true}), or {@code null}
 * @param status the status
 * @param createdAt when the job was created, in seconds since the epoch
 * @param totalRequests the number of requests
 * @param completedRequests how many have run
 * @param succeededRequests how many succeeded
 * @param failedRequests how many failed
 * @param startedAt when the job started, in seconds since the epoch
 * @param completedAt when it ended, in seconds since the epoch
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BatchJob(String id, @Nullable String object, List<String> inputFiles,
		@Nullable Map<String, Object> metadata, @Nullable String endpoint, @Nullable String model,
		@Nullable String agentId, @Nullable String outputFile, @Nullable String errorFile, List<BatchError> errors,
		@Nullable List<Map<String, Object>> outputs, @Nullable BatchJobStatus status, @Nullable Long createdAt,
		@Nullable Integer totalRequests, @Nullable Integer completedRequests, @Nullable Integer succeededRequests,
		@Nullable Integer failedRequests, @Nullable Long startedAt, @Nullable Long completedAt) {

	/**
	 * Fills in defaults for what the API left out.
	 */
	public BatchJob {
		inputFiles = (inputFiles != null) ? List.copyOf(inputFiles) : List.of();
		errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

	/**
	 * Whether the job will not change any more.
	 * @return {@code true} for a final status
	 */
	public boolean isTerminal() {
		return this.status != null && this.status.isTerminal();
	}

}
