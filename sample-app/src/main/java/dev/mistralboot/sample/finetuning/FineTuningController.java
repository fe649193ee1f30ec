package dev.mistralboot.sample.finetuning;

import dev.mistralboot.client.files.FileObject;
import dev.mistralboot.client.files.FilePurpose;
import dev.mistralboot.client.files.MistralFilesClient;
import dev.mistralboot.client.files.UploadFileRequest;
import dev.mistralboot.client.finetuning.CreateFineTuningJobRequest;
import dev.mistralboot.client.finetuning.FineTuningJob;
import dev.mistralboot.client.finetuning.FineTuningJobList;
import dev.mistralboot.client.finetuning.FineTuningJobStatus;
import dev.mistralboot.client.finetuning.MistralFineTuningClient;
import dev.mistralboot.client.finetuning.TrainingFile;
import dev.mistralboot.client.finetuning.TrainingParameters;
import dev.mistralboot.sample.ServerSentEvents;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fine-tuning with {@link MistralFilesClient} and {@link MistralFineTuningClient}: upload
 * the bundled training file ({@code data/training.jsonl}), estimate a job with a dry run
 * or create it (a real job costs money), list jobs, read one, cancel it, and watch it
 * until it ends ({@code waitForCompletion}, polling every
 * {@code mistral.fine-tuning.poll-interval}) as server-sent events. The answers are the
 * clients' own types, written as JSON by Spring MVC.
 */
@RestController
// the fine-tuning jobs endpoints are deprecated by Mistral but still served: the sample
// keeps showing them
@SuppressWarnings("deprecation")
class FineTuningController {

	private static final Log logger = LogFactory.getLog(FineTuningController.class);

	private static final ClassPathResource TRAINING_FILE = new ClassPathResource("data/training.jsonl");

	private final MistralFilesClient files;

	private final MistralFineTuningClient fineTuning;

	private final AsyncTaskExecutor executor;

	private final String model;

	private final int trainingSteps;

	FineTuningController(MistralFilesClient files, MistralFineTuningClient fineTuning, AsyncTaskExecutor executor,
			@Value("${sample.fine-tuning.model}") String model,
			@Value("${sample.fine-tuning.training-steps}") int trainingSteps) {
		this.files = files;
		this.fineTuning = fineTuning;
		this.executor = executor;
		this.model = model;
		this.trainingSteps = trainingSteps;
	}

	/**
	 * Uploads the training file (streamed from the class path, retried on 429 and 5xx).
	 */
	@PostMapping("/api/fine-tuning/files")
	FileObject upload() {
		return this.files.upload(UploadFileRequest.of(TRAINING_FILE).purpose(FilePurpose.FINE_TUNE).build());
	}

	/**
	 * A dry run (the default) answers the cost estimate; {@code dryRun=false} creates the
	 * job.
	 */
	@PostMapping("/api/fine-tuning/jobs")
	Object create(@RequestParam String fileId, @RequestParam(defaultValue = "true") boolean dryRun) {
		CreateFineTuningJobRequest request = CreateFineTuningJobRequest.builder()
			.model(this.model)
			.trainingFiles(TrainingFile.of(fileId))
			.hyperparameters(TrainingParameters.of(1e-4, this.trainingSteps))
			.suffix("sample")
			.autoStart(true)
			.build();
		return dryRun ? this.fineTuning.dryRun(request) : this.fineTuning.create(request);
	}

	@GetMapping("/api/fine-tuning/jobs")
	FineTuningJobList list() {
		return this.fineTuning.list();
	}

	@GetMapping("/api/fine-tuning/jobs/{id}")
	FineTuningJob get(@PathVariable String id) {
		return this.fineTuning.get(id);
	}

	@PostMapping("/api/fine-tuning/jobs/{id}/cancel")
	FineTuningJob cancel(@PathVariable String id) {
		return this.fineTuning.cancel(id);
	}

	/**
	 * Watches a job until it ends: one {@code status} event per status change
	 * ({@link Update}), then a {@code done} event with the final status, or a
	 * {@code failure} event with the error message. Polling stops when the browser goes
	 * away.
	 */
	@GetMapping(path = "/api/fine-tuning/jobs/{id}/watch", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter watch(@PathVariable String id) {
		return ServerSentEvents.stream(this.executor, logger, "Watching a fine-tuning job", (emitter) -> {
			FineTuningJob done = this.fineTuning.waitForCompletion(id,
					(job) -> ServerSentEvents.send(emitter, "status", Update.of(job)));
			ServerSentEvents.send(emitter, "done", Update.of(done));
		});
	}

	/**
	 * A job's status as the watch sends it.
	 *
	 * @param id the job id
	 * @param status the status
	 * @param fineTunedModel the trained model, once there is one
	 */
	record Update(String id, @Nullable FineTuningJobStatus status, @Nullable String fineTunedModel) {

		static Update of(FineTuningJob job) {
			return new Update(job.id(), job.status(), job.fineTunedModel());
		}

	}

}
