package dev.mistralboot.client.chat;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Whether and which tools the model must use: {@link #AUTO}, {@link #NONE}, {@link #ANY},
 * {@link #REQUIRED}, or one {@link #function(String) named function}.
 */
public final class ToolChoice {

	/** The model decides (the default). */
	public static final ToolChoice AUTO = new ToolChoice("auto", null);

	/** The model must not call tools. */
	public static final ToolChoice NONE = new ToolChoice("none", null);

	/** The model must call at least one tool. */
	public static final ToolChoice ANY = new ToolChoice("any", null);

	/** The model must call at least one tool (same as {@link #ANY}). */
	public static final ToolChoice REQUIRED = new ToolChoice("required", null);

	private final @Nullable String mode;

	private final @Nullable String functionName;

	private ToolChoice(@Nullable String mode, @Nullable String functionName) {
		this.mode = mode;
		this.functionName = functionName;
	}

	/**
	 * The model must call this function.
	 * @param name the function name
	 * @return the choice
	 */
	public static ToolChoice function(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A named tool choice needs a function name");
		}
		return new ToolChoice(null, name);
	}

	/**
	 * The mode, for a mode choice.
	 * @return {@code auto}, {@code none}, {@code any}, {@code required}, or {@code null}
	 * for a named function
	 */
	public @Nullable String mode() {
		return this.mode;
	}

	/**
	 * The function name, for a named choice.
	 * @return the name, or {@code null}
	 */
	public @Nullable String functionName() {
		return this.functionName;
	}

	/**
	 * The JSON form: a string or {@code {"type":"function","function":{"name":...}}}.
	 * @return the value written as JSON
	 */
	@JsonValue
	public Object toJson() {
		if (this.mode != null) {
			return this.mode;
		}
		return Map.of("type", "function", "function", Map.of("name", this.functionName));
	}

	/**
	 * Reads either JSON form.
	 * @param node the JSON
	 * @return the choice
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ToolChoice fromJson(JsonNode node) {
		if (node.isString()) {
			return switch (node.asString()) {
				case "auto" -> AUTO;
				case "none" -> NONE;
				case "any" -> ANY;
				case "required" -> REQUIRED;
				default -> new ToolChoice(node.asString(), null);
			};
		}
		return function(node.path("function").path("name").asString());
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof ToolChoice that && Objects.equals(this.mode, that.mode)
				&& Objects.equals(this.functionName, that.functionName);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.mode, this.functionName);
	}

	@Override
	public String toString() {
		return (this.mode != null) ? this.mode : "function:" + this.functionName;
	}

}
