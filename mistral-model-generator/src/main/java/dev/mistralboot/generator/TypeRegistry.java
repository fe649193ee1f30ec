package dev.mistralboot.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.palantir.javapoet.ClassName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Java types named by {@code model-types.yaml}: the generated ones and the
 * hand-written ones, by simple name and by the schema they model.
 */
final class TypeRegistry {

	/** The kind of the fallback member of a union, generated beside it. */
	static final String UNION_UNKNOWN = "unionUnknown";

	private final Map<String, ClassName> bySimpleName = new LinkedHashMap<>();

	private final Map<String, ClassName> bySchema = new LinkedHashMap<>();

	private final List<Entry> generated = new ArrayList<>();

	private final Map<String, ClassName> unionOf = new LinkedHashMap<>();

	TypeRegistry(JsonNode config) {
		for (Map.Entry<String, JsonNode> family : ModelGenerator.fields(config.path("families")).entrySet()) {
			String pkg = family.getValue().path("package").asString();
			for (Map.Entry<String, JsonNode> type : ModelGenerator.fields(family.getValue().path("types")).entrySet()) {
				ClassName name = ClassName.get(pkg, type.getKey());
				register(name, type.getValue());
				this.generated.add(new Entry(family.getKey(), name, type.getValue()));
				registerUnion(family.getKey(), name, type.getValue());
			}
			for (Map.Entry<String, JsonNode> type : ModelGenerator.fields(family.getValue().path("handWritten"))
				.entrySet()) {
				String qualified = type.getValue().path("class").asString(null);
				ClassName name = (qualified != null) ? ClassName.bestGuess(qualified)
						: ClassName.get(pkg, type.getKey());
				register(name, type.getValue());
			}
		}
	}

	/**
	 * A union ({@code kind: union}) also names its fallback member, generated from the
	 * union's configuration, and the generated members that implement it.
	 */
	private void registerUnion(String family, ClassName union, JsonNode type) {
		if (!type.path("kind").asString("").equals("union")) {
			return;
		}
		String unknown = type.path("unknown").asString(null);
		if (unknown == null) {
			throw new IllegalStateException(union.simpleName() + ": a union names its fallback member under unknown");
		}
		ClassName unknownName = ClassName.get(union.packageName(), unknown);
		ObjectNode unknownNode = JsonNodeFactory.instance.objectNode();
		unknownNode.put("kind", UNION_UNKNOWN);
		unknownNode.put("union", union.simpleName());
		register(unknownName, unknownNode);
		this.generated.add(new Entry(family, unknownName, unknownNode));
		this.unionOf.put(unknownName.simpleName(), union);
		for (JsonNode member : ModelGenerator.fields(type.path("members")).values()) {
			this.unionOf.put(member.asString(), union);
		}
	}

	/**
	 * The generated union a type is a member of.
	 * @param simpleName the member's simple name
	 * @return the union, or {@code null}
	 */
	@Nullable ClassName unionOf(String simpleName) {
		return this.unionOf.get(simpleName);
	}

	/**
	 * The generated type of a simple name.
	 * @param simpleName the simple name
	 * @param where who asks (for the message)
	 * @return the entry
	 */
	Entry generatedEntry(String simpleName, String where) {
		for (Entry entry : this.generated) {
			if (entry.className().simpleName().equals(simpleName)) {
				return entry;
			}
		}
		throw new IllegalStateException(
				where + " names " + simpleName + ", which is not a generated type of model-types.yaml");
	}

	private void register(ClassName name, JsonNode type) {
		this.bySimpleName.putIfAbsent(name.simpleName(), name);
		for (String schema : schemas(type)) {
			this.bySchema.putIfAbsent(schema, name);
		}
	}

	/**
	 * The schemas a configured type models: {@code schema} and {@code alsoSchemas}.
	 */
	static List<String> schemas(JsonNode type) {
		List<String> schemas = new ArrayList<>();
		if (type.path("schema").isString()) {
			schemas.add(type.path("schema").asString());
		}
		type.path("alsoSchemas").forEach((schema) -> schemas.add(schema.asString()));
		return schemas;
	}

	List<Entry> generated() {
		return this.generated;
	}

	ClassName forSchema(String schema, String where) {
		ClassName name = this.bySchema.get(schema);
		if (name == null) {
			throw new IllegalStateException(where + " refers to schema " + schema
					+ ", which no type of model-types.yaml models: add it (types or handWritten) or override the "
					+ "property's type");
		}
		return name;
	}

	ClassName forSimpleName(String simpleName, String where) {
		ClassName name = this.bySimpleName.get(simpleName);
		if (name == null) {
			throw new IllegalStateException(where + " names type " + simpleName
					+ ", which model-types.yaml does not know: use a qualified name or add it");
		}
		return name;
	}

	/**
	 * One generated type.
	 *
	 * @param family the family key
	 * @param className the Java class
	 * @param node its configuration
	 */
	record Entry(String family, ClassName className, JsonNode node) {

		String kind() {
			return this.node.path("kind").asString("record");
		}

	}

}
