package dev.mistralboot.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample web application: open http://localhost:8080 after
 *
 * <pre>
 * ./mvnw -B -pl sample-app -am compile spring-boot:run
 * </pre>
 *
 * With {@code MISTRAL_API_KEY} set it talks to the Mistral API; without it,
 * {@link MockMode} starts an embedded mock server. One controller per feature:
 * {@code chat}, {@code payments} (tool calling), {@code search} (embeddings),
 * {@code finetuning}, {@code agents} (an agent and its conversations), {@code library}
 * (document libraries), {@code audio} (transcription and speech).
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Starts the application.
	 * @param args command-line arguments, for example {@code --server.port=9090}
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
