package dev.mistralboot.autoconfigure.aot;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.mistralboot.client.agents.AgentsCompletionRequest;
import dev.mistralboot.client.audio.SpeechRequest;
import dev.mistralboot.client.audio.SpeechStreamEvent;
import dev.mistralboot.client.audio.Transcription;
import dev.mistralboot.client.audio.TranscriptionRequest;
import dev.mistralboot.client.audio.TranscriptionStreamEvent;
import dev.mistralboot.client.audio.UnknownTranscriptionStreamEvent;
import dev.mistralboot.client.audio.VoiceList;
import dev.mistralboot.client.batch.BatchJob;
import dev.mistralboot.client.batch.BatchJobStatus;
import dev.mistralboot.client.batch.CreateBatchJobRequest;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatCompletionResponse;
import dev.mistralboot.client.chat.Content;
import dev.mistralboot.client.chat.FinishReason;
import dev.mistralboot.client.chat.TextChunk;
import dev.mistralboot.client.chat.ToolMessage;
import dev.mistralboot.client.chat.UnknownChunk;
import dev.mistralboot.client.chat.WebSearchTool;
import dev.mistralboot.client.classifiers.ChatClassificationRequest;
import dev.mistralboot.client.classifiers.ModerationResponse;
import dev.mistralboot.client.conversations.ConversationEvent;
import dev.mistralboot.client.conversations.ConversationRequest;
import dev.mistralboot.client.conversations.ConversationResponse;
import dev.mistralboot.client.conversations.ResponseDoneEvent;
import dev.mistralboot.client.conversations.UnknownConversationEvent;
import dev.mistralboot.client.conversations.UnknownEntry;
import dev.mistralboot.client.core.UsageInfo;
import dev.mistralboot.client.embeddings.Embedding;
import dev.mistralboot.client.embeddings.EmbeddingRequest;
import dev.mistralboot.client.embeddings.EmbeddingResponse;
import dev.mistralboot.client.files.FileObject;
import dev.mistralboot.client.files.FilePurpose;
import dev.mistralboot.client.fim.FimCompletionRequest;
import dev.mistralboot.client.finetuning.ClassifierFineTuningJob;
import dev.mistralboot.client.finetuning.UnknownFineTuningJob;
import dev.mistralboot.client.finetuning.WandbIntegration;
import dev.mistralboot.client.models.FineTunedModelCard;
import dev.mistralboot.client.models.UnknownModelCard;
import dev.mistralboot.client.ocr.OcrBlockType;
import dev.mistralboot.client.ocr.OcrRequest;
import dev.mistralboot.client.ocr.OcrResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MistralRuntimeHints}: a sample of every family's types, and every type
 * of the client packages that carries Jackson annotations (found independently, by
 * scanning the class files) has a reflection hint.
 */
class MistralRuntimeHintsTests {

	private static final RuntimeHints hints = new RuntimeHints();

	@BeforeAll
	static void registerHints() {
		new MistralRuntimeHints().registerHints(hints, MistralRuntimeHintsTests.class.getClassLoader());
	}

	@Test
	void registeredInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(MistralRuntimeHints.class::isInstance);
	}

	@Test
	void everyFamilyHasBindingHints() {
		List<Class<?>> sample = List.of(ChatCompletionRequest.class, ChatCompletionResponse.class,
				ChatCompletionChunk.class, ToolMessage.class, TextChunk.class, UnknownChunk.class, WebSearchTool.class,
				FinishReason.class, FimCompletionRequest.class, AgentsCompletionRequest.class, EmbeddingRequest.class,
				EmbeddingResponse.class, Embedding.class, ChatClassificationRequest.class, ModerationResponse.class,
				OcrRequest.class, OcrResponse.class, OcrBlockType.class, FineTunedModelCard.class,
				UnknownModelCard.class, FileObject.class, FilePurpose.class, ClassifierFineTuningJob.class,
				UnknownFineTuningJob.class, WandbIntegration.class, CreateBatchJobRequest.class, BatchJob.class,
				BatchJobStatus.class, UsageInfo.class, TranscriptionRequest.class, Transcription.class,
				TranscriptionStreamEvent.class, UnknownTranscriptionStreamEvent.class, SpeechRequest.class,
				SpeechStreamEvent.class, VoiceList.class, ConversationRequest.class, ConversationResponse.class,
				ConversationEvent.class, ResponseDoneEvent.class, UnknownConversationEvent.class, UnknownEntry.class);
		for (Class<?> type : sample) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
						MemberCategory.INVOKE_DECLARED_METHODS))
				.as(type.getName())
				.accepts(hints);
		}
	}

	@Test
	void recordAccessorsAndJsonCreatorsCanBeInvoked() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ChatCompletionResponse.class, "choices"))
			.accepts(hints);
		Method of = FinishReason.class.getMethod("of", String.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(of)).accepts(hints);
	}

	@Test
	void serializersAndDeserializersCanBeCreated() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("dev.mistralboot.client.embeddings.EmbeddingDeserializer"))
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of(Content.class.getName() + "$Deserializer"))
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("dev.mistralboot.client.conversations.DeltaContentSerializer"))
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
	}

	@Test
	void versionResourceAndSchemaTypes() {
		assertThat(
				RuntimeHintsPredicates.resource().forResource("dev/mistralboot/client/core/mistral-client.properties"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(java.time.LocalDate.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(java.util.Optional.class)).accepts(hints);
	}

	@Test
	void everyJacksonAnnotatedTypeOfTheClientPackagesHasAHint() {
		Set<String> annotated = jacksonAnnotatedTypes();
		assertThat(annotated).as("the scan found the model types").hasSizeGreaterThan(100);
		List<String> missing = new ArrayList<>();
		for (String name : annotated) {
			Class<?> type = ClassUtils.resolveClassName(name, getClass().getClassLoader());
			if (!RuntimeHintsPredicates.reflection().onType(type).test(hints)) {
				missing.add(name);
			}
		}
		assertThat(missing).as("Jackson-annotated types without a reflection hint").isEmpty();
	}

	/**
	 * Every class of the client packages that carries a Jackson annotation on itself, a
	 * method, a field or a record component, found by scanning class files: independent
	 * of the hint registrar's walk from the clients.
	 */
	static Set<String> jacksonAnnotatedTypes() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}

		};
		scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*")));
		Set<String> names = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("dev.mistralboot.client")) {
			String name = candidate.getBeanClassName();
			Class<?> type = ClassUtils.resolveClassName(name, MistralRuntimeHintsTests.class.getClassLoader());
			// the client's main classes only, not its test-jar's
			if (location(type).equals(location(ChatCompletionRequest.class)) && annotated(type)) {
				names.add(name);
			}
		}
		return names;
	}

	private static String location(Class<?> type) {
		return String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
	}

	private static boolean annotated(Class<?> type) {
		if (MistralBindingTypes.hasJacksonAnnotation(type)) {
			return true;
		}
		for (Method method : type.getDeclaredMethods()) {
			if (MistralBindingTypes.hasJacksonAnnotation(method)) {
				return true;
			}
		}
		for (Field field : type.getDeclaredFields()) {
			if (MistralBindingTypes.hasJacksonAnnotation(field)) {
				return true;
			}
		}
		return false;
	}

}
