package dev.mistralboot.test.autoconfigure;

import dev.mistralboot.autoconfigure.MistralConnectionDetails;
import dev.mistralboot.test.MockMistral;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application supplying its own {@link MistralConnectionDetails} (Boot's
 * {@link ConnectionDetails}: a secret store, a container) to a non-loopback host: under
 * {@link AutoConfigureMockMistral} every family still talks to the mock.
 */
@SpringBootTest(properties = { "mistral.http.connect-timeout=2s", "mistral.retry.max-attempts=1" })
@AutoConfigureMockMistral
@Import(UserConnectionDetailsTests.UserConnection.class)
class UserConnectionDetailsTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MockMistral mistral;

	@Test
	void theApplicationsConnectionDetailsAreRedirected() {
		assertThat(this.context.getBean(ConnectionDetails.class)).isInstanceOf(MistralConnectionDetails.class);
		assertThat(this.context.getBean(MistralConnectionDetails.class).baseUrl()).isEqualTo(this.mistral.baseUrl());
		EveryFamily.call(this.context);
		EveryFamily.assertAllReachedTheMock(this.mistral);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class UserConnection {

		@Bean
		MistralConnectionDetails vaultConnectionDetails() {
			return MistralConnectionDetails.of("http://203.0.113.5", "real-key-from-a-vault");
		}

	}

}
