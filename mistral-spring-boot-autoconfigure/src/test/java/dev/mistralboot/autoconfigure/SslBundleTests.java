package dev.mistralboot.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.mistralboot.client.core.ApiRequest;
import dev.mistralboot.client.core.MistralHttp;
import dev.mistralboot.client.core.MistralIoException;
import dev.mistralboot.client.core.ReactiveMistralHttp;
import dev.mistralboot.contract.WireMockContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spring Boot SSL bundles reach every transport of the auto-configured cores: the core's
 * own JDK client, Boot's request factories (JDK, Reactor Netty) and WebClient. The server
 * is an HTTPS WireMock on loopback whose self-signed certificate is generated for this
 * test with the JDK's keytool; clients trust it only through the bundle.
 */
class SslBundleTests {

	private static final String PASSWORD = "test-only-password";

	@TempDir
	static Path dir;

	private static WireMockServer server;

	private static Path certificate;

	@BeforeAll
	static void startHttpsServer() throws Exception {
		Path keystore = dir.resolve("server.p12");
		certificate = dir.resolve("server.pem");
		keytool("-genkeypair", "-alias", "mock", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "mock", "-keystore", keystore.toString(), "-storepass", PASSWORD,
				"-file", certificate.toString());
		server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.httpDisabled(true)
			.httpsPort(0)
			.keystorePath(keystore.toString())
			.keystoreType("PKCS12")
			.keystorePassword(PASSWORD)
			.keyManagerPassword(PASSWORD));
		server.start();
		server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"object\":\"list\",\"data\":[]}")));
	}

	private static void keytool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@AfterEach
	void conforms() {
		WireMockContract.assertAllRequestsConform(server);
		server.resetRequests();
	}

	private ApplicationContextRunner runner(String... properties) {
		return MistralAutoConfigurationTests.runner(Map.of())
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("mistral.base-url=https://127.0.0.1:" + server.httpsPort(), "mistral.api-key=ssl-key",
					"mistral.retry.max-attempts=1",
					"spring.ssl.bundle.pem.mistral.truststore.certificate=file:" + certificate)
			.withPropertyValues(properties);
	}

	private static void listsModels(MistralHttp http) {
		JsonNode models = http.execute(ApiRequest.get("/v1/models").operation("models.list").build(), JsonNode.class)
			.body();
		assertThat(models.path("object").asString()).isEqualTo("list");
	}

	@Test
	void coresOwnJdkClient() {
		runner("spring.http.clients.ssl.bundle=mistral", "spring.http.clients.imperative.factory=jdk")
			.run((context) -> listsModels(context.getBean(MistralHttp.class)));
		assertThat(server.getAllServeEvents()).hasSize(1);
	}

	@Test
	void bootsJdkRequestFactory() {
		runner("spring.http.clients.ssl.bundle=mistral", "spring.http.clients.imperative.factory=jdk",
				"mistral.http.own-jdk-client=false")
			.run((context) -> listsModels(context.getBean(MistralHttp.class)));
		assertThat(server.getAllServeEvents()).hasSize(1);
	}

	@Test
	void bootsReactorNettyRequestFactory() {
		runner("spring.http.clients.ssl.bundle=mistral", "spring.http.clients.imperative.factory=reactor")
			.run((context) -> listsModels(context.getBean(MistralHttp.class)));
		assertThat(server.getAllServeEvents()).hasSize(1);
	}

	@Test
	void webClient() {
		runner("spring.http.clients.ssl.bundle=mistral").run((context) -> {
			JsonNode models = context.getBean(ReactiveMistralHttp.class)
				.execute(ApiRequest.get("/v1/models").operation("models.list").build(), JsonNode.class)
				.block(java.time.Duration.ofSeconds(30))
				.body();
			assertThat(models.path("object").asString()).isEqualTo("list");
		});
		assertThat(server.getAllServeEvents()).hasSize(1);
	}

	@Test
	void withoutTheBundleTheCertificateIsNotTrusted() {
		runner("spring.http.clients.imperative.factory=jdk")
			.run((context) -> assertThatThrownBy(() -> listsModels(context.getBean(MistralHttp.class)))
				.isInstanceOf(MistralIoException.class));
		assertThat(server.getAllServeEvents()).isEmpty();
	}

}
