package dev.mistralboot.client.options;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.mistralboot.client.chat.ChatCompletionRequest;
import dev.mistralboot.client.chat.ChatDefaults;
import dev.mistralboot.client.chat.MistralChatClient;
import dev.mistralboot.client.chat.ReactiveMistralChatClient;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralServerException;
import dev.mistralboot.client.core.RequestOptions;
import dev.mistralboot.client.core.ResponseMetadata;
import dev.mistralboot.client.models.MistralModelsClient;
import dev.mistralboot.client.test.Fixtures;
import dev.mistralboot.client.test.MistralWireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every client's {@code withOptions} returns a client of the same type that applies the
 * options to its calls and leaves the client it came from alone; shown on a blocking and
 * a reactive client over HTTP (the core's own tests cover each option on every
 * transport).
 */
class WithOptionsTests {

	@RegisterExtension
	static final MistralWireMock wireMock = new MistralWireMock();

	private static final String MODELS = "{\"object\":\"list\",\"data\":[]}";

	@Test
	void everyClientHasAView() throws Exception {
		Path classes = Path.of(MistralHttp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<Class<?>> clients;
		try (Stream<Path> files = Files.walk(classes.resolve("dev/mistralboot/client"))) {
			clients = files.map((file) -> classes.relativize(file).toString())
				.filter((name) -> name.matches(".*/(Reactive)?Mistral[A-Za-z]*Client\\.class"))
				.<Class<?>>map((name) -> load(name.substring(0, name.length() - ".class".length()).replace('/', '.')))
				.filter((type) -> Modifier.isPublic(type.getModifiers()))
				.toList();
		}
		assertThat(clients).hasSizeGreaterThanOrEqualTo(14);
		for (Class<?> client : clients) {
			Method view = client.getMethod("withOptions", RequestOptions.class);
			assertThat(view.getReturnType()).as(client.getSimpleName()).isEqualTo(client);
		}
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aBlockingClientsViewSendsTheHeadersAndReportsTheMetadata() {
		wireMock.stubJson(get(urlPathEqualTo("/v1/models")), "list_models_v1_models_get", MODELS);
		MistralModelsClient models = new MistralModelsClient(wireMock.http());
		List<ResponseMetadata> seen = new CopyOnWriteArrayList<>();

		models.withOptions(RequestOptions.builder().header("X-Tenant", "cheese-shop").onResponse(seen::add).build())
			.list();
		models.list();

		assertThat(seen).singleElement().extracting(ResponseMetadata::statusCode).isEqualTo(200);
		wireMock.server()
			.verify(1, getRequestedFor(urlPathEqualTo("/v1/models")).withHeader("X-Tenant", equalTo("cheese-shop")));
		wireMock.server().verify(1, getRequestedFor(urlPathEqualTo("/v1/models")).withHeader("X-Tenant", absent()));
	}

	@Test
	void aBlockingClientsViewSendsACallAsManyTimesAsItSays() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"busy\"}")));
		MistralChatClient chat = new MistralChatClient(wireMock.retryingHttp(),
				new ChatDefaults("mistral-small-latest", null, null, null));

		assertThatExceptionOfType(MistralServerException.class)
			.isThrownBy(() -> chat.withOptions(RequestOptions.builder().maxAttempts(1).build())
				.complete(ChatCompletionRequest.builder().user("Which cheese?").build()));

		wireMock.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
	}

	@Test
	void aReactiveClientsViewSendsTheHeadersAndReportsTheMetadata() {
		wireMock.server()
			.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(Fixtures.text("chat-response.json"))));
		ReactiveMistralChatClient chat = new ReactiveMistralChatClient(wireMock.reactiveHttp(),
				new ChatDefaults("mistral-small-latest", null, null, null));
		List<ResponseMetadata> seen = new CopyOnWriteArrayList<>();

		StepVerifier
			.create(chat
				.withOptions(RequestOptions.builder().header("X-Tenant", "cheese-shop").onResponse(seen::add).build())
				.complete(ChatCompletionRequest.builder().user("Which cheese?").build()))
			.assertNext((response) -> assertThat(response.text()).isEqualTo("Comté is the best."))
			.verifyComplete();

		assertThat(seen).singleElement().extracting(ResponseMetadata::statusCode).isEqualTo(200);
		wireMock.server()
			.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withHeader("X-Tenant",
					equalTo("cheese-shop")));
	}

}
