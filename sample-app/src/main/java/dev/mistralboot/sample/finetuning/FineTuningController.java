package dev.mistralboot.sample.finetuning;

import java.io.IOException;
import java.io.InputStream;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fine-tuning jobs: upload the bundled training file ({@code data/training.jsonl}), create a job (a dry run unless
 * {@code dryRun=false}: a real job costs money), list jobs, watch one, cancel it.
 */
@RestController
class FineTuningController {

	private static final String TRAINING_FILE = "data/training.jsonl";

	private final FineTuningApi api;

	private final String model;

	private final int trainingSteps;

	FineTuningController(FineTuningApi api, @Value("${sample.fine-tuning.model}") String model,
			@Value("${sample.fine-tuning.training-steps}") int trainingSteps) {
		this.api = api;
		this.model = model;
		this.trainingSteps = trainingSteps;
	}

	@PostMapping("/api/fine-tuning/files")
	JsonNode upload() throws IOException {
		try (InputStream in = new ClassPathResource(TRAINING_FILE).getInputStream()) {
			return this.api.upload("training.jsonl", in.readAllBytes());
		}
	}

	@PostMapping("/api/fine-tuning/jobs")
	JsonNode create(@RequestParam String fileId, @RequestParam(defaultValue = "true") boolean dryRun) {
		return this.api.create(this.model, fileId, this.trainingSteps, dryRun);
	}

	@GetMapping("/api/fine-tuning/jobs")
	JsonNode list() {
		return this.api.list();
	}

	@GetMapping("/api/fine-tuning/jobs/{id}")
	JsonNode get(@PathVariable String id) {
		return this.api.get(id);
	}

	@PostMapping("/api/fine-tuning/jobs/{id}/cancel")
	JsonNode cancel(@PathVariable String id) {
		return this.api.cancel(id);
	}

}
