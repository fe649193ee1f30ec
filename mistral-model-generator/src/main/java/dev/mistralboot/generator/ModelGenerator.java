package dev.mistralboot.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes the model types of {@code mistral-client} from the Mistral OpenAPI description,
 * the configuration {@code model-types.yaml} and our own Javadoc
 * {@code model-javadoc.yaml}. Run it with the command in {@code CONTRIBUTING.md} ("Model
 * types").
 *
 * <p>
 * System properties: {@value #SPEC_PROPERTY} (the description; by default
 * {@code ../shared/openapi/mistral-api.yaml} next to the repository) and
 * {@value #OUTPUT_PROPERTY} (the source root written to; by default
 * {@code mistral-client/src/main/java} of the repository).
 */
public final class ModelGenerator {

	/** System property naming the OpenAPI description file. */
	public static final String SPEC_PROPERTY = "mistral.openapi.path";

	/** System property naming the source root the generated files are written to. */
	public static final String OUTPUT_PROPERTY = "mistral.generator.output";

	/** The command that regenerates the sources, as written in every generated file. */
	public static final String COMMAND = "./mvnw -B -q -pl mistral-model-generator -Pregenerate process-classes";

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private final JsonNode spec;

	private final JsonNode config;

	private final JsonNode javadoc;

	/**
	 * A generator over a parsed description and configuration.
	 * @param spec the OpenAPI description
	 * @param config the configuration ({@code model-types.yaml})
	 * @param javadoc our Javadoc ({@code model-javadoc.yaml})
	 */
	public ModelGenerator(JsonNode spec, JsonNode config, JsonNode javadoc) {
		this.spec = Objects.requireNonNull(spec, "spec");
		this.config = Objects.requireNonNull(config, "config");
		this.javadoc = Objects.requireNonNull(javadoc, "javadoc");
	}

	/**
	 * A generator reading the description from a file and the configuration from the
	 * class path.
	 * @param specFile the OpenAPI description
	 * @return the generator
	 */
	public static ModelGenerator forSpec(Path specFile) {
		if (!Files.isRegularFile(specFile)) {
			throw new IllegalStateException("No OpenAPI description at " + specFile.toAbsolutePath()
					+ ": pass its location with -D" + SPEC_PROPERTY + "=/path/to/mistral-api.yaml");
		}
		try {
			return new ModelGenerator(YAML.readTree(Files.readString(specFile, StandardCharsets.UTF_8)),
					readResource("model-types.yaml"), readResource("model-javadoc.yaml"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + specFile, ex);
		}
	}

	/**
	 * The configuration file, as read from the class path.
	 * @return the parsed {@code model-types.yaml}
	 */
	public static JsonNode configuration() {
		return readResource("model-types.yaml");
	}

	private static JsonNode readResource(String name) {
		try (InputStream in = ModelGenerator.class.getResourceAsStream("/" + name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is not on the class path");
			}
			return YAML.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + name, ex);
		}
	}

	/**
	 * Generates every configured type.
	 * @return the formatted sources by path relative to the source root (for example
	 * {@code dev/mistralboot/client/files/FileObject.java}), sorted
	 */
	public Map<String, String> generate() {
		TypeRegistry types = new TypeRegistry(this.config);
		JavaWriter writer = new JavaWriter(this.spec, this.config, this.javadoc, types);
		Map<String, String> sources = new TreeMap<>();
		for (TypeRegistry.Entry entry : types.generated()) {
			String source = SourceFormatter.format(writer.write(entry));
			String path = entry.className().packageName().replace('.', '/') + "/" + entry.className().simpleName()
					+ ".java";
			sources.put(path, source);
		}
		return sources;
	}

	/**
	 * The paths, relative to the source root, of every file this generator writes.
	 * @param config the configuration
	 * @return the paths
	 */
	public static List<String> generatedPaths(JsonNode config) {
		List<String> paths = new ArrayList<>();
		for (TypeRegistry.Entry entry : new TypeRegistry(config).generated()) {
			paths.add(
					entry.className().packageName().replace('.', '/') + "/" + entry.className().simpleName() + ".java");
		}
		return paths;
	}

	/**
	 * Writes the generated sources under a source root, replacing what is there.
	 * @param root the source root
	 * @return the paths written
	 */
	public List<Path> writeTo(Path root) {
		List<Path> written = new ArrayList<>();
		for (Map.Entry<String, String> source : generate().entrySet()) {
			Path file = root.resolve(source.getKey());
			try {
				Files.createDirectories(file.getParent());
				Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write " + file, ex);
			}
			written.add(file);
		}
		return written;
	}

	/**
	 * Regenerates the model types of {@code mistral-client}.
	 * @param args not used
	 */
	public static void main(String[] args) {
		Path spec = Path.of(property(SPEC_PROPERTY, "../shared/openapi/mistral-api.yaml"));
		Path output = Path.of(property(OUTPUT_PROPERTY, "mistral-client/src/main/java"));
		List<Path> written = forSpec(spec).writeTo(output);
		System.out.println("mistral-model-generator: wrote " + written.size() + " files under " + output);
	}

	private static String property(String name, String fallback) {
		String value = System.getProperty(name);
		return (value == null || value.isBlank() || value.contains("${")) ? fallback : value.trim();
	}

	static Map<String, JsonNode> fields(@Nullable JsonNode node) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		if (node != null && node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				fields.put(field.getKey(), field.getValue());
			}
		}
		return fields;
	}

}
