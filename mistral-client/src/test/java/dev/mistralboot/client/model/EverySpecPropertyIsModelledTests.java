package dev.mistralboot.client.model;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.mistralboot.contract.OpenApiContract;
import dev.mistralboot.generator.ModelGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schema reachable from an operation our clients expose has a Java type in
 * {@code model-types.yaml} (generated or hand-written), and every property of it has a
 * Java counterpart: a new field in the API description fails here until it is modelled.
 * One test per family. Skips without the description outside CI, fails under
 * {@code CI=true}.
 */
class EverySpecPropertyIsModelledTests {

	private static JsonNode config;

	private static JsonNode schemas;

	private static JsonNode paths;

	/** Java type by schema name, over every family. */
	private static final Map<String, String> JAVA_TYPES = new LinkedHashMap<>();

	/** Hand-written types that read and write their JSON themselves (customJson). */
	private static final Set<String> CUSTOM_JSON = new LinkedHashSet<>();

	/** Schemas without a Java type of their own: where their properties live, or "". */
	private static final Map<String, String> NOT_MODELLED = new LinkedHashMap<>();

	@BeforeAll
	static void read() throws IOException {
		OpenApiContract contract = OpenApiContract.get();
		JsonNode spec = YAMLMapper.builder()
			.build()
			.readTree(Files.readString(contract.source(), StandardCharsets.UTF_8));
		schemas = spec.path("components").path("schemas");
		paths = spec.path("paths");
		config = ModelGenerator.configuration();
		config.path("families").properties().forEach((family) -> {
			String pkg = family.getValue().path("package").asString();
			for (String section : List.of("types", "handWritten")) {
				family.getValue().path(section).properties().forEach((type) -> {
					String className = type.getValue().path("class").asString(pkg + "." + type.getKey());
					List<String> modelled = new ArrayList<>();
					if (type.getValue().path("schema").isString()) {
						modelled.add(type.getValue().path("schema").asString());
					}
					type.getValue().path("alsoSchemas").forEach((schema) -> modelled.add(schema.asString()));
					modelled.forEach((schema) -> JAVA_TYPES.putIfAbsent(schema, className));
					if (type.getValue().path("customJson").asBoolean(false)) {
						CUSTOM_JSON.add(className);
					}
				});
			}
			family.getValue()
				.path("notModelled")
				.properties()
				.forEach((schema) -> NOT_MODELLED.put(schema.getKey(),
						schema.getValue().isObject() ? schema.getValue().path("into").asString("") : ""));
		});
	}

	static List<String> families() {
		return List.of("models", "files", "batch", "finetuning", "ocr", "classifiers", "embeddings", "fim", "agents",
				"chat", "libraries",
				// conversations
				"conversations");
	}

	@ParameterizedTest
	@MethodSource("families")
	void everyReachableSchemaAndPropertyHasAJavaCounterpart(String family) throws ClassNotFoundException {
		JsonNode familyConfig = config.path("families").path(family);
		assertThat(familyConfig.path("operations").size()).as("operations of %s", family).isPositive();
		Set<String> reachable = new TreeSet<>();
		for (JsonNode operationId : familyConfig.path("operations")) {
			JsonNode operation = operation(operationId.asString());
			collectRefs(operation, reachable);
		}
		List<String> problems = new ArrayList<>();
		for (String schema : reachable) {
			String javaType = JAVA_TYPES.get(schema);
			if (javaType == null && NOT_MODELLED.containsKey(schema)) {
				javaType = NOT_MODELLED.get(schema);
				if (javaType.isEmpty()) {
					continue;
				}
			}
			if (javaType == null) {
				problems.add("schema " + schema + " has no Java type in model-types.yaml");
				continue;
			}
			Set<String> properties = properties(schemas.path(schema));
			if (properties.isEmpty() || CUSTOM_JSON.contains(javaType)) {
				continue;
			}
			Set<String> json = jsonProperties(Class.forName(javaType));
			for (String property : properties) {
				if (!json.contains(property)) {
					problems.add(schema + "." + property + " has no counterpart in " + javaType);
				}
			}
		}
		assertThat(problems).as("family %s: model the missing types and properties (see CONTRIBUTING.md)", family)
			.isEmpty();
	}

	private static JsonNode operation(String operationId) {
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (operationId.equals(method.getValue().path("operationId").asString(null))) {
					return method.getValue();
				}
			}
		}
		throw new AssertionError("No operation " + operationId + " in the OpenAPI description (any more)");
	}

	private static void collectRefs(JsonNode node, Set<String> found) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if (field.getKey().equals("$ref")) {
					String ref = field.getValue().asString();
					String schema = ref.substring(ref.lastIndexOf('/') + 1);
					if (ref.startsWith("#/components/schemas/") && !schema.equals("HTTPValidationError")
							&& found.add(schema)) {
						collectRefs(schemas.path(schema), found);
					}
				}
				else {
					collectRefs(field.getValue(), found);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach((item) -> collectRefs(item, found));
		}
	}

	/** The properties of a schema, with those of its allOf parts. */
	private static Set<String> properties(JsonNode schema) {
		Set<String> properties = new LinkedHashSet<>(schema.path("properties").propertyNames());
		for (JsonNode part : schema.path("allOf")) {
			JsonNode resolved = part.has("$ref")
					? schemas.path(part.path("$ref").asString().substring("#/components/schemas/".length())) : part;
			properties.addAll(properties(resolved));
		}
		return properties;
	}

	/**
	 * The JSON property names a type reads and writes: record components (renamed by
	 * {@code @JsonProperty} or the snake-case naming), {@code @JsonProperty} methods, and
	 * for a sealed interface those of every permitted type.
	 */
	private static Set<String> jsonProperties(Class<?> type) {
		Set<String> names = new LinkedHashSet<>();
		if (type.isSealed()) {
			for (Class<?> permitted : type.getPermittedSubclasses()) {
				names.addAll(jsonProperties(permitted));
			}
		}
		for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
			addTypeProperty(declaring, names);
		}
		for (Class<?> implemented : type.getInterfaces()) {
			addTypeProperty(implemented, names);
		}
		boolean snakeCase = type.isAnnotationPresent(JsonNaming.class) && type.getAnnotation(JsonNaming.class)
			.value()
			.equals(PropertyNamingStrategies.SnakeCaseStrategy.class);
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
				if (renamed != null && !renamed.value().isEmpty()) {
					names.add(renamed.value());
				}
				else {
					names.add(snakeCase ? snake(component.getName()) : component.getName());
				}
			}
		}
		for (Method method : type.getMethods()) {
			JsonProperty property = method.getAnnotation(JsonProperty.class);
			if (property != null && !Modifier.isStatic(method.getModifiers())) {
				names.add(property.value().isEmpty() ? method.getName() : property.value());
			}
		}
		return names;
	}

	private static void addTypeProperty(Class<?> type, Set<String> names) {
		JsonTypeInfo info = type.getAnnotation(JsonTypeInfo.class);
		if (info != null && !info.property().isEmpty()) {
			names.add(info.property());
		}
	}

	private static String snake(String name) {
		return name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
	}

}
