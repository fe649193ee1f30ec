package dev.mistralboot.client.chat.tools;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.github.victools.jsonschema.module.jackson.JsonPropertySorter;
import dev.mistralboot.client.core.MistralJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns Java types into JSON schemas (draft 2020-12) for tool parameters and structured
 * output, with <a href="https://github.com/victools/jsonschema-generator">victools
 * jsonschema-generator</a> and its Jackson module: records and beans, enums (with the
 * values the mapper writes: {@code @JsonValue}, {@code @JsonProperty}), lists, arrays,
 * maps, nested objects ({@code $defs} for types used more than once or recursively),
 * {@code Optional}, {@code java.time} types as formatted strings, property names and
 * descriptions from Jackson annotations ({@code @JsonProperty},
 * {@code @JsonPropertyDescription}, {@code @JsonClassDescription}) and from
 * {@link ToolParam}.
 * <p>
 * A property is required unless its type is an {@code Optional}, it is annotated with a
 * {@code @Nullable} annotation (any package, such as JSpecify's), or with
 * {@code @ToolParam(required = false)}. Objects forbid other properties
 * ({@code "additionalProperties": false}), as strict structured output needs. The schemas
 * carry no {@code $schema} keyword.
 * <p>
 * Thread-safe; schemas of types are cached.
 */
public final class JsonSchemaGenerator {

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private final JsonMapper mapper;

	private final SchemaGenerator generator;

	private final Map<Type, Map<String, Object>> cache = new ConcurrentHashMap<>();

	/**
	 * Creates a generator with the clients' default mapper.
	 */
	public JsonSchemaGenerator() {
		this(MistralJson.defaultMapper());
	}

	/**
	 * Creates a generator.
	 * @param mapper the mapper whose node factory builds the schemas
	 */
	public JsonSchemaGenerator(JsonMapper mapper) {
		this.mapper = Objects.requireNonNull(mapper, "mapper");
		SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON);
		// Enum values exactly as the mapper writes them (@JsonValue, @JsonProperty, even
		// when not public)
		config.forTypesInGeneral()
			.withCustomDefinitionProvider(this::enumDefinition)
			.withPropertySorter(new JsonPropertySorter(false));
		config.with(new JacksonSchemaModule())
			.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
					Option.FLATTENED_OPTIONALS, Option.ADDITIONAL_FIXED_TYPES, Option.STANDARD_FORMATS,
					Option.PLAIN_DEFINITION_KEYS)
			.without(Option.SCHEMA_VERSION_INDICATOR);
		config.forFields()
			.withRequiredCheck(JsonSchemaGenerator::isRequired)
			.withNullableCheck((field) -> (field.getRawMember() != null
					&& hasNullable(field.getRawMember().getAnnotations(), field.getRawMember().getAnnotatedType()))
							? true : null)
			.withDescriptionResolver((field) -> {
				ToolParam param = field.getAnnotationConsideringFieldAndGetter(ToolParam.class);
				return (param != null && !param.description().isBlank()) ? param.description() : null;
			});
		this.generator = new SchemaGenerator(config.build());
	}

	/**
	 * The schema of a type, such as a record for structured output.
	 * @param type the type (a {@code Class} or a generic type)
	 * @return the schema, as maps and lists (do not modify)
	 */
	public Map<String, Object> schemaOf(Type type) {
		Objects.requireNonNull(type, "type");
		return this.cache.computeIfAbsent(type, (key) -> toMap(this.generator.generateSchema(key)));
	}

	/**
	 * The parameter schema of a method: an object with one property per parameter, named
	 * by {@link ToolParam#name()} or the parameter's name, described by
	 * {@link ToolParam#description()}.
	 * @param method the method
	 * @return the schema, as maps and lists
	 * @throws IllegalArgumentException when a parameter has no name (compiled without
	 * {@code -parameters} and no {@code @ToolParam(name = ...)}), or two parameters share
	 * a name
	 */
	public Map<String, Object> parametersOf(Method method) {
		SchemaBuilder builder = this.generator.buildMultipleSchemaDefinitions();
		Parameter[] parameters = method.getParameters();
		Map<String, ObjectNode> references = new LinkedHashMap<>();
		Map<String, String> descriptions = new LinkedHashMap<>();
		ArrayNode required = this.mapper.createArrayNode();
		for (Parameter parameter : parameters) {
			String name = parameterName(method, parameter);
			if (references.containsKey(name)) {
				throw new IllegalArgumentException("Two parameters of " + describe(method) + " are named '" + name
						+ "': give them distinct names with @ToolParam(name = ...)");
			}
			references.put(name, builder.createSchemaReference(unwrapOptional(parameter.getParameterizedType())));
			ToolParam param = parameter.getAnnotation(ToolParam.class);
			if (param != null && !param.description().isBlank()) {
				descriptions.put(name, param.description());
			}
			if (isRequired(parameter)) {
				required.add(name);
			}
		}
		ObjectNode definitions = builder.collectDefinitions("$defs");
		ObjectNode schema = this.mapper.createObjectNode();
		schema.put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		references.forEach((name, reference) -> {
			String description = descriptions.get(name);
			if (description != null) {
				reference.put("description", description);
			}
			properties.set(name, reference);
		});
		if (!required.isEmpty()) {
			schema.set("required", required);
		}
		schema.put("additionalProperties", false);
		if (!definitions.isEmpty()) {
			schema.set("$defs", definitions);
		}
		return toMap(schema);
	}

	/**
	 * The JSON name of a method parameter: {@link ToolParam#name()} or the compiled name.
	 * @param method the method
	 * @param parameter one of its parameters
	 * @return the name
	 * @throws IllegalArgumentException when the name was not compiled in and is not given
	 */
	static String parameterName(Method method, Parameter parameter) {
		ToolParam param = parameter.getAnnotation(ToolParam.class);
		if (param != null && !param.name().isBlank()) {
			return param.name();
		}
		if (!parameter.isNamePresent()) {
			throw new IllegalArgumentException("The parameter names of " + describe(method)
					+ " were not compiled in: compile with -parameters (Spring Boot's Maven and Gradle plugins do) "
					+ "or name each parameter with @ToolParam(name = ...)");
		}
		return parameter.getName();
	}

	/**
	 * Whether a method parameter must be given.
	 * @param parameter the parameter
	 * @return {@code false} for {@code Optional}, {@code @Nullable} and
	 * {@code @ToolParam(required = false)}
	 */
	static boolean isRequired(Parameter parameter) {
		ToolParam param = parameter.getAnnotation(ToolParam.class);
		return !isOptionalType(parameter.getType()) && (param == null || param.required())
				&& !hasNullable(parameter.getAnnotations(), parameter.getAnnotatedType());
	}

	private static boolean isRequired(FieldScope field) {
		ToolParam param = field.getAnnotationConsideringFieldAndGetter(ToolParam.class);
		if (param != null && !param.required()) {
			return false;
		}
		Field raw = field.getRawMember();
		if (raw == null) {
			return false;
		}
		return !isOptionalType(raw.getType()) && !hasNullable(raw.getAnnotations(), raw.getAnnotatedType());
	}

	static boolean isOptionalType(Class<?> type) {
		return type == Optional.class || type == OptionalInt.class || type == OptionalLong.class
				|| type == OptionalDouble.class;
	}

	private static boolean hasNullable(Annotation[] declared, @Nullable AnnotatedType type) {
		List<Annotation> all = new ArrayList<>(List.of(declared));
		if (type != null) {
			all.addAll(List.of(type.getAnnotations()));
		}
		for (Annotation annotation : all) {
			if (annotation.annotationType().getSimpleName().equals("Nullable")) {
				return true;
			}
		}
		return false;
	}

	private @Nullable CustomDefinition enumDefinition(ResolvedType type, SchemaGenerationContext context) {
		Class<?> raw = type.getErasedType();
		if (!raw.isEnum()) {
			return null;
		}
		ObjectNode schema = context.getGeneratorConfig().createObjectNode();
		ArrayNode values = schema.arrayNode();
		boolean strings = true;
		for (Object constant : raw.getEnumConstants()) {
			JsonNode value = this.mapper.valueToTree(constant);
			strings &= value.isString();
			values.add(value);
		}
		if (strings) {
			schema.put("type", "string");
		}
		schema.set("enum", values);
		return new CustomDefinition(schema, CustomDefinition.DefinitionType.INLINE,
				CustomDefinition.AttributeInclusion.YES);
	}

	/**
	 * The type a value of this parameter type is read as: {@code Optional<T>} is read as
	 * {@code T}.
	 * @param type the declared type
	 * @return the type whose schema describes the parameter
	 */
	static Type unwrapOptional(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
			return parameterized.getActualTypeArguments()[0];
		}
		if (type == OptionalInt.class) {
			return Integer.class;
		}
		if (type == OptionalLong.class) {
			return Long.class;
		}
		if (type == OptionalDouble.class) {
			return Double.class;
		}
		return type;
	}

	static String describe(Method method) {
		return method.getDeclaringClass().getName() + "." + method.getName();
	}

	private Map<String, Object> toMap(ObjectNode node) {
		return java.util.Collections.unmodifiableMap(this.mapper.convertValue(node, MAP));
	}

}
