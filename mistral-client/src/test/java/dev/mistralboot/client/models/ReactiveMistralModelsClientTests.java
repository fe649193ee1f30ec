package dev.mistralboot.client.models;

import java.time.Duration;

import dev.mistralboot.client.core.MistralNotFoundException;
import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReactiveMistralModelsClient} over HTTP: every operation (DELETE and PATCH
 * included), query filters, an encoded id, a typed error and a blank id rejected before
 * sending.
 */
class ReactiveMistralModelsClientTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String FT_ID = ModelsClientTests.FT_ID;

	static final String FT_PATH = ModelsClientTests.FT_PATH;

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ReactiveMistralModelsClient models = new ReactiveMistralModelsClient(wireMock.reactiveHttp());

	@Test
	void listsWithAndWithoutFilters() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/models")), "list_models_v1_models_get",
				"{\"object\":\"list\",\"data\":[" + ModelsClientTests.BASE_CARD + "," + ModelsClientTests.FT_CARD
						+ "]}");

		ModelList all = this.models.list().block(WAIT);
		MistralResponse<ModelList> filtered = this.models
			.listWithResponse(ListModelsRequest.builder().provider("mistralai").model("mistral-small-latest").build())
			.block(WAIT);

		assertThat(all.data()).hasSize(2);
		assertThat(all.data().get(0)).isInstanceOf(BaseModelCard.class);
		assertThat(all.data().get(1)).isInstanceOf(FineTunedModelCard.class);
		assertThat(filtered.metadata().statusCode()).isEqualTo(200);
		wireMock.server().verify(getRequestedFor(urlEqualTo("/v1/models")));
		wireMock.server()
			.verify(getRequestedFor(urlEqualTo("/v1/models?provider=mistralai&model=mistral-small-latest")));
	}

	@Test
	void getsDeletesUpdatesArchivesAndUnarchives() {
		wireMock.stubJson(get(urlEqualTo("/v1/models/" + FT_PATH)), "retrieve_model_v1_models__model_id__get",
				ModelsClientTests.FT_CARD);
		wireMock.stubJson(delete(urlEqualTo("/v1/models/" + FT_PATH)), "delete_model_v1_models__model_id__delete",
				"{\"id\":\"" + FT_ID + "\",\"object\":\"model\",\"deleted\":true}");
		wireMock.stubJson(patch(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH)),
				"jobs_api_routes_fine_tuning_update_fine_tuned_model",
				"""
						{"id":"%s","object":"model","created":1715700000,"owned_by":"b2c4a6f0","workspace_id":"a1b2c3d4",
						 "root":"open-mistral-7b","root_version":"0.3","archived":false,"name":null,"description":"v2",
						 "capabilities":{"completion_chat":true},"job":null,"model_type":"completion"}"""
					.formatted(FT_ID));
		wireMock.stubJson(post(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH + "/archive")),
				"jobs_api_routes_fine_tuning_archive_fine_tuned_model",
				"{\"id\":\"" + FT_ID + "\",\"object\":\"model\",\"archived\":true}");
		wireMock.stubJson(delete(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH + "/archive")),
				"jobs_api_routes_fine_tuning_unarchive_fine_tuned_model",
				"{\"id\":\"" + FT_ID + "\",\"object\":\"model\",\"archived\":false}");

		assertThat(this.models.get(FT_ID).block(WAIT)).isInstanceOf(FineTunedModelCard.class);
		assertThat(this.models.delete(FT_ID).block(WAIT).deleted()).isTrue();
		FineTunedModel updated = this.models.update(FT_ID, UpdateModelRequest.builder().description("v2").build())
			.block(WAIT);
		assertThat(updated).isInstanceOf(CompletionFineTunedModel.class);
		assertThat(updated.description()).isEqualTo("v2");
		assertThat(this.models.archive(FT_ID).block(WAIT).archived()).isTrue();
		assertThat(this.models.unarchive(FT_ID).block(WAIT).archived()).isFalse();
		wireMock.server().verify(deleteRequestedFor(urlEqualTo("/v1/models/" + FT_PATH)));
		wireMock.server()
			.verify(patchRequestedFor(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH))
				.withRequestBody(equalToJson("{\"description\":\"v2\"}")));
		wireMock.server().verify(postRequestedFor(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH + "/archive")));
		wireMock.server().verify(deleteRequestedFor(urlEqualTo("/v1/fine_tuning/models/" + FT_PATH + "/archive")));
	}

	@Test
	void anUnknownModelIsSignalledAsNotFound() {
		wireMock.server()
			.stubFor(get(urlEqualTo("/v1/models/nope")).willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"object\":\"error\",\"message\":\"Model not found: nope\",\"type\":\"invalid_request_error\","
								+ "\"param\":null,\"code\":\"1500\"}")));

		StepVerifier.create(this.models.get("nope"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralNotFoundException.class)
				.hasMessageContaining("Model not found: nope"))
			.verify(WAIT);
	}

	@Test
	void aBlankIdIsSignalledAsItselfBeforeSending() {
		StepVerifier.create(this.models.get(" "))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("model_id"))
			.verify(WAIT);
		assertThat(wireMock.requestCount()).isZero();
		assertThat(wireMock.server().getAllServeEvents()).isEmpty();
		wireMock.server()
			.verify(0, getRequestedFor(urlPathEqualTo("/v1/models/")).withHeader("Authorization",
					equalTo("Bearer " + MistralWireMock.API_KEY)));
	}

}
