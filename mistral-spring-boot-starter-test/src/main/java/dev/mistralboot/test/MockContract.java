package dev.mistralboot.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import dev.mistralboot.contract.OpenApiContract;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Finds the Mistral OpenAPI description that {@link MockMistral} validates requests
 * against, once per JVM.
 *
 * <p>
 * Looked up in this order: the file named by the system property
 * {@value OpenApiContract#PATH_PROPERTY} (this project's own build sets it), then the
 * copy packaged into this jar at build time ({@value #RESOURCE}). When neither exists,
 * request validation is off and one WARN line says so.
 */
final class MockContract {

	/** Where the build packages the description inside the jar. */
	static final String RESOURCE = "dev/mistralboot/test/mistral-api.yaml";

	private static final Log logger = LogFactory.getLog(MockContract.class);

	private MockContract() {
	}

	/**
	 * The description, or empty when it is neither named by the system property nor
	 * packaged.
	 * @return the shared contract
	 */
	static Optional<OpenApiContract> get() {
		return Optional.ofNullable(Holder.CONTRACT);
	}

	/**
	 * Reads the description packaged into the jar.
	 * @param classLoader where to look
	 * @return the contract, or empty when the jar was built without the file
	 */
	static Optional<OpenApiContract> fromClasspath(ClassLoader classLoader) {
		try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				return Optional.empty();
			}
			// OpenApiContract reads files: extract once to a temporary file, removed when
			// the JVM exits.
			Path file = Files.createTempFile("mistral-api-", ".yaml");
			file.toFile().deleteOnExit();
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			return OpenApiContract.load(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the packaged Mistral OpenAPI description " + RESOURCE, ex);
		}
	}

	private static @Nullable OpenApiContract load() {
		String property = System.getProperty(OpenApiContract.PATH_PROPERTY);
		if (property != null && !property.isBlank() && !property.contains("${")
				&& Files.isRegularFile(Path.of(property.trim()))) {
			try {
				// The instance the contract module shares with the JVM's other tests:
				// parsed once.
				return OpenApiContract.get();
			}
			catch (RuntimeException ex) {
				logger.warn("MockMistral cannot use the Mistral OpenAPI description named by -D"
						+ OpenApiContract.PATH_PROPERTY + ": " + ex.getMessage() + "; trying the packaged one");
			}
		}
		Optional<OpenApiContract> packaged = fromClasspath(MockContract.class.getClassLoader());
		if (packaged.isPresent()) {
			return packaged.get();
		}
		logger.warn("MockMistral does not validate requests: the Mistral OpenAPI description is not packaged in "
				+ "mistral-spring-boot-starter-test (" + RESOURCE + ") and the system property "
				+ OpenApiContract.PATH_PROPERTY + " names no file"
				+ ((property != null) ? " (it is '" + property + "')" : "") + ". Scripted answers still work. Set -D"
				+ OpenApiContract.PATH_PROPERTY + "=/path/to/mistral-api.yaml to turn validation on.");
		return null;
	}

	private static final class Holder {

		static final @Nullable OpenApiContract CONTRACT = load();

	}

}
