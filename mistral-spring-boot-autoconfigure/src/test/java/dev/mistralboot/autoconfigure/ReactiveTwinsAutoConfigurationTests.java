package dev.mistralboot.autoconfigure;

import java.time.Duration;
import java.util.stream.Stream;

import dev.mistralboot.client.audio.MistralAudioClient;
import dev.mistralboot.client.audio.ReactiveMistralAudioClient;
import dev.mistralboot.client.batch.MistralBatchClient;
import dev.mistralboot.client.batch.ReactiveMistralBatchClient;
import dev.mistralboot.client.classifiers.MistralClassifiersClient;
import dev.mistralboot.client.classifiers.ReactiveMistralClassifiersClient;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.conversations.ReactiveMistralConversationsClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.ReactiveJobPoller;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.files.MistralFilesClient;
import dev.mistralboot.client.files.ReactiveMistralFilesClient;
import dev.mistralboot.client.finetuning.MistralFineTuningClient;
import dev.mistralboot.client.finetuning.ReactiveMistralFineTuningClient;
import dev.mistralboot.client.libraries.MistralLibrariesClient;
import dev.mistralboot.client.libraries.ReactiveMistralLibrariesClient;
import dev.mistralboot.client.models.MistralModelsClient;
import dev.mistralboot.client.models.ReactiveMistralModelsClient;
import dev.mistralboot.client.ocr.MistralOcrClient;
import dev.mistralboot.client.ocr.ReactiveMistralOcrClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive twins of the files, OCR, classifiers, models, fine-tuning, batch, document
 * libraries, audio and conversations clients are auto-configured beside their blocking
 * clients when WebFlux is present, and follow the family's
 * {@code mistral.<family>.enabled} and settings.
 */
class ReactiveTwinsAutoConfigurationTests {

	static Stream<Family> families() {
		return Stream.of(new Family("files", MistralFilesClient.class, ReactiveMistralFilesClient.class),
				new Family("ocr", MistralOcrClient.class, ReactiveMistralOcrClient.class),
				new Family("classifiers", MistralClassifiersClient.class, ReactiveMistralClassifiersClient.class),
				new Family("models", MistralModelsClient.class, ReactiveMistralModelsClient.class),
				new Family("fine-tuning", MistralFineTuningClient.class, ReactiveMistralFineTuningClient.class),
				new Family("batch", MistralBatchClient.class, ReactiveMistralBatchClient.class),
				new Family("libraries", MistralLibrariesClient.class, ReactiveMistralLibrariesClient.class),
				new Family("audio", MistralAudioClient.class, ReactiveMistralAudioClient.class), new Family(
						"conversations", MistralConversationsClient.class, ReactiveMistralConversationsClient.class));
	}

	private static ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
			.withPropertyValues("mistral.api-key=sk-test");
	}

	@ParameterizedTest
	@MethodSource("families")
	void bothClientsExistWithWebFlux(Family family) {
		runner().run((context) -> assertThat(context).hasSingleBean(family.blocking())
			.hasSingleBean(family.reactive())
			.hasSingleBean(ReactiveMistralHttp.class));
	}

	@ParameterizedTest
	@MethodSource("families")
	void theReactiveClientIsAbsentWithoutWebFlux(Family family) {
		runner().withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(family.blocking())
				.doesNotHaveBean(family.reactive())
				.doesNotHaveBean(ReactiveMistralHttp.class));
	}

	@ParameterizedTest
	@MethodSource("families")
	void neitherClientExistsWhenTheFamilyIsDisabled(Family family) {
		runner().withPropertyValues("mistral." + family.name() + ".enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(family.blocking())
				.doesNotHaveBean(family.reactive())
				.hasSingleBean(MistralHttp.class)
				.hasSingleBean(ReactiveMistralHttp.class));
	}

	@ParameterizedTest
	@MethodSource("families")
	void theApplicationsOwnReactiveClientWins(Family family) {
		runner().withBean("own", family.reactive(), ReactiveMistralHttp.builder().apiKey("sk-own").build())
			.run((context) -> assertThat(context).hasSingleBean(family.reactive()).hasBean("own"));
	}

	@Test
	void reactiveJobClientsPollAsConfigured() {
		runner()
			.withPropertyValues("mistral.fine-tuning.poll-interval=2s", "mistral.fine-tuning.poll-timeout=30m",
					"mistral.batch.poll-interval=3s", "mistral.batch.poll-timeout=2h")
			.run((context) -> {
				ReactiveJobPoller fineTuning = context.getBean(ReactiveMistralFineTuningClient.class).poller();
				assertThat(fineTuning.interval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(fineTuning.timeout()).isEqualTo(Duration.ofMinutes(30));
				ReactiveJobPoller batch = context.getBean(ReactiveMistralBatchClient.class).poller();
				assertThat(batch.interval()).isEqualTo(Duration.ofSeconds(3));
				assertThat(batch.timeout()).isEqualTo(Duration.ofHours(2));
			});
	}

	@Test
	void reactiveClientsGetTheFamilyDefaults() {
		runner()
			.withPropertyValues("mistral.ocr.model=mistral-ocr-2505",
					"mistral.classifiers.moderation-model=mistral-moderation-2411",
					"mistral.audio.transcription-model=voxtral-mini-2507")
			.run((context) -> {
				assertThat(context.getBean(ReactiveMistralOcrClient.class).defaults().model())
					.isEqualTo("mistral-ocr-2505");
				assertThat(context.getBean(ReactiveMistralClassifiersClient.class).defaults().moderationModel())
					.isEqualTo("mistral-moderation-2411");
				assertThat(context.getBean(ReactiveMistralAudioClient.class).defaults().transcriptionModel())
					.isEqualTo("voxtral-mini-2507");
			});
	}

	/**
	 * One family: its property prefix, auto-configuration and clients.
	 *
	 * @param name the family's name under {@code mistral.}
	 * @param configuration the auto-configuration
	 * @param blocking the blocking client
	 * @param reactive the reactive client
	 */
	record Family(String name, Class<?> blocking, Class<?> reactive) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
