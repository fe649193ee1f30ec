package dev.mistralboot.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.mistralboot.autoconfigure.chat.MistralChatProperties;
import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatDefaults;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.ReactiveMistralChatClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralTimeoutException;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.client.core.RetryPolicy;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The auto-configuration as an application gets it, with Spring Boot's Jackson, HTTP
 * client, RestClient and WebClient auto-configurations.
 */
class MistralAutoConfigurationTests {

	static final String CHAT = "/v1/chat/completions";

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	/**
	 * A runner whose system environment is only what a test puts there (the machine's is
	 * hidden).
	 */
	static ApplicationContextRunner runner(Map<String, Object> systemEnvironment) {
		return new ApplicationContextRunner()
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								new HashMap<>(systemEnvironment))))
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, WebClientAutoConfiguration.class, MistralAutoConfiguration.class,
					MistralClientsAutoConfiguration.class));
	}

	private final ApplicationContextRunner runner = runner(Map.of());

	private ApplicationContextRunner withWireMock() {
		return this.runner.withPropertyValues("mistral.base-url=" + wireMock.baseUrl(), "mistral.api-key=yaml-key",
				"mistral.retry.initial-backoff=1ms", "mistral.retry.max-backoff=2ms");
	}

	private static void answerChat() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(Fixtures.text("chat-response.json"))));
	}

	@Test
	void propertiesBind() {
		this.runner
			.withPropertyValues("mistral.api-key=bound-key", "mistral.base-url=http://127.0.0.1:1/",
					"mistral.http.connect-timeout=3s", "mistral.http.response-timeout=20s",
					"mistral.http.stream-idle-timeout=7s", "mistral.retry.max-attempts=5",
					"mistral.retry.initial-backoff=100ms", "mistral.retry.max-backoff=2s",
					"mistral.retry.max-retry-after=30s", "mistral.chat.model=mistral-large-latest",
					"mistral.chat.temperature=0.4", "mistral.chat.max-tokens=256", "mistral.chat.safe-prompt=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MistralProperties properties = context.getBean(MistralProperties.class);
				assertThat(properties.getApiKey()).isEqualTo("bound-key");
				assertThat(properties.getHttp().getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getHttp().getResponseTimeout()).isEqualTo(Duration.ofSeconds(20));
				assertThat(properties.getHttp().getStreamIdleTimeout()).isEqualTo(Duration.ofSeconds(7));
				MistralHttp http = context.getBean(MistralHttp.class);
				assertThat(http.baseUrl()).isEqualTo("http://127.0.0.1:1");
				assertThat(http.retryPolicy()).isEqualTo(
						new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30)));
				assertThat(context.getBean(MistralChatClient.class).defaults())
					.isEqualTo(new ChatDefaults("mistral-large-latest", 0.4, 256, true));
				assertThat(context.getBean(MistralChatProperties.class).isEnabled()).isTrue();
				assertThat(context.getBean(ReactiveMistralHttp.class).baseUrl()).isEqualTo("http://127.0.0.1:1");
				assertThat(context).hasSingleBean(ReactiveMistralChatClient.class);
			});
	}

	@Test
	void defaultsApply() {
		this.runner.withPropertyValues("mistral.api-key=k").run((context) -> {
			MistralProperties properties = context.getBean(MistralProperties.class);
			assertThat(properties.getBaseUrl()).isEqualTo("https://api.mistral.ai");
			assertThat(properties.getHttp().getConnectTimeout()).isNull();
			assertThat(properties.getHttp().getResponseTimeout()).isEqualTo(Duration.ofMinutes(5));
			assertThat(properties.getHttp().getStreamIdleTimeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(context.getBean(MistralHttp.class).retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
			assertThat(context.getBean(MistralChatClient.class).defaults())
				.isEqualTo(ChatDefaults.ofModel("mistral-small-latest"));
		});
	}

	@Test
	void requestWithoutModelGetsTheConfiguredModel() {
		answerChat();
		withWireMock().withPropertyValues("mistral.chat.model=open-mistral-nemo", "mistral.chat.max-tokens=100")
			.run((context) -> {
				context.getBean(MistralChatClient.class).complete(ChatCompletionRequest.builder().user("hi").build());
				context.getBean(ReactiveMistralChatClient.class)
					.complete(ChatCompletionRequest.builder().user("hi").build())
					.block();
			});
		wireMock.server()
			.verify(2, postRequestedFor(urlPathEqualTo(CHAT)).withHeader("Authorization", equalTo("Bearer yaml-key"))
				.withRequestBody(equalToJson(
						"{\"model\":\"open-mistral-nemo\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")));
	}

	@Test
	void userBeansWin() {
		this.runner.withPropertyValues("mistral.api-key=k")
			.withBean("myChat", MistralChatClient.class,
					() -> new MistralChatClient(MistralHttp.builder().build(), ChatDefaults.ofModel("mine")))
			.run((context) -> {
				assertThat(context).hasSingleBean(MistralChatClient.class);
				assertThat(context.getBean(MistralChatClient.class).defaults().model()).isEqualTo("mine");
			});
		MistralHttp mine = MistralHttp.builder().baseUrl("http://127.0.0.1:2").build();
		this.runner.withPropertyValues("mistral.api-key=k").withBean(MistralHttp.class, () -> mine).run((context) -> {
			assertThat(context).hasSingleBean(MistralHttp.class);
			assertThat(context.getBean(MistralHttp.class)).isSameAs(mine);
			assertThat(context.getBean(MistralChatClient.class)).isNotNull();
		});
	}

	@Test
	void userConnectionDetailsWin() {
		answerChat();
		this.runner.withBean(MistralConnectionDetails.class, () -> new MistralConnectionDetails() {
			@Override
			public String baseUrl() {
				return wireMock.baseUrl();
			}

			@Override
			public String apiKey() {
				return "vault-key";
			}
		}).run((context) -> {
			assertThat(context).hasSingleBean(MistralConnectionDetails.class);
			context.getBean(MistralChatClient.class).complete(ChatCompletionRequest.builder().user("hi").build());
		});
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(CHAT)).withHeader("Authorization", equalTo("Bearer vault-key")));
	}

	@Test
	void userConnectionDetailsWithoutAKeyForTheCloudFailTheStartBeforeAnyClientIsUsed() {
		this.runner
			.withBean(MistralConnectionDetails.class, () -> MistralConnectionDetails.of("https://api.mistral.ai", null))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(new MistralApiKeyMissingFailureAnalyzer().analyze(context.getStartupFailure())).isNotNull();
			});
	}

	@Test
	void customizersApply() {
		this.runner.withPropertyValues("mistral.api-key=k")
			.withBean(MistralHttpCustomizer.class, () -> (builder) -> builder.retryPolicy(RetryPolicy.NONE))
			.withBean(ReactiveMistralHttpCustomizer.class, () -> (builder) -> builder.baseUrl("http://127.0.0.1:3"))
			.run((context) -> {
				assertThat(context.getBean(MistralHttp.class).retryPolicy()).isEqualTo(RetryPolicy.NONE);
				assertThat(context.getBean(ReactiveMistralHttp.class).baseUrl()).isEqualTo("http://127.0.0.1:3");
			});
	}

	@Test
	void chatCanBeDisabled() {
		this.runner.withPropertyValues("mistral.api-key=k", "mistral.chat.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(MistralChatClient.class);
			assertThat(context).doesNotHaveBean(ReactiveMistralChatClient.class);
			assertThat(context).doesNotHaveBean(MistralChatProperties.class);
			assertThat(context).hasSingleBean(MistralHttp.class);
		});
	}

	@Test
	void reactiveClientsNeedWebFlux() {
		for (FilteredClassLoader hidden : List.of(new FilteredClassLoader(WebClient.class),
				new FilteredClassLoader(Flux.class))) {
			this.runner.withClassLoader(hidden).withPropertyValues("mistral.api-key=k").run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ReactiveMistralHttp.class);
				assertThat(context).doesNotHaveBean(ReactiveMistralChatClient.class);
				assertThat(context).hasSingleBean(MistralChatClient.class);
			});
		}
	}

	@Test
	void environmentVariableAloneIsEnough() {
		answerChat();
		runner(Map.of("MISTRAL_API_KEY", "env-key")).withPropertyValues("mistral.base-url=" + wireMock.baseUrl())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(MistralChatClient.class).complete(ChatCompletionRequest.builder().user("hi").build());
			});
		wireMock.server()
			.verify(postRequestedFor(urlPathEqualTo(CHAT)).withHeader("Authorization", equalTo("Bearer env-key")));
	}

	@Test
	void environmentVariableWorksForTheMistralCloud() {
		runner(Map.of("MISTRAL_API_KEY", "env-key")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MistralConnectionDetails.class).apiKey()).isEqualTo("env-key");
		});
	}

	@Test
	void propertyWinsOverTheEnvironmentVariable() {
		runner(Map.of("MISTRAL_API_KEY", "env-key")).withPropertyValues("mistral.api-key=yaml-key")
			.run((context) -> assertThat(context.getBean(MistralConnectionDetails.class).apiKey())
				.isEqualTo("yaml-key"));
	}

	@Test
	void missingKeyFailsWithAnExplanation() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = new MistralApiKeyMissingFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("https://api.mistral.ai")
				.contains("mistral.api-key")
				.contains("MISTRAL_API_KEY");
			assertThat(analysis.getAction()).contains("MISTRAL_API_KEY")
				.contains("mistral.api-key")
				.contains("mistral.base-url");
		});
	}

	@Test
	void blankKeyIsAMissingKey() {
		runner(Map.of("MISTRAL_API_KEY", "  ")).withPropertyValues("mistral.api-key=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new MistralApiKeyMissingFailureAnalyzer().analyze(context.getStartupFailure())).isNotNull();
		});
	}

	@Test
	void customBaseUrlRunsWithoutAKey() {
		answerChat();
		this.runner.withPropertyValues("mistral.base-url=" + wireMock.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MistralConnectionDetails.class).apiKey()).isNull();
			context.getBean(MistralChatClient.class).complete(ChatCompletionRequest.builder().user("hi").build());
		});
		assertThat(wireMock.server().getAllServeEvents().get(0).getRequest().containsHeader("Authorization")).isFalse();
	}

	@Test
	void springHttpClientsConnectTimeoutApplies() throws IOException {
		try (FullBacklog backlog = FullBacklog.open()) {
			Assumptions.assumeTrue(backlog != null, "this system accepts connections beyond the backlog");
			this.runner
				.withPropertyValues("mistral.base-url=http://127.0.0.1:" + backlog.port(),
						"spring.http.clients.connect-timeout=300ms", "mistral.retry.max-attempts=1")
				.run((context) -> {
					MistralTimeoutException ex = catchThrowableOfType(MistralTimeoutException.class,
							() -> context.getBean(MistralChatClient.class)
								.complete(ChatCompletionRequest.builder().user("hi").build()));
					assertThat(ex.isConnectFailure()).isTrue();
					assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(300));
					assertThat(ex.getMessage()).contains("within PT0.3S");
				});
			this.runner
				.withPropertyValues("mistral.base-url=http://127.0.0.1:" + backlog.port(),
						"spring.http.clients.connect-timeout=300ms", "mistral.http.connect-timeout=200ms",
						"mistral.retry.max-attempts=1")
				.run((context) -> assertThat(catchThrowableOfType(MistralTimeoutException.class,
						() -> context.getBean(MistralChatClient.class)
							.complete(ChatCompletionRequest.builder().user("hi").build())))
					.hasMessageContaining("within PT0.2S"));
			// Boot's JDK factory: the core's own JDK client is built from the same
			// settings
			this.runner
				.withPropertyValues("mistral.base-url=http://127.0.0.1:" + backlog.port(),
						"spring.http.clients.imperative.factory=jdk", "spring.http.clients.connect-timeout=300ms",
						"mistral.retry.max-attempts=1")
				.run((context) -> {
					MistralTimeoutException ex = catchThrowableOfType(MistralTimeoutException.class,
							() -> context.getBean(MistralChatClient.class)
								.complete(ChatCompletionRequest.builder().user("hi").build()));
					assertThat(ex.isConnectFailure()).isTrue();
					assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(300));
				});
		}
	}

	/**
	 * A listening socket whose accept queue is full, so that connecting to it times out.
	 */
	record FullBacklog(ServerSocket server, List<Socket> fillers) implements AutoCloseable {

		static @Nullable FullBacklog open() throws IOException {
			ServerSocket server = new ServerSocket();
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
			List<Socket> fillers = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				Socket socket = new Socket();
				fillers.add(socket);
				try {
					socket.connect(server.getLocalSocketAddress(), 150);
				}
				catch (SocketTimeoutException ex) {
					return new FullBacklog(server, fillers);
				}
			}
			new FullBacklog(server, fillers).close();
			return null;
		}

		int port() {
			return this.server.getLocalPort();
		}

		@Override
		public void close() throws IOException {
			for (Socket socket : this.fillers) {
				socket.close();
			}
			this.server.close();
		}

	}

}
