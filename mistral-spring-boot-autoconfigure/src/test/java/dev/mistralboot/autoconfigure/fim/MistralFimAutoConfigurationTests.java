package dev.mistralboot.autoconfigure.fim;

import dev.mistralboot.autoconfigure.MistralAutoConfiguration;
import dev.mistralboot.autoconfigure.MistralClientsAutoConfiguration;
import dev.mistralboot.client.chat.ChatCompletionChunk;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.fim.FimCompletionRequest;
import dev.mistralboot.client.fim.MistralFimClient;
import dev.mistralboot.client.fim.ReactiveMistralFimClient;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class MistralFimAutoConfigurationTests {

	@RegisterExtension
	static final MistralWireMock global = new MistralWireMock();

	@RegisterExtension
	static final MistralWireMock codestral = new MistralWireMock();

	static final String ANSWER = """
			{"id":"f1","object":"chat.completion","model":"codestral-2508","created":1759496862,
			 "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5},
			 "choices":[{"index":0,"message":{"role":"assistant","content":"42","tool_calls":null,"prefix":false},"finish_reason":"stop"}]}""";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MistralAutoConfiguration.class, MistralClientsAutoConfiguration.class))
		.withPropertyValues("mistral.api-key=global-key");

	@Test
	void createsBothClientsWithTheDefaultModel() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(MistralFimClient.class).hasSingleBean(ReactiveMistralFimClient.class);
			assertThat(context.getBean(MistralFimClient.class).defaults().model()).isEqualTo("codestral-latest");
		});
	}

	@Test
	void modelIsConfigurable() {
		this.runner.withPropertyValues("mistral.fim.model=codestral-2508")
			.run((context) -> assertThat(context.getBean(MistralFimClient.class).defaults().model())
				.isEqualTo("codestral-2508"));
	}

	@Test
	void disabledByProperty() {
		this.runner.withPropertyValues("mistral.fim.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MistralFimClient.class)
				.doesNotHaveBean(ReactiveMistralFimClient.class)
				.hasSingleBean(MistralHttp.class));
	}

	@Test
	void userBeanWins() {
		MistralFimClient mine = new MistralFimClient(MistralHttp.builder().build());
		this.runner.withBean(MistralFimClient.class, () -> mine)
			.run((context) -> assertThat(context.getBean(MistralFimClient.class)).isSameAs(mine));
	}

	@Test
	void reactiveClientAbsentWithoutWebFlux() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasSingleBean(MistralFimClient.class)
				.doesNotHaveBean(ReactiveMistralFimClient.class));
	}

	@Test
	void codestralBaseUrlAndKeyOverrideTheGlobalOnes() {
		codestral.server().stubFor(post("/v1/fim/completions").willReturn(okJson(ANSWER)));
		codestral.server()
			.stubFor(post("/v1/fim/completions")
				.withRequestBody(
						com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.stream", equalTo("true")))
				.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
					.withBody(
							"data: {\"id\":\"f2\",\"model\":\"codestral-2508\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"7\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")));
		this.runner
			.withPropertyValues("mistral.base-url=" + global.baseUrl(), "mistral.fim.base-url=" + codestral.baseUrl(),
					"mistral.fim.api-key=codestral-key")
			.run((context) -> {
				FimCompletionRequest request = FimCompletionRequest.builder().prompt("answer = ").build();
				assertThat(context.getBean(MistralFimClient.class).complete(request).text()).isEqualTo("42");
				assertThat(context.getBean(ReactiveMistralFimClient.class)
					.stream(request)
					.map(ChatCompletionChunk::text)
					.collectList()
					.block()).containsExactly("7");
				assertThat(context.getBean(MistralHttp.class).baseUrl()).isEqualTo(global.baseUrl());
				assertThat(context.getBean(MistralFimClient.class).toString()).doesNotContain("codestral-key");
			});
		codestral.server()
			.verify(2,
					postRequestedFor(urlEqualTo("/v1/fim/completions"))
						.withHeader("Authorization", equalTo("Bearer codestral-key"))
						.withHeader("Host", equalTo("127.0.0.1:" + codestral.server().port())));
		assertThat(global.requestCount()).isZero();
	}

	@Test
	void withoutOverridesTheGlobalHostAndKeyAreUsed() {
		global.server().stubFor(post("/v1/fim/completions").willReturn(okJson(ANSWER)));
		this.runner.withPropertyValues("mistral.base-url=" + global.baseUrl())
			.run((context) -> context.getBean(MistralFimClient.class)
				.complete(FimCompletionRequest.builder().prompt("x").build()));
		global.server()
			.verify(postRequestedFor(urlEqualTo("/v1/fim/completions")).withHeader("Authorization",
					equalTo("Bearer global-key")));
	}

	@Test
	void propertiesNeverShowTheKey() {
		MistralFimProperties properties = new MistralFimProperties();
		properties.setApiKey("codestral-secret");
		assertThat(properties.toString()).doesNotContain("codestral-secret").contains("******");
	}

}
