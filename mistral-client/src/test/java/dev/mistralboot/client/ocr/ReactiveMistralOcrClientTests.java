package dev.mistralboot.client.ocr;

import java.time.Duration;

import dev.mistralboot.client.core.MistralResponse;
import dev.mistralboot.client.core.MistralUnprocessableEntityException;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReactiveMistralOcrClient} over HTTP, on the same fixtures as
 * {@link MistralOcrClientTests}.
 */
class ReactiveMistralOcrClientTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private final ReactiveMistralOcrClient client = new ReactiveMistralOcrClient(wireMock.reactiveHttp(),
			new OcrDefaults("mistral-ocr-latest"));

	@Test
	void processesADocumentWithTheDefaultModel() {
		wireMock.server()
			.stubFor(post("/v1/ocr").willReturn(okJson(
					MistralWireMock.conformingResponse(MistralOcrClientTests.OPERATION, MistralOcrClientTests.ANSWER))
				.withHeader("mistral-correlation-id", "c0ffee")));

		MistralResponse<OcrResponse> response = this.client
			.processWithResponse(
					OcrRequest.builder().documentUrl("https://arxiv.org/pdf/2201.04234").includeBlocks(true).build())
			.block(WAIT);

		assertThat(response.body().markdown()).startsWith("# LEVERAGING UNLABELED DATA").endsWith("Second page.");
		assertThat(response.body().usageInfo().pagesProcessed()).isEqualTo(2);
		assertThat(response.metadata().statusCode()).isEqualTo(200);
		assertThat(response.metadata().correlationId()).isEqualTo("c0ffee");
		assertThat(this.client.process(OcrRequest.builder().documentUrl("https://example.com/a.pdf").build())
			.block(WAIT)
			.pages()).hasSize(2);
		wireMock.server()
			.verify(postRequestedFor(urlEqualTo("/v1/ocr"))
				.withHeader("Authorization", equalTo("Bearer " + MistralWireMock.API_KEY))
				.withRequestBody(equalToJson("""
						{"model":"mistral-ocr-latest","include_blocks":true,
						 "document":{"type":"document_url","document_url":"https://arxiv.org/pdf/2201.04234"}}""")));
	}

	@Test
	void anErrorStatusIsSignalledTyped() {
		wireMock.server()
			.stubFor(post("/v1/ocr").willReturn(aResponse().withStatus(422)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"document\"],\"msg\":\"Field required\","
								+ "\"input\":{}}]}")));

		StepVerifier.create(this.client.process(OcrRequest.builder().documentUrl("https://example.com/a.pdf").build()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MistralUnprocessableEntityException.class)
				.hasMessageContaining("Field required"))
			.verify(WAIT);
	}

	@Test
	void withoutAModelNothingIsSent() {
		ReactiveMistralOcrClient bare = new ReactiveMistralOcrClient(wireMock.reactiveHttp());
		StepVerifier.create(bare.process(OcrRequest.builder().documentUrl("https://example.com/a.pdf").build()))
			.expectError(IllegalArgumentException.class)
			.verify(WAIT);
		assertThat(wireMock.requestCount()).isZero();
	}

}
