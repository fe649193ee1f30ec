package dev.mistralboot.client.models;

import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.MistralUnauthorizedException;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ModelsClientTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final MistralHttp http = wireMock.http();

	static final String FT_ID = "ft:open-mistral-7b:587a6b29:20240514:7e773925";

	/** The id as it appears in a path: every reserved character is encoded. */
	static final String FT_PATH = "ft%3Aopen-mistral-7b%3A587a6b29%3A20240514%3A7e773925";

	static final String BASE_CARD = """
			{"id":"mistral-small-latest","object":"model","created":1756746619,"owned_by":"mistralai",
			 "capabilities":{"completion_chat":true,"function_calling":true,"reasoning":false,"completion_fim":false,
			  "fine_tuning":true,"vision":true,"ocr":false,"classification":false,"moderation":false,"audio":false,
			  "audio_transcription":false,"audio_transcription_realtime":false,"audio_speech":false,"unified_resources":false},
			 "name":"mistral-small-2506","description":"Our latest enterprise-grade small model","max_context_length":131072,
			 "aliases":["mistral-small-2506"],"deprecation":"2026-11-30T12:00:00Z","deprecation_replacement_model":"mistral-small-2603",
			 "default_model_temperature":0.3,"type":"base"}""";

	static final String FT_CARD = """
			{"id":"%s","object":"model","created":1715700000,"owned_by":"b2c4a6f0","capabilities":{"completion_chat":true,
			 "completion_fim":false,"function_calling":false,"fine_tuning":false,"vision":false,"classification":false},
			 "name":null,"description":null,"max_context_length":32768,"aliases":[],"deprecation":null,
			 "type":"fine-tuned","job":"7e773925-3a2e-4b4f-9c1e-5f3a2b1c0d9e","root":"open-mistral-7b","archived":false}"""
		.formatted(FT_ID);

	private MistralModelsClient models;

	@BeforeEach
	void client() {
		this.models = new MistralModelsClient(this.http);
	}

	@Test
	void listsBaseAndFineTunedCardsToldApartByType() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/models")), "list_models_v1_models_get",
				"{\"object\":\"list\",\"data\":[" + BASE_CARD + "," + FT_CARD + "]}");

		ModelList list = this.models.list();

		assertThat(list.object()).isEqualTo("list");
		assertThat(list.data()).hasSize(2);
		BaseModelCard base = (BaseModelCard) list.data().get(0);
		assertThat(base.id()).isEqualTo("mistral-small-latest");
		assertThat(base.type()).isEqualTo("base");
		assertThat(base.isFineTuned()).isFalse();
		assertThat(base.created()).isEqualTo(1756746619L);
		assertThat(base.maxContextLength()).isEqualTo(131072);
		assertThat(base.aliases()).containsExactly("mistral-small-2506");
		assertThat(base.deprecation()).isEqualTo("2026-11-30T12:00:00Z");
		assertThat(base.deprecationReplacementModel()).isEqualTo("mistral-small-2603");
		assertThat(base.defaultModelTemperature()).isEqualTo(0.3);
		ModelCapabilities caps = base.capabilities();
		assertThat(caps.completionChat()).isTrue();
		assertThat(caps.functionCalling()).isTrue();
		assertThat(caps.fineTuning()).isTrue();
		assertThat(caps.vision()).isTrue();
		assertThat(caps.reasoning()).isFalse();
		assertThat(caps.ocr()).isFalse();
		FineTunedModelCard ft = (FineTunedModelCard) list.data().get(1);
		assertThat(ft.isFineTuned()).isTrue();
		assertThat(ft.job()).isEqualTo("7e773925-3a2e-4b4f-9c1e-5f3a2b1c0d9e");
		assertThat(ft.root()).isEqualTo("open-mistral-7b");
		assertThat(ft.archived()).isFalse();
		assertThat(ft.capabilities().completionChat()).isTrue();
		assertThat(ft.capabilities().audioSpeech()).isFalse();
		wireMock.server()
			.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("Authorization",
					equalTo("Bearer " + MistralWireMock.API_KEY)));
	}

	@Test
	void sendsQueryFilters() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/models")), "list_models_v1_models_get",
				"{\"object\":\"list\",\"data\":[" + BASE_CARD + "]}");

		this.models.list(ListModelsRequest.builder().provider("mistralai").model("mistral-small-latest").build());

		wireMock.server()
			.verify(getRequestedFor(urlPathEqualTo("/v1/models")).withQueryParam("provider", equalTo("mistralai"))
				.withQueryParam("model", equalTo("mistral-small-latest")));
		this.models.list(ListModelsRequest.builder().provider("mistralai").build());
		wireMock.server()
			.verify(getRequestedFor(urlEqualTo("/v1/models?provider=mistralai")).withQueryParam("model", absent()));
	}

	@Test
	void unknownCardTypesAndCapabilitiesDoNotBreakParsing() {
		wireMock.server()
			.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(
					okJson("""
							{"object":"list","data":[{"id":"robot-1","type":"agentic","capabilities":{"completion_chat":true,"teleportation":true},
							 "brand_new_field":{"x":1}},{"id":"bare"}]}""")));

		ModelList list = this.models.list();

		assertThat(list.data()).hasSize(2);
		UnknownModelCard unknown = (UnknownModelCard) list.data().get(0);
		assertThat(unknown.type()).isEqualTo("agentic");
		assertThat(unknown.capabilities().completionChat()).isTrue();
		UnknownModelCard bare = (UnknownModelCard) list.data().get(1);
		assertThat(bare.id()).isEqualTo("bare");
		assertThat(bare.capabilities()).isEqualTo(ModelCapabilities.NONE);
		assertThat(bare.aliases()).isEmpty();
	}

	@Test
	void getsOneCardByIdWithTheIdEncoded() {
		wireMock.stubJson(get(urlEqualTo("/v1/models/" + FT_PATH)), "retrieve_model_v1_models__model_id__get", FT_CARD);

		ModelCard card = this.models.get(FT_ID);

		assertThat(card).isInstanceOf(FineTunedModelCard.class);
		assertThat(card.id()).isEqualTo(FT_ID);
	}

	@Test
	void unknownModelIsNotFound() {
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/models/nope")).willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"object\":\"error\",\"message\":\"Model not found: nope\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"1500\"}")));

		assertThatExceptionOfType(MistralNotFoundException.class).isThrownBy(() -> this.models.get("nope"))
			.withMessageContaining("Model not found: nope");
	}

	@Test
	void listFailsWithTheStatusException() {
		wireMock.server()
			.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"Unauthorized\",\"request_id\":\"8d1b\"}")));

		assertThatExceptionOfType(MistralUnauthorizedException.class).isThrownBy(() -> this.models.list())
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(MistralWireMock.API_KEY));
	}

	@Test
	void blankIdIsRejectedBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.models.get(" ")).withMessageContaining("model_id");
		assertThat(wireMock.server().getAllServeEvents()).isEmpty();
	}

	@Test
	void deletesAModel() {
		wireMock.stubJson(delete(urlEqualTo("/v1/models/" + FT_PATH)), "delete_model_v1_models__model_id__delete",
				"{\"id\":\"" + FT_ID + "\",\"object\":\"model\",\"deleted\":true}");

		DeleteModelResponse deleted = this.models.delete(FT_ID);

		assertThat(deleted.id()).isEqualTo(FT_ID);
		assertThat(deleted.deleted()).isTrue();
		wireMock.server().verify(deleteRequestedFor(urlEqualTo("/v1/models/" + FT_PATH)));
	}

	@Test
	void updatesAFineTunedClassifier() {
		wireMock.stubJson(patch(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH)),
				"jobs_api_routes_fine_tuning_update_fine_tuned_model",
				"""
						{"id":"%s","object":"model","created":1715700000,"owned_by":"b2c4a6f0","workspace_id":"a1b2c3d4",
						 "root":"ministral-3b-latest","root_version":"2410","archived":false,"name":"spam-filter","description":"Spam or ham",
						 "capabilities":{"completion_chat":false,"completion_fim":false,"function_calling":false,"fine_tuning":false,"classification":true},
						 "max_context_length":32768,"aliases":[],"job":"7e773925-3a2e-4b4f-9c1e-5f3a2b1c0d9e",
						 "classifier_targets":[{"name":"spam","labels":["spam","ham"],"weight":1.0,"loss_function":"single_class"}],
						 "model_type":"classifier"}"""
					.formatted(FT_ID));

		FineTunedModel model = this.models.update(FT_ID,
				UpdateModelRequest.builder().name("spam-filter").description("Spam or ham").build());

		ClassifierFineTunedModel classifier = (ClassifierFineTunedModel) model;
		assertThat(classifier.modelType()).isEqualTo("classifier");
		assertThat(classifier.name()).isEqualTo("spam-filter");
		assertThat(classifier.workspaceId()).isEqualTo("a1b2c3d4");
		assertThat(classifier.rootVersion()).isEqualTo("2410");
		assertThat(classifier.capabilities().classification()).isTrue();
		assertThat(classifier.classifierTargets()).singleElement().satisfies((target) -> {
			assertThat(target.name()).isEqualTo("spam");
			assertThat(target.labels()).containsExactly("spam", "ham");
			assertThat(target.lossFunction()).isEqualTo(ClassifierLossFunction.SINGLE_CLASS);
		});
		wireMock.server()
			.verify(patchRequestedFor(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH))
				.withRequestBody(equalToJson("{\"name\":\"spam-filter\",\"description\":\"Spam or ham\"}")));
	}

	@Test
	void updateOfACompletionModelSendsOnlyWhatIsSet() {
		wireMock.stubJson(patch(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH)),
				"jobs_api_routes_fine_tuning_update_fine_tuned_model",
				"""
						{"id":"%s","object":"model","created":1715700000,"owned_by":"b2c4a6f0","workspace_id":"a1b2c3d4",
						 "root":"open-mistral-7b","root_version":"0.3","archived":true,"name":null,"description":"v2",
						 "capabilities":{"completion_chat":true},"job":null,"model_type":"completion"}"""
					.formatted(FT_ID));

		FineTunedModel model = this.models.update(FT_ID, UpdateModelRequest.builder().description("v2").build());

		assertThat(model).isInstanceOf(CompletionFineTunedModel.class);
		assertThat(model.archived()).isTrue();
		assertThat(model.description()).isEqualTo("v2");
		wireMock.server()
			.verify(patchRequestedFor(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH))
				.withRequestBody(equalToJson("{\"description\":\"v2\"}")));
	}

	@Test
	void emptyUpdateIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> UpdateModelRequest.builder().build())
			.withMessageContaining("set name or description");
	}

	@Test
	void archivesAndUnarchives() {
		wireMock.stubJson(post(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH + "/archive")),
				"jobs_api_routes_fine_tuning_archive_fine_tuned_model",
				"{\"id\":\"" + FT_ID + "\",\"object\":\"model\",\"archived\":true}");
		wireMock.stubJson(delete(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH + "/archive")),
				"jobs_api_routes_fine_tuning_unarchive_fine_tuned_model",
				"{\"id\":\"" + FT_ID + "\",\"object\":\"model\",\"archived\":false}");

		assertThat(this.models.archive(FT_ID).archived()).isTrue();
		assertThat(this.models.unarchive(FT_ID).archived()).isFalse();
		wireMock.server().verify(deleteRequestedFor(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH + "/archive")));
	}

}
