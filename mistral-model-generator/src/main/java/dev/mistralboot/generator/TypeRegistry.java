package dev.mistralboot.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.palantir.javapoet.ClassName;
import tools.jackson.databind.JsonNode;

/**
 * The Java types named by {@code model-types.yaml}: the generated ones and the
 * hand-written ones, by simple name and by the schema they model.
 */
final class TypeRegistry {

	private final Map<String, ClassName> bySimpleName = new LinkedHashMap<>();

	private final Map<String, ClassName> bySchema = new LinkedHashMap<>();

	private final List<Entry> generated = new ArrayList<>();

	TypeRegistry(JsonNode config) {
		for (Map.Entry<String, JsonNode> family : ModelGenerator.fields(config.path("families")).entrySet()) {
			String pkg = family.getValue().path("package").asString();
			for (Map.Entry<String, JsonNode> type : ModelGenerator.fields(family.getValue().path("types")).entrySet()) {
				ClassName name = ClassName.get(pkg, type.getKey());
				register(name, type.getValue());
				this.generated.add(new Entry(family.getKey(), name, type.getValue()));
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
