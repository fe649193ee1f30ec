package dev.mistralboot.sample.finetuning;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;

/**
 * The files and fine-tuning calls the sample needs, answered as JSON trees passed through to the page.
 *
 * <p>A stand-in: it calls the API through the starter's HTTP core ({@link MistralHttp}) because the typed files and
 * fine-tuning clients are being built in parallel (issue 3). Once they are merged, each method becomes one call to
 * {@code MistralFilesClient} or {@code MistralFineTuningClient}.
 */
@Component
public class FineTuningApi {

	private final MistralHttp http;

	FineTuningApi(MistralHttp http) {
		this.http = http;
	}

	/**
	 * Uploads a training file ({@code POST /v1/files}, purpose {@code fine-tune}).
	 * @param filename the file name
	 * @param content the JSONL content
	 * @return the file object
	 */
	public JsonNode upload(String filename, byte[] content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("purpose", "fine-tune");
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		return this.http.execute(ApiRequest.post("/v1/files").operation("files.upload").multipart(parts, true).build(),
				JsonNode.class).body();
	}

	/**
	 * Creates a job ({@code POST /v1/fine_tuning/jobs}).
	 * @param model the model to fine-tune
	 * @param fileId the training file
	 * @param trainingSteps the number of training steps
	 * @param dryRun whether to only estimate cost and duration (nothing is trained or paid)
	 * @return the job, or the estimate for a dry run
	 */
	public JsonNode create(String model, String fileId, int trainingSteps, boolean dryRun) {
		Map<String, Object> job = Map.of("model", model, "training_files", List.of(Map.of("file_id", fileId)),
				"hyperparameters", Map.of("training_steps", trainingSteps, "learning_rate", 0.0001), "suffix",
				"sample", "auto_start", true);
		return this.http.execute(ApiRequest.post("/v1/fine_tuning/jobs")
			.operation("fine_tuning.create")
			.model(model)
			.query("dry_run", dryRun)
			.json(job)
			.build(), JsonNode.class).body();
	}

	/**
	 * Lists jobs ({@code GET /v1/fine_tuning/jobs}).
	 * @return the first page of jobs
	 */
	public JsonNode list() {
		return this.http.execute(ApiRequest.get("/v1/fine_tuning/jobs").operation("fine_tuning.list").build(),
				JsonNode.class).body();
	}

	/**
	 * Reads a job with its events ({@code GET /v1/fine_tuning/jobs/{id}}).
	 * @param id the job id
	 * @return the job
	 */
	public JsonNode get(String id) {
		return this.http.execute(ApiRequest.get("/v1/fine_tuning/jobs/{id}", id).operation("fine_tuning.get").build(),
				JsonNode.class).body();
	}

	/**
	 * Cancels a job ({@code POST /v1/fine_tuning/jobs/{id}/cancel}).
	 * @param id the job id
	 * @return the job
	 */
	public JsonNode cancel(String id) {
		return this.http.execute(ApiRequest.post("/v1/fine_tuning/jobs/{id}/cancel", id)
			.operation("fine_tuning.cancel")
			.build(), JsonNode.class).body();
	}

}
