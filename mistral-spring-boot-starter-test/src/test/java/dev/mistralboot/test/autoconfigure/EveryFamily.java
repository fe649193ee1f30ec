package dev.mistralboot.test.autoconfigure;

import java.util.List;

import dev.mistralboot.client.agents.AgentsCompletionRequest;
import dev.mistralboot.client.agents.MistralAgentsClient;
import dev.mistralboot.client.audio.MistralAudioClient;
import dev.mistralboot.client.batch.MistralBatchClient;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.classifiers.ClassificationRequest;
import dev.mistralboot.client.classifiers.MistralClassifiersClient;
import dev.mistralboot.client.conversations.MistralConversationsClient;
import dev.mistralboot.client.embeddings.MistralEmbeddingsClient;
import dev.mistralboot.client.files.MistralFilesClient;
import dev.mistralboot.client.fim.FimCompletionRequest;
import dev.mistralboot.client.fim.MistralFimClient;
import dev.mistralboot.client.finetuning.MistralFineTuningClient;
import dev.mistralboot.client.libraries.MistralLibrariesClient;
import dev.mistralboot.client.models.MistralModelsClient;
import dev.mistralboot.client.ocr.MistralOcrClient;
import dev.mistralboot.client.ocr.OcrRequest;
import dev.mistralboot.test.MockMistral;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls one operation of every auto-configured client family, for the leak tests.
 */
final class EveryFamily {

	/** How many requests {@link #call(ApplicationContext)} sends. */
	static final int CALLS = 13;

	private EveryFamily() {
	}

	static void call(ApplicationContext context) {
		context.getBean(MistralChatClient.class).complete(ChatCompletionRequest.builder().user("Hi").build());
		context.getBean(MistralFimClient.class).complete(FimCompletionRequest.builder().prompt("def f():").build());
		context.getBean(MistralAgentsClient.class)
			.complete(AgentsCompletionRequest.builder().agentId("ag_1").user("Hi").build());
		context.getBean(MistralEmbeddingsClient.class).embed("Hi");
		context.getBean(MistralClassifiersClient.class).moderate(ClassificationRequest.of("Hi"));
		context.getBean(MistralOcrClient.class)
			.process(OcrRequest.builder().documentUrl("https://example.com/a.pdf").build());
		context.getBean(MistralModelsClient.class).list();
		context.getBean(MistralFilesClient.class).list();
		context.getBean(MistralFineTuningClient.class).list();
		context.getBean(MistralBatchClient.class).list();
		context.getBean(MistralLibrariesClient.class).list();
		context.getBean(MistralAudioClient.class).listVoices();
		context.getBean(MistralConversationsClient.class).list();
	}

	/**
	 * Every call reached the mock, with the dummy key.
	 */
	static void assertAllReachedTheMock(MockMistral mock) {
		assertThat(mock.requests()).hasSize(CALLS)
			.allSatisfy((request) -> assertThat(request.header("Authorization"))
				.isEqualTo("Bearer " + MockMistralContextCustomizer.DUMMY_API_KEY));
		assertThat(mock.requests()).extracting((request) -> request.path())
			.containsExactlyElementsOf(List.of("/v1/chat/completions", "/v1/fim/completions", "/v1/agents/completions",
					"/v1/embeddings", "/v1/moderations", "/v1/ocr", "/v1/models", "/v1/files", "/v1/fine_tuning/jobs",
					"/v1/batch/jobs", "/v1/libraries", "/v1/audio/voices", "/v1/conversations"));
	}

}
