package dev.mistralboot.client.chat;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A tool the model may use: a {@link FunctionTool function} of the application, or one of
 * Mistral's built-in tools (web search, code interpreter, image generation, document
 * library, connectors), told apart by {@code type}. A tool this library does not know yet
 * is read as {@link UnknownTool}, which keeps its whole payload and writes it back.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type", visible = true,
		defaultImpl = UnknownTool.class)
// the members do not read type (the union does), but UnknownTool, which keeps it
@JsonIgnoreProperties("type")
@JsonSubTypes({ @JsonSubTypes.Type(value = FunctionTool.class, name = "function"),
		@JsonSubTypes.Type(value = WebSearchTool.class, name = "web_search"),
		@JsonSubTypes.Type(value = WebSearchPremiumTool.class, name = "web_search_premium"),
		@JsonSubTypes.Type(value = CodeInterpreterTool.class, name = "code_interpreter"),
		@JsonSubTypes.Type(value = ImageGenerationTool.class, name = "image_generation"),
		@JsonSubTypes.Type(value = DocumentLibraryTool.class, name = "document_library"),
		@JsonSubTypes.Type(value = ConnectorTool.class, name = "connector") })
public sealed interface Tool permits FunctionTool, WebSearchTool, WebSearchPremiumTool, CodeInterpreterTool,
		ImageGenerationTool, DocumentLibraryTool, ConnectorTool, UnknownTool {

	/**
	 * A function tool.
	 * @param name the function name
	 * @param description what it does (the model reads this)
	 * @param parameters the JSON schema of its parameters
	 * @return the tool
	 */
	static FunctionTool function(String name, String description, Map<String, Object> parameters) {
		return new FunctionTool(new FunctionDefinition(name, description, null, parameters));
	}

	/**
	 * The built-in web search tool.
	 * @return the tool
	 */
	static WebSearchTool webSearch() {
		return new WebSearchTool(null);
	}

	/**
	 * The built-in code interpreter.
	 * @return the tool
	 */
	static CodeInterpreterTool codeInterpreter() {
		return new CodeInterpreterTool(null);
	}

}
